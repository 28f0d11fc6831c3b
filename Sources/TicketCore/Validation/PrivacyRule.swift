/// `pii`: no raw personal data in a ticket file. Fields in `masked_fields`
/// (`contact`) hold only masked values; every other field (but those whose
/// type is in `unscanned_types`: enum keys, handles, times, ratings), log
/// entries and contact entries hold no mobile or landline number, e-mail
/// address, resident ID or bank card number (privacy.yaml, DOMAIN.md
/// "Privacy"). Only what the change brought is judged: values that differ
/// from the parent version, log and contact entries that are new or changed;
/// a new file (or `gitdesk validate --all`) is judged whole. Strict or not, a
/// raw value in a file is an error: masking happens before gitdesk writes,
/// so a raw value in a file means someone wrote it by hand. Messages show the
/// value only masked.
public struct PrivacyRule: ValidationRule {
    public let id = "pii"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        let policy = context.schema.privacy
        let parsed = context.new
        let ticket = parsed.ticket
        let old = context.old
        var findings: [Finding] = []
        for key in ticket.fields.keys.sorted() {
            guard let value = ticket.fields[key], old?[key] != value else { continue }
            let line = parsed.line(of: key)
            let valueStart = parsed.sectionLines[key] != nil ? line + 2 : line
            if policy.maskedFields.contains(key) {
                if !ContactMasking.isMasked(value) {
                    findings.append(Finding(file: context.path, line: line, rule: id, field: key,
                        Message(.contactUnmasked, ["field": .field(key), "masked": .text(ContactMasking.maskContact(value, kinds: Set(policy.kinds)))])))
                }
            } else if policy.scans(field: key, in: context.schema) {
                findings += scan(value, field: key, firstLine: valueStart, context: context)
            }
        }
        if policy.scans(field: TicketFile.logSection, type: nil) {
            for (i, entry) in ticket.log.enumerated() {
                if let old, old.log.indices.contains(i), old.log[i] == entry { continue }
                let line = parsed.logLines.indices.contains(i) ? parsed.logLines[i] : parsed.line(of: TicketFile.logSection)
                findings += scan(entry.text, field: TicketFile.logSection, firstLine: line, context: context)
            }
        }
        if policy.scans(field: TicketFile.contactsSection, type: nil) {
            for (i, entry) in ticket.contacts.enumerated() {
                if let old, old.contacts.indices.contains(i), old.contacts[i] == entry { continue }
                let line = parsed.contactLines.indices.contains(i) ? parsed.contactLines[i] : 1
                findings += scan(entry.summary, field: TicketFile.contactsSection, firstLine: line + 1, context: context)
                if let f = entry.followUp {
                    findings += scan(f, field: TicketFile.contactsSection, firstLine: line + 2, context: context)
                }
            }
        }
        return findings
    }

    private func scan(_ text: String, field: String, firstLine: Int, context: ValidationContext) -> [Finding] {
        let matches = PIIScanner.scan(text, options: context.schema.privacy.scanOptions)
        return PIIMatch.withLines(matches, in: text).map { match, line in
            Finding(file: context.path, line: firstLine + line - 1, rule: id, field: field,
                           Self.message(match, where: .field(field)))
        }
    }

    /// `description: a mobile number must not be stored raw; write it masked, e.g. 138****5678`
    static func message(_ match: PIIMatch, where place: Message.Argument) -> Message {
        Message(.piiStoredRaw, ["where": place, "kind": .piiKind(match.kind), "masked": .text(match.masked)])
    }

    /// Findings for personal data in a commit's people: the author's and
    /// committer's names (`13912345678 <li@…>`, `张 customer@mail.com`) and
    /// the local part of their e-mail addresses (`13912345678@qq.com`; the
    /// address itself is the operator's, judged against the roster).
    public static func scanPeople(_ people: [(role: String, name: String, email: String)], file: String,
                                  policy: PrivacyPolicy) -> [Finding] {
        guard policy.commitMessages == .scan else { return [] }
        var findings: [Finding] = []
        for person in people {
            let local = String(person.email.split(separator: "@", maxSplits: 1).first ?? "")
            for (text, what) in [(person.name, Message(.piiWherePersonName, ["role": .text(person.role)])),
                                 (local, Message(.piiWherePersonEmail, ["role": .text(person.role)]))] {
                for match in PIIScanner.scan(text, options: policy.scanOptions) {
                    findings.append(Finding(file: file, line: 1, rule: "pii", field: PrivacyGuard.commitMessageField,
                                            Self.message(match, where: .message(what))))
                }
            }
        }
        return findings
    }

    /// Findings for personal data in a commit message (`commit_messages: scan`);
    /// `file` names the message (e.g. `abc1234:COMMIT_MSG`).
    public static func scanCommitMessage(_ message: String, file: String, policy: PrivacyPolicy) -> [Finding] {
        guard policy.commitMessages == .scan else { return [] }
        let matches = PIIScanner.scan(message, options: policy.scanOptions)
        return PIIMatch.withLines(matches, in: message).map { match, line in
            Finding(file: file, line: line, rule: "pii", field: PrivacyGuard.commitMessageField,
                           Self.message(match, where: .message(Message(.piiWhereCommitMessage))))
        }
    }
}
