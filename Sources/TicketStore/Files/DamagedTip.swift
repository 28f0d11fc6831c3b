import Foundation
import GitKit
import TicketCore

/// The branch's tip commit cannot be read — a power cut during the last
/// write left its loose file empty or cut short, or it is gone — while the
/// branch's reflog still names the commit before it. The desk is then one
/// `git update-ref` away from working again, at the price of the last change
/// (unless it was pushed), and the message says exactly that and how.
struct DamagedTip: Equatable {
    var branch: String
    var tip: ObjectID
    /// The tip's loose file when it is still there (it must be removed first).
    var looseFile: String?
    var looseFileEmpty: Bool
    /// The commit before the damaged tip, readable.
    var previous: ObjectID
    /// What the reflog says the lost change was (`gitdesk comment: CS-…`).
    var change: String
    /// The ticket the lost change touched, and whether `previous` holds it
    /// (then `git checkout HEAD --` restores it; else the lost change made it).
    var ticketPath: String?
    var ticketExistedBefore: Bool

    /// The evidence, or nil when the reflog does not lead to a readable commit before `tip`.
    static func detect(repository: Repository, branch: String, tip: ObjectID) -> DamagedTip? {
        let git = repository.gitDir.hasSuffix("/") ? String(repository.gitDir.dropLast()) : repository.gitDir
        guard let data = FileManager.default.contents(atPath: git + "/logs/" + branch), data.count < 64 << 20,
              let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last else { return nil }
        let words = last.split(separator: " ", maxSplits: 2)
        guard words.count == 3, words[1] == tip.hex, let previous = ObjectID(hex: String(words[0])),
              let previousTree = try? repository.commit(previous).tree else { return nil }
        // gitdesk's own reflog lines name the verb and the ID only; a hand
        // commit's subject may hold personal data, so it is pointed at, not printed.
        let logged = last.split(separator: "\t", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        let change = logged.hasPrefix("gitdesk ") && logged.utf8.count <= 200 ? logged : "`git log -1 \(tip.hex)` in a clone that has it"
        let file = "\(git)/objects/\(tip.hex.prefix(2))/\(tip.hex.dropFirst(2))"
        var info = stat()
        let exists = stat(file, &info) == 0
        var result = DamagedTip(branch: branch, tip: tip, looseFile: exists ? file : nil, looseFileEmpty: exists && info.st_size == 0,
                                previous: previous, change: change, ticketPath: nil, ticketExistedBefore: false)
        // The ticket: the reflog's message names its ID (`gitdesk VERB: ID`).
        if let id = change.split(separator: ":").dropFirst().first?.split(separator: " ").first.map(String.init), !id.isEmpty {
            let before = (try? repository.listFiles(inTree: previousTree, under: DeskLayout.ticketsDirectory)) ?? []
            if let hit = before.first(where: { $0.path.hasSuffix("/\(id).md") }) {
                result.ticketPath = hit.path
                result.ticketExistedBefore = true
            } else if let workdir = repository.workdir {
                result.ticketPath = workingTicket(id: id, workdir: workdir)
            }
        }
        return result
    }

    /// `tickets/YYYY/MM/ID.md` in the work tree, for a ticket the lost change created.
    private static func workingTicket(id: String, workdir: String) -> String? {
        let root = (workdir.hasSuffix("/") ? workdir : workdir + "/") + DeskLayout.ticketsDirectory
        let fm = FileManager.default
        for year in (try? fm.contentsOfDirectory(atPath: root)) ?? [] {
            for month in (try? fm.contentsOfDirectory(atPath: "\(root)/\(year)")) ?? []
            where fm.fileExists(atPath: "\(root)/\(year)/\(month)/\(id).md") {
                return "\(DeskLayout.ticketsDirectory)/\(year)/\(month)/\(id).md"
            }
        }
        return nil
    }

    /// The commands, in order, joined with `&&`.
    var repair: String {
        var steps: [String] = []
        if let looseFile { steps.append("rm \(looseFile)") }
        steps.append("git update-ref \(branch) \(previous.hex)")
        // The reflogs still name the lost commit, and git fsck reports each such entry.
        steps.append("git reflog expire --stale-fix --all")
        if let ticketPath {
            steps.append(ticketExistedBefore ? "git checkout HEAD -- \(ticketPath)" : "git rm -q --cached \(ticketPath) && rm \(ticketPath)")
        }
        return "`" + steps.joined(separator: " && ") + "`"
    }

    func error(path: String) -> DeskError {
        .said(Message(looseFile == nil ? .tipMissing : (looseFileEmpty ? .tipEmpty : .tipDamaged),
                      ["path": .text(path), "branch": .text(branch), "tip": .text(tip.hex),
                       "change": .text(change), "repair": .text(repair)]))
    }
}
