import Foundation
import GitKit
import TicketCore

extension Desk {
    /// The desk as it was at `revision`: a commit, branch or tag, `HEAD~3`,
    /// `main@{2026-11-01}` (git's reflog form), or a bare date `YYYY-MM-DD`
    /// meaning the last commit of HEAD's first-parent line made before that
    /// day began in the desk's time zone. Returns the desk read from that
    /// commit's tree and settings, and the commit's time.
    ///
    /// A ref or commit named like a date wins over the date, as in git.
    public func at(revision: String) throws(DeskError) -> (desk: Desk, committed: Timestamp) {
        let commit: ObjectID
        do {
            if let named = try? repository.resolveCommit(revision) {
                commit = named
            } else if let day = Self.day(revision) {
                commit = try lastCommit(before: day, revision: revision)
            } else {
                throw DeskError.invalidInput("no commit \(revision) in this desk (give a commit, branch, tag, REV@{date} or YYYY-MM-DD)")
            }
            let info = try repository.commit(commit)
            let desk = try Desk.open(repository: repository, branch: nil, commit: commit, displayPath: revision)
            desk.revision = revision
            return (desk, Timestamp(seconds: info.committer.time, offsetMinutes: info.committer.offsetMinutes))
        } catch let error as DeskError {
            throw error
        } catch {
            throw .invalidInput("no commit \(revision) in this desk (\(error))")
        }
    }

    /// `YYYY-MM-DD` as its year, month and day, nil for any other text.
    static func day(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }

    /// The newest commit on HEAD's first-parent line committed before midnight
    /// starting `day` in the desk's time zone.
    private func lastCommit(before day: (year: Int, month: Int, day: Int), revision: String) throws -> ObjectID {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone.zone ?? TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else {
            throw DeskError.invalidInput("no commit \(revision) in this desk (not a date)")
        }
        let cutoff = Int64(start.timeIntervalSince1970)
        var next: ObjectID? = headCommit
        while let id = next {
            let info = try repository.commit(id)
            if info.committer.time < cutoff { return id }
            next = info.parents.first
        }
        throw DeskError.invalidInput("no commit in this desk before \(revision)")
    }
}
