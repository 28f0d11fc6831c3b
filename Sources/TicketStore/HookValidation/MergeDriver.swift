import Foundation
import GitKit
import TicketCore

/// `gitdesk merge-driver %O %A %B %P`: the three versions of one ticket file
/// merged by ``TicketMerge`` with the desk's schema (committed at HEAD), the
/// result written over %A.
///
/// Git expects exit 0 for a clean merge and non-zero for a conflict left in
/// %A; so: 0 when every conflict was settled by a rule (each one logged in
/// the file and reported), 1 when a field no rule settles or an illegal
/// result remains — then %A gets git's own conflict markers (`git
/// merge-file`) for a person to resolve, exactly as without a driver.
public enum MergeDriver {
    /// What the driver did to one file.
    public struct Outcome: Sendable {
        public var path: String
        /// Conflicts settled by a rule (logged in the file).
        public var settled: [MergeConflict]
        /// What a person must resolve (empty: the merge is clean).
        public var unresolved: [MergeConflict]
        /// Why the file was not merged field by field (unreadable side), if so.
        public var fallbackReason: String?

        public var isClean: Bool { unresolved.isEmpty && fallbackReason == nil }
    }

    /// Merges the files at `base`, `ours`, `theirs` (git's temporary files)
    /// for the ticket at `path`, writing the result to `ours`.
    public static func run(base: String, ours: String, theirs: String, path: String,
                           directory: String = FileManager.default.currentDirectoryPath,
                           environment: [String: String] = ProcessInfo.processInfo.environment) throws(DeskError) -> Outcome {
        let desk: Desk
        do { desk = try Desk.open(at: directory) } catch {
            // No desk to read the rules from: leave git's markers rather than our side alone.
            try markConflicts(base: base, ours: ours, theirs: theirs, path: path)
            throw error
        }
        let sides: (base: Ticket?, ours: Ticket, theirs: Ticket)
        do {
            sides = try (read(base, allowEmpty: true), read(ours)!, read(theirs)!)
        } catch {
            try markConflicts(base: base, ours: ours, theirs: theirs, path: path)
            return Outcome(path: path, settled: [], unresolved: [], fallbackReason: error.description)
        }
        // While a rebase replays a commit, the merged file becomes that commit's
        // content: its Conflict lines are written as its author, at its time.
        let replayed = replayedCommit(desk: desk)
        let now: Timestamp
        if let replayed { now = replayed.time } else { now = try DeskClock.now(zone: desk.timeZone, environment: environment) }
        let context = MergeContext(operatorHandle: replayed?.handle ?? operatorHandle(desk: desk, environment: environment),
                                   now: now,
                                   linear: isReplaying(desk.repository))
        let result = TicketMerge.merge(base: sides.base, ours: sides.ours, theirs: sides.theirs,
                                       schema: desk.schema, context: context)
        guard result.isClean else {
            if result.unresolved.contains(where: { $0.rule == "id-collision" }) {
                try keepBoth(ours: ours, theirs: theirs, path: path)
            } else {
                try markConflicts(base: base, ours: ours, theirs: theirs, path: path)
            }
            return Outcome(path: path, settled: result.conflicts, unresolved: result.unresolved)
        }
        do {
            try Data(TicketFile.render(result.ticket, layout: desk.schema.layout).utf8).write(to: URL(fileURLWithPath: ours))
        } catch {
            throw .git("cannot write the merged \(path): \(error.localizedDescription)")
        }
        return Outcome(path: path, settled: result.conflicts, unresolved: [])
    }

    /// Who is merging: GITDESK_OPERATOR, else git's user.email / user.name
    /// through team.yaml, else ``unknownOperator`` (the merge still goes on:
    /// a pull must not fail because the identity is not on the roster).
    static func operatorHandle(desk: Desk, environment: [String: String]) -> String {
        if let person = try? OperatorResolver.resolve(flag: nil, desk: desk, environment: environment) {
            return person.handle
        }
        return unknownOperator
    }

    /// The commit a rebase is replaying now (the last `pick` of
    /// `rebase-merge/done`), as its author's handle on the roster and its
    /// author time; nil when not rebasing or the author is not on the roster.
    static func replayedCommit(desk: Desk) -> (handle: String, time: Timestamp)? {
        let repository = desk.repository
        guard let data = FileManager.default.contents(atPath: repository.gitDir + "/rebase-merge/done") else { return nil }
        let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last { $0.hasPrefix("pick ") || $0.hasPrefix("p ") }
        guard let word = last?.split(separator: " ").dropFirst().first,
              let id = try? repository.resolveCommit(String(word)),
              let info = try? repository.commit(id),
              let person = desk.team.person(email: info.author.email, name: nil) else { return nil }
        let time = desk.timeZone.localise(Timestamp(seconds: info.author.time, offsetMinutes: info.author.offsetMinutes))
        return (person.handle, time)
    }

    /// True while git replays commits onto another (rebase, a cherry-pick
    /// or revert series): the result becomes a plain commit on top of ours,
    /// so ours' logs must stay a prefix for the append-only rule.
    static func isReplaying(_ repository: Repository) -> Bool {
        ["rebase-merge", "rebase-apply", "sequencer", "CHERRY_PICK_HEAD", "REVERT_HEAD"].contains {
            FileManager.default.fileExists(atPath: repository.gitDir + "/" + $0)
        }
    }

    /// The handle on Conflict entries when the person merging is not on the roster.
    public static let unknownOperator = "unknown-merger"

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// A side's ticket; nil for an empty base (the file was added on both sides).
    static func read(_ file: String, allowEmpty: Bool = false) throws(Unreadable) -> Ticket? {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Unreadable(description: "cannot read \(file)")
        }
        if allowEmpty, data.isEmpty { return nil }
        do { return try TicketFile.parse(bytes: Array(data)).ticket } catch {
            throw Unreadable(description: "line \(error.line): \(error.description)")
        }
    }

    /// Two different tickets under one path: both whole between conflict
    /// markers (a line merge could splice them into one without a marker).
    static func keepBoth(ours: String, theirs: String, path: String) throws(DeskError) {
        guard let o = FileManager.default.contents(atPath: ours), let t = FileManager.default.contents(atPath: theirs) else {
            throw .git("cannot read the two versions of \(path)")
        }
        func block(_ d: Data) -> Data { d.last == UInt8(ascii: "\n") || d.isEmpty ? d : d + Data("\n".utf8) }
        let text = Data("<<<<<<< ours\n".utf8) + block(o) + Data("=======\n".utf8) + block(t) + Data(">>>>>>> theirs\n".utf8)
        do { try text.write(to: URL(fileURLWithPath: ours)) } catch {
            throw .git("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Leaves git's line conflict markers in `ours`, as git does without a driver.
    static func markConflicts(base: String, ours: String, theirs: String, path: String) throws(DeskError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            throw .git("cannot run git merge-file for \(path): \(error.localizedDescription)")
        }
    }
}
