import Foundation
import GitKit

/// A desk whose branch can no longer be read: HEAD names a branch that does
/// not resolve (or `.git/packed-refs` does not parse), yet the repository
/// shows it had history — the branch's reflog, or a packed-refs file that a
/// full disk or a bad copy emptied or cut short while the branch lived only
/// there. Told apart from "not a desk" so that nobody follows the advice to
/// run `gitdesk init`, whose new root commit would hide the whole history.
struct LostBranch: Equatable {
    /// The branch HEAD names (`refs/heads/main`).
    var branch: String
    /// `.git/packed-refs` when it exists (the usual culprit).
    var packedRefs: String?
    /// The branch's last commit as its reflog (or HEAD's) names it, when the
    /// repository still holds that commit: what `git update-ref` restores.
    var lastTip: ObjectID?
    /// The branch's own ref file (`.git/refs/heads/main`).
    var refFile: String

    /// The evidence for `branch` in `repository`, or nil when the repository
    /// never had that branch (a new repository, a fresh orphan branch with
    /// no damage).
    static func detect(repository: Repository, branch: String, packedRefsUnreadable: Bool = false) -> LostBranch? {
        let git = repository.gitDir.hasSuffix("/") ? String(repository.gitDir.dropLast()) : repository.gitDir
        let packed = git + "/packed-refs"
        let packedExists = FileManager.default.fileExists(atPath: packed)
        let branchLog = lastReflogTarget(git + "/logs/" + branch)
        let headLog = lastReflogTarget(git + "/logs/HEAD")
        // The branch's own reflog is proof; HEAD's only with a damaged or empty
        // packed-refs (HEAD's reflog also outlives a deliberate orphan branch).
        let packedDamaged = packedRefsUnreadable || (packedExists && !holdsRefLine(packed))
        // A desk's working files beside a non-empty object database are proof
        // too: packed-refs and the reflogs removed (`git gc`, then logs and
        // packed-refs lost) leave nothing else, and the commits are still there.
        let deskFiles = repository.workdir.map {
            FileManager.default.fileExists(atPath: ($0.hasSuffix("/") ? $0 : $0 + "/") + DeskLayout.configPath)
        } ?? false
        let evidence = branchLog != nil || (packedDamaged && (headLog != nil || hasObjects(git)))
            || (deskFiles && hasObjects(git))
        guard evidence else { return nil }
        let candidates = [branchLog ?? nil, headLog ?? nil].compactMap { $0 }
        let tip = candidates.first { (try? repository.commit($0)) != nil }
        return LostBranch(branch: branch, packedRefs: packedExists ? packed : nil, lastTip: tip, refFile: git + "/" + branch)
    }

    /// The branch HEAD names, read from `.git/HEAD` (for when libgit2 cannot read the refs).
    static func headBranch(gitDir: String) -> String? {
        let git = gitDir.hasSuffix("/") ? String(gitDir.dropLast()) : gitDir
        guard let text = try? String(contentsOfFile: git + "/HEAD", encoding: .utf8), text.hasPrefix("ref: ") else { return nil }
        return text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The new value of a reflog's last entry: `.some(nil)` when the log has
    /// entries but the last names no commit, nil when there is no log.
    private static func lastReflogTarget(_ path: String) -> ObjectID?? {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let last = text.split(separator: "\n").last else { return nil }
        let words = last.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, let id = ObjectID(hex: String(words[1])), id.hex != String(repeating: "0", count: 40) else {
            return .some(nil)
        }
        return .some(id)
    }

    /// True if the packed-refs file holds at least one whole `HEX NAME` line.
    private static func holdsRefLine(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").contains { line in
            let words = line.split(separator: " ")
            return words.count == 2 && words[0].utf8.count == 40 && words[1].hasPrefix("refs/")
        }
    }

    /// True if the object database holds anything (a pack or a loose object).
    private static func hasObjects(_ git: String) -> Bool {
        let objects = git + "/objects"
        if let packs = try? FileManager.default.contentsOfDirectory(atPath: objects + "/pack"),
           packs.contains(where: { $0.hasSuffix(".pack") }) { return true }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? []
        return folders.contains { $0.utf8.count == 2 && !((try? FileManager.default.contentsOfDirectory(atPath: objects + "/" + $0)) ?? []).isEmpty }
    }

    /// The commands that put the branch back: the exact `git update-ref` when
    /// the reflog names a commit the repository holds, else how to find one.
    var repair: String {
        if let lastTip { return "`git update-ref \(branch) \(lastTip.hex)`" }
        return "`git fsck --lost-found` (or `git reflog`), then `git update-ref \(branch) COMMIT`"
    }

    /// The file to name: packed-refs when there is one, else the branch's own ref file.
    var file: String { packedRefs ?? refFile }

    func error(path: String) -> DeskError { .branchLost(path: path, branch: branch, file: file, repair: repair) }

    /// The lost branch of `repository`'s HEAD, whether libgit2 reads it as
    /// unborn or cannot read the refs at all; nil for a healthy repository.
    static func ofHead(_ repository: Repository) -> LostBranch? {
        do {
            guard case .unborn(let branch) = try repository.head() else { return nil }
            return detect(repository: repository, branch: branch)
        } catch {
            guard let branch = headBranch(gitDir: repository.gitDir) else { return nil }
            return detect(repository: repository, branch: branch, packedRefsUnreadable: "\(error)".contains("packed"))
        }
    }
}
