import Foundation
import GitKit

/// The git hook scripts (the files of `hooks/`), embedded so an installed
/// binary needs no source tree: each is a few lines of sh that runs
/// `gitdesk hook NAME "$@"`.
public enum HookScripts {
    /// Hooks for clones: checked before git records a commit or a merge.
    public static let client = ["pre-commit", "commit-msg", "pre-merge-commit"]
    /// Hooks for the server (a bare repository).
    public static let server = ["pre-receive", "post-receive"]

    /// The text of hook `name`, byte for byte the file `hooks/<name>`.
    public static func script(_ name: String) -> String {
        let what = name == "post-receive"
            ? "server hook: records when each pushed commit arrived and who pushed it (refs/notes/gitdesk-arrivals)"
            : server.contains(name)
            ? "server hook: refuses pushes whose new commits break the desk's rules (fails closed)"
            : "client hook: checks changes to the desk before git records them"
        return """
            #!/bin/sh
            # gitdesk \(name) \(what).
            # Installed by 'gitdesk hooks install'; the checks live in 'gitdesk hook \(name)'.
            # Finds gitdesk as $GITDESK_BIN, else on PATH.
            GITDESK="${GITDESK_BIN:-gitdesk}"
            if ! command -v "$GITDESK" >/dev/null 2>&1; then
                echo "gitdesk \(name) hook: '$GITDESK' not found; install gitdesk or set GITDESK_BIN" >&2
                exit 1
            fi
            exec "$GITDESK" hook \(name) "$@"

            """
    }
}

/// Installs the hook scripts into a clone or a bare repository.
public enum HookInstaller {
    public struct Outcome: Sendable {
        public var directory: String
        public var installed: [String]
        /// Hooks left alone because a different script is already there.
        public var skipped: [String]
        /// Config settings made (server: `receive.denyDeletes`, `receive.denyNonFastForwards`).
        public var settings: [String] = []
    }

    /// What a server refuses besides invalid commits: deleting a branch and
    /// rewriting one (a force push would drop tickets' history), by git's own
    /// receive-pack settings.
    public static let serverSettings = ["receive.denyDeletes", "receive.denyNonFastForwards"]

    /// Installs the client hooks (or, with `server`, the pre-receive hook and
    /// ``serverSettings``) of the repository containing `path`. Honours
    /// `core.hooksPath`. A hook file
    /// that is not gitdesk's is left alone unless `force`.
    public static func install(at path: String, server: Bool, force: Bool = false) throws(DeskError) -> Outcome {
        let repository: Repository
        do { repository = try Repository.discover(from: path) } catch { throw .notARepository(path) }
        return try install(in: repository, server: server, force: force)
    }

    public static func install(in repository: Repository, server: Bool, force: Bool = false) throws(DeskError) -> Outcome {
        let directory = hooksDirectory(of: repository)
        var outcome = Outcome(directory: directory, installed: [], skipped: [])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for name in server ? HookScripts.server : HookScripts.client {
                let target = directory + "/" + name
                if !force, let existing = FileManager.default.contents(atPath: target),
                   !String(decoding: existing, as: UTF8.self).contains("gitdesk hook"),
                   !String(decoding: existing, as: UTF8.self).contains(".sample") {
                    outcome.skipped.append(name)
                    continue
                }
                do { try AtomicFile.replace(target, with: Array(HookScripts.script(name).utf8), mode: 0o755) } catch {
                    throw DeskError.git(error.description)
                }
                outcome.installed.append(name)
            }
            if server {
                for key in serverSettings { try repository.setConfig(key, to: true) }
                outcome.settings = serverSettings.map { "\($0)=true" }
            }
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskError.from(error)
        }
        return outcome
    }

    /// `core.hooksPath` (relative paths are relative to the working
    /// directory, as git reads them), else `hooks/` in the common git directory.
    public static func hooksDirectory(of repository: Repository) -> String {
        if let configured = ((try? repository.configString("core.hooksPath")) ?? nil), !configured.isEmpty {
            var p = configured
            if p.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { p = home + p.dropFirst(1) }
            if !p.hasPrefix("/") { p = (repository.workdir ?? repository.gitDir) + "/" + p }
            return p.hasSuffix("/") ? String(p.dropLast()) : p
        }
        return repository.commonDir + "/hooks"
    }
}
