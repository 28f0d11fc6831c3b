/// The privacy policy applied to a whole ticket on its way into the
/// repository (the write path calls this before rendering, so a raw value
/// never reaches a git object).
extension PrivacyGuard {
    /// `ticket` as it may be stored in a desk with `schema`, given the
    /// version before the change (`old`):
    /// - fields in `masked_fields` (`contact`) are always masked with ``ContactMasking``;
    /// - every other field that changed is masked, or refused in strict mode,
    ///   unless its type may skip the scan (`unscanned_types`: enum keys,
    ///   handles, times...); a field the schema does not define is scanned;
    /// - new log entries and new or changed contact entries likewise;
    ///   entries already stored are left alone (the log is append-only).
    ///
    /// - Throws: ``PrivacyError/personalDataNotAllowed(field:kind:masked:line:column:count:)``
    ///   in strict mode; its message shows the value only masked.
    public static func apply(schema: Schema, to ticket: Ticket, old: Ticket?) throws(PrivacyError) -> Ticket {
        try apply(policy: schema.privacy, types: { schema.field($0)?.type }, to: ticket, old: old)
    }

    /// ``apply(schema:to:old:)`` without a schema: no field type is known,
    /// so every field but the masked ones is scanned.
    public static func apply(policy: PrivacyPolicy, to ticket: Ticket, old: Ticket?) throws(PrivacyError) -> Ticket {
        try apply(policy: policy, types: { _ in nil }, to: ticket, old: old)
    }

    static func apply(
        policy: PrivacyPolicy, types: (String) -> FieldType?, to ticket: Ticket, old: Ticket?
    ) throws(PrivacyError) -> Ticket {
        var result = ticket
        for key in ticket.fields.keys.sorted() {
            guard let value = ticket.fields[key] else { continue }
            if policy.maskedFields.contains(key) {
                result[key] = ContactMasking.maskContact(value, kinds: Set(policy.kinds))
            } else if old?[key] != value, policy.scans(field: key, type: types(key)) {
                result[key] = try apply(policy: policy, field: key, type: types(key), text: value)
            }
        }
        if policy.scans(field: TicketFile.logSection, type: nil) {
            for i in ticket.log.indices {
                if let old, old.log.indices.contains(i), old.log[i] == ticket.log[i] { continue }
                result.log[i].text = try apply(policy: policy, field: TicketFile.logSection, text: ticket.log[i].text)
            }
        }
        if policy.scans(field: TicketFile.contactsSection, type: nil) {
            for i in ticket.contacts.indices {
                if let old, old.contacts.indices.contains(i), old.contacts[i] == ticket.contacts[i] { continue }
                let field = TicketFile.contactsSection
                result.contacts[i].summary = try apply(policy: policy, field: field, text: ticket.contacts[i].summary)
                if let f = ticket.contacts[i].followUp {
                    result.contacts[i].followUp = try apply(policy: policy, field: field, text: f)
                }
            }
        }
        return result
    }

    /// A commit message with personal data masked (never refused: the change
    /// it describes was already checked), unless `commit_messages: off`.
    public static func maskCommitMessage(_ message: String, policy: PrivacyPolicy) -> String {
        guard policy.commitMessages == .scan else { return message }
        return PIIScanner.mask(message, options: policy.scanOptions).text
    }
}
