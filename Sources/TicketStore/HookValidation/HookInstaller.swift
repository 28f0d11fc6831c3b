import TicketCore
import Foundation
import GitKit

/// Installs the hook scripts into a clone or a bare repository, for that
/// repository alone.
///
/// The hooks go to a folder gitdesk owns — `.git/gitdesk/hooks` in a clone,
/// the repository's own `hooks/` on a server — and the repository's local
/// config points `core.hooksPath` at it. So a global `core.hooksPath` (a hook
/// manager, a company lint) neither receives gitdesk's hooks (every other
/// repository of the user would run them) nor hides them (a server whose
/// pre-receive never runs enforces nothing). The hooks that were active
/// before keep running: gitdesk's own hooks call them after their check,
/// and every other hook there is forwarded.
public enum HookInstaller {
    public struct Outcome: Sendable {
        /// The folder the hooks are in (what `core.hooksPath` now names).
        public var directory: String
        /// gitdesk's checks installed.
        public var installed: [String]
        /// Hooks left alone because a different script is already there (server, without --force).
        public var skipped: [String]
        /// Config settings made (`core.hooksPath`; server: `receive.denyDeletes`, ...).
        public var settings: [String] = []
        /// The folder of the hooks that were active before, now called from gitdesk's (nil: none).
        public var previousDirectory: String?
        /// gitdesk hooks that then run the previous hook of the same name.
        public var chained: [String] = []
        /// Other previous hooks, forwarded unchanged.
        public var forwarded: [String] = []
        /// Server: the protected branch and the refs a push may touch.
        public var policy: ServerPolicy?
        /// Server: true if the protected branch exists already (else its first push is the bootstrap).
        public var branchExists = false
    }

    /// What a server refuses besides invalid commits: deleting a branch and
    /// rewriting one (a force push would drop tickets' history), by git's own
    /// receive-pack settings.
    public static let serverSettings = ["receive.denyDeletes", "receive.denyNonFastForwards"]

    /// The config key that remembers the hooks folder active before gitdesk's.
    static let previousKey = "gitdesk.previousHooksPath"

    /// Installs the client hooks (or, with `server`, the server hooks and
    /// ``serverSettings``) of the repository containing `path`. On a server a
    /// hook file that is not gitdesk's is left alone unless `force`.
    public static func install(at path: String, server: Bool, force: Bool = false, branch: String? = nil) throws(DeskError) -> Outcome {
        let repository: Repository
        do { repository = try Repository.discover(from: path) } catch { throw .notARepository(path) }
        return try install(in: repository, server: server, force: force, branch: branch)
    }

