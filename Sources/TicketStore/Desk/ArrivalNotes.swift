import Foundation
import GitKit
import TicketCore

/// When a commit reached the server and who pushed it: the server's own
/// record, which no client can write.
public struct Arrival: Equatable, Sendable {
    /// The server's clock when the push was received.
    public var time: Timestamp
    /// The person pushing (GITDESK_PUSHER), when the server knows it.
    public var pusher: String?
    /// The ref the commit arrived on.
    public var ref: String?

    public init(time: Timestamp, pusher: String?, ref: String?) {
        self.time = time; self.pusher = pusher; self.ref = ref
    }

    /// The note's text: `arrived: <ISO 8601>`, then `pusher:` and `ref:` lines.
    public var noteText: String {
        var s = "arrived: \(time.iso8601)\n"
        if let pusher { s += "pusher: \(pusher)\n" }
        if let ref { s += "ref: \(ref)\n" }
        return s
    }

    /// Reads a note written by ``noteText``; nil when it holds no arrival time.
    public init?(note: String) {
        var time: Timestamp? = nil
        for line in note.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { String($0).trimmed() }
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "arrived": time = Timestamp.parse(parts[1])
            case "pusher": pusher = parts[1]
            case "ref": ref = parts[1]
            default: break
            }
        }
        guard let time else { return nil }
        self.time = time
    }
}

/// Arrival stamps: the server's post-receive hook records, as a git note
/// under ``ref``, when each new commit arrived and who pushed it. Clients
/// fetch the notes (``fetchRefspec``) and `show` flags an SLA outcome recorded
/// before its deadline whose commit reached the server after it. The notes
/// ref is the server's alone: pre-receive refuses any push to it.
public enum ArrivalNotes {
    /// The notes reference the server writes.
    public static let ref = "refs/notes/gitdesk-arrivals"
    /// What a clone fetches to see the arrival stamps (the server's copy wins).
    /// A pattern (its `*` matches the empty rest): git refuses a fetch whose
    /// exact refspec names a ref the server lacks, as a server without a
    /// post-receive stamp yet does.
    public static let fetchRefspec = "+\(ref)*:\(ref)*"

    /// Adds ``fetchRefspec`` to `remote` of the clone containing `path`, so
    /// every `git fetch` / `git pull` / `gitdesk sync` brings the stamps.
    public static func configureFetch(in repository: Repository, remote: String = "origin") throws(DeskError) {
        do { try repository.addFetchRefspec(fetchRefspec, remote: remote) } catch {
            throw DeskError.from(error)
        }
    }

    /// The arrival stamp of `commit`, if the repository holds one.
    public static func arrival(of commit: ObjectID, in repository: Repository) -> Arrival? {
        guard let text = try? repository.note(on: commit, ref: ref) else { return nil }
        return Arrival(note: text)
    }

    /// True when the repository holds any arrival stamps.
    public static func present(in repository: Repository) -> Bool {
        ((try? repository.referenceTarget(ref)) ?? nil) != nil
    }

    /// post-receive: stamps every commit the push brought (reachable from an
    /// updated ref's new value, from none of the refs the push left alone and
    /// not from the ref's old value) that has no stamp yet, in one notes
    /// commit. Returns how many commits were stamped.
    @discardableResult
    public static func record(_ repository: Repository, updates: [HookChecks.RefUpdate], pusher: String?,
                              clock: Int64 = Int64(Date().timeIntervalSince1970)) throws(DeskError) -> Int {
        do {
            let updated = Set(updates.map(\.ref))
            let untouched = try repository.references(matching: "refs/*")
                .filter { !updated.contains($0.name) && !$0.name.hasPrefix("refs/notes/") }.map(\.target)
            let olds = updates.compactMap(\.old)
            var notes: [(object: ObjectID, text: String)] = []
            var seen = Set<ObjectID>()
            let time = Timestamp(seconds: clock, offsetMinutes: 0)
            for update in updates where !update.ref.hasPrefix("refs/notes/") {
                guard let new = update.new, (try? repository.commit(new)) != nil else { continue }
                let arrival = Arrival(time: time, pusher: pusher, ref: update.ref)
                for commit in try repository.commits(from: [new], hiding: untouched + olds) where seen.insert(commit).inserted {
                    notes.append((commit, arrival.noteText))
                }
            }
            guard !notes.isEmpty else { return 0 }
            let signature = Signature(name: "gitdesk server", email: "gitdesk@server", time: clock)
            var attempt = 0
            while true {
                attempt += 1
                let tip = try repository.referenceTarget(ref)
                guard let commit = try repository.notesCommit(adding: notes, onto: tip, signature: signature) else { return 0 }
                do {
                    try repository.updateReference(ref, to: commit, expecting: tip, message: "gitdesk post-receive: arrivals")
                    return notes.count
                } catch let error as GitError where [.modified, .locked, .exists].contains(error.code) && attempt < 50 {
                    usleep(UInt32.random(in: 1_000...20_000))  // another push's stamps landed first
                }
            }
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskError.from(error)
        }
    }

    /// pre-receive: a push to the notes ref is refused (only the server writes
    /// arrival stamps); nil for any other ref.
    public static func refusal(for update: HookChecks.RefUpdate) -> HookChecks.RefReport? {
        guard update.ref == ref else { return nil }
        let finding = Finding(file: update.ref, line: 1, rule: "backdate",
                              Message(.arrivalRefProtected, ["ref": .text(ref)]))
        return HookChecks.RefReport(update: update, reports: [CommitReport(commit: nil, findings: [finding])])
    }
}
