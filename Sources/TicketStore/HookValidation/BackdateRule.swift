import Foundation
import GitKit
import TicketCore

/// `backdate`: the times a commit records can be trusted, so SLA figures can.
///
/// For a commit whose author lacks the `backdate` permission of
/// workflow.yaml (admin when the file names none), on a desk that is not a
/// clock-override desk (rules from the rules revision, never the commit):
/// - no `Backdated:` trailer (gitdesk writes it only for permitted people);
/// - every time the commit records (new log and contact entries, `created`
///   of a new ticket, `responded`, `archived`) is within the tolerance of the
///   commit's own author date;
/// and when the server's clock is known (pre-receive, ``CommitValidator/receivedAt``):
/// - neither the author date nor a recorded time lies in the server's future;
/// - the commit is no older than its arrival by more than the desk's
///   `max_offline_hours` (work done offline), unless the pusher holds `backdate`.
extension CommitValidator {
    func backdateFindings(_ info: CommitInfo, settings: DeskSettings?) throws -> [Finding] {
        // No one's commit is made in the server's future: not even a clock-override desk's or a back-dater's.
        let committed = Timestamp(seconds: info.committer.time, offsetMinutes: info.committer.offsetMinutes)
        if let now = receivedAt, committed.seconds > now + ClockPolicy.toleranceSeconds {
            return [Finding(file: "COMMIT", line: 1, rule: "backdate",
                Message(.backdateCommitterFuture, ["time": .text(committed.shortDisplay), "gap": .text(SLAMeasure.format(seconds: committed.seconds - now)),
                                          "clock": .text(Timestamp(seconds: now, offsetMinutes: committed.offsetMinutes).shortDisplay)]))]
                + (try backdateFindings(info, settings: settings, committerChecked: true))
        }
        return try backdateFindings(info, settings: settings, committerChecked: true)
    }

    private func backdateFindings(_ info: CommitInfo, settings: DeskSettings?, committerChecked: Bool) throws -> [Finding] {
        guard let settings, !settings.config.clockOverride else { return [] }
        let workflow = settings.schema.workflow
        let author = settings.team.person(email: info.author.email, name: nil)
        if ClockPolicy.mayBackdate(author, workflow: workflow) { return [] }
        let who: Message.Argument = .text(author?.handle ?? "\(info.author.name) <\(info.author.email)>")
        let needs: Message.Argument = .message(Message(.backdateNeeds, ["roles": .roles(ClockPolicy.roles(in: workflow))]))
        let tolerance = ClockPolicy.toleranceSeconds
        let authored = Timestamp(seconds: info.author.time, offsetMinutes: info.author.offsetMinutes)
        var findings: [Finding] = []

        if let value = ClockPolicy.trailerValue(in: info.message) {
            findings.append(Finding(file: "COMMIT", line: 1, rule: "backdate",
                Message(.backdateTrailer, ["who": who, "trailer": .text("\(ClockPolicy.trailer): \(value)"), "needs": needs])))
        }
        let recorded = try recordedTimes(info)
        for (path, time) in recorded where abs(time.time.seconds - authored.seconds) > tolerance {
            let gap = SLAMeasure.format(seconds: abs(time.time.seconds - authored.seconds))
            findings.append(Finding(file: path, line: time.line, rule: "backdate",
                Message(time.time < authored ? .backdateRecordedBefore : .backdateRecordedAfter,
                        ["who": who, "what": Self.describe(time), "time": .text(time.time.shortDisplay), "gap": .text(gap),
                         "authored": .text(authored.shortDisplay), "needs": needs])))
        }
        guard let now = receivedAt else { return findings }
        let clock = Timestamp(seconds: now, offsetMinutes: authored.offsetMinutes)
        if authored.seconds > now + tolerance {
            findings.append(Finding(file: "COMMIT", line: 1, rule: "backdate",
                Message(.backdateAuthorFuture, ["time": .text(authored.shortDisplay), "gap": .text(SLAMeasure.format(seconds: authored.seconds - now)),
                                       "clock": .text(clock.shortDisplay)])))
        }
        for (path, time) in recorded where time.time.seconds > now + tolerance {
            findings.append(Finding(file: path, line: time.line, rule: "backdate",
                Message(.backdateRecordedFuture, ["what": Self.describe(time), "time": .text(time.time.shortDisplay), "clock": .text(clock.shortDisplay)])))
        }
        let window = Int64(settings.config.maxOfflineHours) * 3600
        let pushing = pusher.flatMap { settings.team.person($0) ?? settings.team.person(email: $0, name: nil) }
        if now - authored.seconds > window, !ClockPolicy.mayBackdate(pushing, workflow: workflow) {
            findings.append(Finding(file: "COMMIT", line: 1, rule: "backdate",
                Message(.backdateOffline, ["who": who, "time": .text(authored.shortDisplay), "gap": .text(SLAMeasure.format(seconds: now - authored.seconds)),
                                  "clock": .text(clock.shortDisplay), "hours": .number(settings.config.maxOfflineHours), "needs": needs])))
        }
        return findings
    }

    /// The times each ticket file of the commit newly records, with the file's path.
    /// A file taken unchanged from a parent records nothing new; a ticket renamed
    /// in the same commit (a new ID, the same `created`) is compared with its old file.
    func recordedTimes(_ info: CommitInfo) throws -> [(String, RecordedTime)] {
        let parentTrees = try info.parents.map { try repository.commit($0).tree }
        // path → (new blob, its blob in the first parent)
        var changed: [String: (new: ObjectID, first: ObjectID?)] = [:]
        var deleted: [Ticket] = []
        for (i, parent) in (parentTrees.isEmpty ? [nil] : parentTrees.map { Optional($0) }).enumerated() {
            for c in try changes(from: parent, to: info.tree, under: "tickets/") {
                if let blob = c.newBlob { if i == 0 || changed[c.path] == nil { changed[c.path] = (blob, i == 0 ? c.oldBlob : nil) } }
                else if i == 0, let old = c.oldBlob, let t = try? TicketFile.parse(bytes: self.blob(old)) { deleted.append(t.ticket) }
            }
        }
        var result: [(String, RecordedTime)] = []
        for (path, blobs) in changed.sorted(by: { $0.key < $1.key }) where TreeValidator.ticketID(fromPath: path) != nil {
            let blob = blobs.new
            var previous: [Ticket?] = []
            var unchanged = false
            for (i, tree) in parentTrees.enumerated() {
                // The first parent's blob is known from the diff (one parent: no tree lookups).
                let old = i == 0 ? blobs.first : try repository.entry(at: path, inTree: tree)?.id
                if old == blob { unchanged = true; break }
                previous.append(old.flatMap { try? TicketFile.parse(bytes: self.blob($0)).ticket })
            }
            guard !unchanged, let new = try? TicketFile.parse(bytes: self.blob(blob)) else { continue }
            if previous.allSatisfy({ $0 == nil }), let created = new.ticket["created"],
               let renamed = deleted.first(where: { $0["created"] == created }) {
                previous = [renamed]
            }
            result += RecordedTimes.added(to: new, since: previous.isEmpty ? [nil] : previous).map { (path, $0) }
        }
        return result
    }

    /// What a recorded time is, in words: a field by its label, a log entry, the n-th contact.
    static func describe(_ time: RecordedTime) -> Message.Argument {
        if time.what == "log entry" { return .message(Message(.recordedLogEntry)) }
        if time.what.hasPrefix("contact #"), let n = Int(time.what.dropFirst("contact #".count)) {
            return .message(Message(.recordedContact, ["number": .number(n)]))
        }
        return .field(time.what)
    }
}