    /// With `server`, also records the protected branch (`branch`, else the
    /// one configured before, else ``ServerPolicy/defaultBranch(_:)``) as
    /// `gitdesk.branch` in the repository's config.
    public static func install(in repository: Repository, server: Bool, force: Bool = false, branch: String? = nil) throws(DeskError) -> Outcome {
        if let branch, !ServerPolicy.isValidBranch(branch) {
            throw DeskError.said(Message(.badBranchName, ["branch": .text(branch)]))
        }
        let directory = ownDirectory(of: repository, server: server)
        var outcome = Outcome(directory: directory, installed: [], skipped: [])
        do {
            let previous = try previousDirectory(of: repository, own: directory)
            outcome.previousDirectory = previous
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let names = server ? HookScripts.server : HookScripts.client
            let before = previous.map(executableHooks(in:)) ?? [:]
            for name in names {
                let target = directory + "/" + name
                if server, !force, let existing = BoundedFile.read(target, maximum: hookBytes),
                   case let text = String(decoding: existing, as: UTF8.self),
                   !HookScripts.isGitdesk(text), !text.contains(".sample") {
                    outcome.skipped.append(name)
                    continue
                }
                let chained = before[name]
                try write(target, HookScripts.script(name, chainingTo: chained))
                outcome.installed.append(name)
                if chained != nil { outcome.chained.append(name) }
            }
            for (name, path) in before.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
                let target = directory + "/" + name
                if let existing = BoundedFile.read(target, maximum: hookBytes),
                   !HookScripts.isGitdesk(String(decoding: existing, as: UTF8.self)) { continue }
                try write(target, HookScripts.forwarder(name, to: path))
                outcome.forwarded.append(name)
            }
            // Relative where git allows it, so a desk moved to another folder keeps its hooks:
            // git reads a relative core.hooksPath from the work tree (a bare repository: its git directory).
            let configured = relativeHooksPath(of: repository, directory: directory) ?? directory
            try repository.setConfig("core.hooksPath", to: configured)
            outcome.settings.append("core.hooksPath=\(configured)")
            if let previous { try repository.setConfig(previousKey, to: previous) }
            // An existing clone: fetch the server's arrival stamps from now on.
            if !server, try repository.configString("remote.origin.url") != nil {
                try ArrivalNotes.configureFetch(in: repository)
            }
            if server {
                for key in serverSettings { try repository.setConfig(key, to: true) }
                outcome.settings += serverSettings.map { "\($0)=true" }
                let protected = try branch ?? ServerPolicy.read(repository).branch
                try repository.setConfig(ServerPolicy.branchKey, to: protected)
                let policy = try ServerPolicy.read(repository)
                outcome.policy = policy
                // A plain `git clone` checks out what HEAD names: the desk's branch.
                if repository.workdir == nil {
                    try repository.setHead(policy.protectedRef)
                    outcome.settings.append("HEAD=\(policy.protectedRef)")
                }
                outcome.branchExists = try repository.referenceTarget(policy.protectedRef) != nil
            }
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskError.from(error)
        }
        return outcome
    }

    /// `.git/gitdesk/hooks` for a clone whose git directory is `.git` in its
    /// work tree, `hooks` for a bare repository; nil otherwise (linked
    /// worktrees, GIT_DIR elsewhere), where the absolute path is used.
    static func relativeHooksPath(of repository: Repository, directory: String) -> String? {
        func clean(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.path }
        let common = clean(repository.commonDir)
        if let workdir = repository.workdir {
            guard common == clean(workdir + "/.git"), clean(directory) == common + "/gitdesk/hooks" else { return nil }
            return ".git/gitdesk/hooks"
        }
        return clean(directory) == common + "/hooks" ? "hooks" : nil
    }

    /// The folder gitdesk owns: `gitdesk/hooks` in a clone's git directory,
    /// `hooks` of a bare server repository.
    public static func ownDirectory(of repository: Repository, server: Bool) -> String {
        let common = repository.commonDir.hasSuffix("/") ? String(repository.commonDir.dropLast()) : repository.commonDir
        return server && repository.workdir == nil ? common + "/hooks" : common + "/gitdesk/hooks"
    }

    /// The hooks folder that was active before gitdesk's: remembered from an
    /// earlier install, else `core.hooksPath`, else the repository's `hooks/`;
    /// nil when that is gitdesk's own folder or does not exist.
    static func previousDirectory(of repository: Repository, own: String) throws -> String? {
        if let remembered = try repository.configString(previousKey), !remembered.isEmpty {
            return remembered == own ? nil : remembered
        }
        var candidate = repository.commonDir + "/hooks"
        if let configured = try repository.configString("core.hooksPath"), !configured.isEmpty {
            var p = configured
            if p.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { p = home + p.dropFirst(1) }
            if !p.hasPrefix("/") { p = (repository.workdir ?? repository.gitDir) + "/" + p }
            candidate = p
        }
        let normalised = URL(fileURLWithPath: candidate).standardizedFileURL.path
        guard normalised != URL(fileURLWithPath: own).standardizedFileURL.path else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: normalised, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return normalised
    }

    /// Executable hook files of `directory` that are not samples and not gitdesk's: name → path.
    static func executableHooks(in directory: String) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var result: [String: String] = [:]
        for name in names where !name.hasSuffix(".sample") && !name.hasPrefix(".") {
            let path = directory + "/" + name
            guard FileManager.default.isExecutableFile(atPath: path),
                  let data = BoundedFile.read(path, maximum: hookBytes),
                  !HookScripts.isGitdesk(String(decoding: data, as: UTF8.self)) else { continue }
            result[name] = path
        }
        return result
    }

    /// Hooks are read only when regular files of at most this size (a FIFO in
    /// a hook's place would block the read forever).
    static let hookBytes = 16 << 20

    static func write(_ path: String, _ text: String) throws(DeskError) {
        do { try AtomicFile.replace(path, with: Array(text.utf8), mode: 0o755) } catch {
            throw DeskError.git(error.description)
        }
    }
}
