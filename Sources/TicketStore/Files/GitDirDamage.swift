import Foundation
import GitKit
import TicketCore

/// Why libgit2 found no repository where there is a `.git` folder: its HEAD
/// file is gone, or its config does not parse. Either way the history is all
/// there, so the message names the file and the repair — never `gitdesk
/// init`, whose advice would start a second, empty desk beside it.
enum GitDirDamage {
    /// The refusal for `path` when a `.git` folder at or above it explains
    /// `error`; nil when there is no such folder (truly not a repository).
    static func explain(path: String, error: any Error) -> DeskError? {
        guard let git = enclosingGitDir(from: path) else { return nil }
        let work = String(git.dropLast("/.git".count))
        let message = (error as? GitError)?.message ?? ""
        if let (file, line) = configLocation(message) {
            let problem = message.components(separatedBy: " (in ").first ?? message
            return .said(Message(.gitConfigDamaged, ["path": .text(work), "file": .text(file), "line": .number(line),
                                                     "problem": .text(problem)]))
        }
        var info = stat()
        // Only a repository with history: a `gitdesk init` killed before git
        // wrote HEAD leaves objects but no branch, and is made again by init.
        if stat(git + "/HEAD", &info) != 0, hasBranch(git) {
            return .said(Message(.headMissing, ["path": .text(work), "file": .text(git + "/HEAD"),
                                                "branch": .text(likelyBranch(git))]))
        }
        return nil
    }

    /// The nearest `DIR/.git` folder holding `objects/`, from `path` upwards.
    static func enclosingGitDir(from path: String) -> String? {
        var dir = URL(fileURLWithPath: path).standardizedFileURL.path
        var isDir: ObjCBool = false
        while true {
            let candidate = (dir == "/" ? "" : dir) + "/.git"
            if FileManager.default.fileExists(atPath: candidate + "/objects", isDirectory: &isDir), isDir.boolValue {
                return candidate
            }
            if dir == "/" || dir.isEmpty { return nil }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    /// libgit2's `… (in FILE:LINE, column N)` of a config parse error.
    static func configLocation(_ message: String) -> (String, Int)? {
        guard message.contains("config"), let open = message.range(of: " (in ", options: .backwards) else { return nil }
        let rest = message[open.upperBound...]
        guard let comma = rest.range(of: ", column")?.lowerBound ?? rest.firstIndex(of: ")") else { return nil }
        let location = rest[..<comma]
        guard let colon = location.lastIndex(of: ":"), let line = Int(location[location.index(after: colon)...]) else { return nil }
        return (String(location[..<colon]), line)
    }

    /// True when a branch exists: a ref file under refs/heads or one in packed-refs.
    static func hasBranch(_ git: String) -> Bool {
        !branchNames(git).isEmpty
    }

    /// The branch HEAD most likely named: `main` when it exists, else the only branch.
    static func likelyBranch(_ git: String) -> String {
        let names = branchNames(git)
        if names.contains("main") || names.count != 1 { return "refs/heads/main" }
        return "refs/heads/" + names.first!
    }

    /// The branches' names, loose and packed (top level of refs/heads).
    static func branchNames(_ git: String) -> Set<String> {
        let loose = (try? FileManager.default.contentsOfDirectory(atPath: git + "/refs/heads")) ?? []
        let packed = (BoundedFile.read(git + "/packed-refs", maximum: 64 << 20).map { String(decoding: $0, as: UTF8.self) } ?? "")
            .split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ")
                return words.count == 2 && words[1].hasPrefix("refs/heads/") ? String(words[1].dropFirst("refs/heads/".count)) : nil
            }
        return Set(loose + packed)
    }
}
