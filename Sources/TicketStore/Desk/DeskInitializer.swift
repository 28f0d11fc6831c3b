import Foundation
import GitKit
import TicketCore

/// Makes a desk: the repository (if needed), `.gitdesk/`, the roster, the
/// ticket and template folders, in one first commit.
public enum DeskInitializer {
    /// What `init` did.
    public struct Outcome: Sendable {
        public var path: String
        public var commit: ObjectID
        public var createdRepository: Bool
        /// The person added to the roster as admin and supervisor (nil: none known).
        public var founder: Person?
    }

    /// The example roster `init` writes: one person per role, pseudonymous.
    public static let exampleTeam = """
        # The roster (团队名单): who may act on this desk.
        # handle      the short name used with --as and in ticket logs (ASCII)
        # name/email  the commit author gitdesk writes for this person
        # roles       agent 客服专员, handler 处理人, supervisor 客服主管, qa 客服运营, admin 管理员
        # department  a key from .gitdesk/schema/enums.yaml (department)
        # Replace these example people with your team and commit the file.
        people:
          - handle: li
            name: 客服小李
            email: li@desk.example
            roles: [agent]
            department: customer_service
          - handle: zhang
            name: 技术小张
            email: zhang@desk.example
            roles: [handler]
            department: tech_support
          - handle: chen
            name: 售后小陈
            email: chen@desk.example
            roles: [handler]
            department: after_sales
          - handle: liu
            name: 产品小刘
            email: liu@desk.example
            roles: [handler]
            department: product
          - handle: wang
            name: 主管老王
            email: wang@desk.example
            roles: [supervisor]
            department: customer_service
          - handle: zhao
            name: 运营小赵
            email: zhao@desk.example
            roles: [qa]
            department: operations
          - handle: admin
            name: 管理员
            email: admin@desk.example
            roles: [admin]
            department: customer_service

        """

    static let templatesReadme = """
        # 解决方案库 (solution templates)

        One Markdown file per frequent problem: what to check, what to tell the
        customer, and the usual fix. Agents reuse them when resolving tickets.

        """

    static let gitattributes = """
        # Ticket files merge field by field with the gitdesk merge driver.
        tickets/** merge=gitdesk text eol=lf
        *.yaml text eol=lf

        """

    /// The marker of an unfinished `init`: `.git/gitdesk/init-incomplete`.
    static func markerPath(gitDir: String) -> String { gitDir + "/gitdesk/init-incomplete" }

    /// A kill inside `git_repository_init`, or while init wrote the config, can
    /// leave `config.lock` (or `HEAD.lock`) before the marker exists; opening or
    /// creating the repository then fails on it. A repository with no commit yet
    /// (or with the marker) is init's own, so a lock no process holds open is
    /// the killed init's: removed before the repository is opened.
    private static func removeKilledInitConfigLocks(gitDir: String) {
        guard FileManager.default.fileExists(atPath: gitDir) else { return }
        let unfinished = FileManager.default.fileExists(atPath: markerPath(gitDir: gitDir))
        let heads = (FileManager.default.subpaths(atPath: gitDir + "/refs/heads") ?? []).filter { !$0.hasSuffix(".lock") }
        let packed = (try? FileManager.default.attributesOfItem(atPath: gitDir + "/packed-refs")[.size] as? Int) ?? 0
        guard unfinished || (heads.isEmpty && packed == 0) else { return }
        for lock in ["config.lock", "HEAD.lock"] {
            let path = gitDir + "/" + lock
            if access(path, F_OK) == 0 && !OpenFiles.isOpen(path) { unlink(path) }
        }
    }

    /// True while the repository's `gitdesk init` has not finished.
    public static func isUnfinished(gitDir: String) -> Bool {
        access(markerPath(gitDir: gitDir), F_OK) == 0
    }

    /// The last step of `init`, after the hooks and the merge driver: the desk is complete.
    public static func finish(at path: String) throws(DeskError) {
        do {
            let repository = try Repository.open(path: path)
            let marker = markerPath(gitDir: repository.gitDir)
            if unlink(marker) != 0 && errno != ENOENT {
                throw DeskError.git("cannot remove \(marker): \(String(cString: strerror(errno)))")
            }
        } catch {
            throw DeskError.from(error)
        }
    }

    /// Writes the desk's files that the working tree lacks (from the first
    /// commit) and stages them: what a killed `init` had not done yet.
    static func checkOut(repository: Repository, tree: ObjectID, workdir: String) throws {
        var paths: [String] = [DeskLayout.configPath, DeskLayout.teamPath, "\(DeskLayout.ticketsDirectory)/.gitkeep",
                               "\(DeskLayout.templatesDirectory)/README.md", DeskLayout.gitattributesPath]
        paths += Schema.fileNames.sorted().map { "\(DeskLayout.schemaDirectory)/\($0)" }
        for path in paths {
            guard let bytes = try repository.fileContents(at: path, inTree: tree) else { continue }
            let full = (workdir.hasSuffix("/") ? workdir : workdir + "/") + path
            if !FileManager.default.fileExists(atPath: full) {
                try AtomicFile.replace(full, with: bytes, makeDirectory: true)
            }
            try repository.stageFile(path: path)
        }
    }

    /// Initialises a desk in `directory` (created if missing).
    /// `founder`, when given, is put on the roster as admin and supervisor.
    /// `unfinished`: leave the marker of an unfinished init for the caller,
    /// who has more to do (hooks), to remove with ``finish(at:)``.
    public static func initialize(at directory: String, config: DeskConfig, time: Timestamp?, founder: Person? = nil,
                                  unfinished: Bool = false, force: Bool = false,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws(DeskError) -> Outcome {
        let outcome = try build(at: directory, config: config, time: time, founder: founder, force: force, environment: environment)
        if !unfinished { try finish(at: outcome.path) }
        return outcome
    }

    private static func build(at directory: String, config: DeskConfig, time: Timestamp?, founder: Person?,
                              force: Bool, environment: [String: String]) throws(DeskError) -> Outcome {
        let roster = try DeskFounder.roster(exampleTeam, adding: founder)
        guard DeskConfig.isValidPrefix(config.prefix) else {
            throw DeskError.said(Message(.badPrefix, ["prefix": .text(config.prefix)]))
        }
        guard TimeZone(identifier: config.timezone) != nil else {
            throw DeskError.said(Message(.badTimeZone, ["zone": .text(config.timezone)]))
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var created = false
            let repository: Repository
            removeKilledInitConfigLocks(gitDir: directory + "/.git")
            if let existing = try? Repository.open(path: directory) {
                repository = existing
            } else {
                repository = try Repository.create(at: directory, bare: false, initialBranch: "main")
                created = true
            }
            guard let workdir = repository.workdir else { throw DeskError.bareRepository }
            // All or nothing: the marker stays until the last step (hooks, merge
            // driver: ``finish(at:)``); every other command refuses a desk that has
            // it, and `init` run again finishes the job.
            let resuming = FileManager.default.fileExists(atPath: markerPath(gitDir: repository.gitDir))
            // A repository whose branch was lost (an emptied packed-refs) is not an
            // empty one: a new root commit would hide its history. (A resumed init's
            // own first commit may be in the reflog: that history is init's.)
            if !resuming, !force, let lost = LostBranch.ofHead(repository) {
                throw DeskError.initOverHistory(path: workdir, branch: lost.branch, file: lost.file, repair: lost.repair)
            }
            // An init killed while git_repository_init wrote the config leaves no marker yet.
            if resuming || (try? repository.isEmpty) == true {
                // A killed init's half-written files (`NAME.gitdesk-PID.tmp`) and index lock.
                for dir in ["", DeskLayout.schemaDirectory, ".gitdesk", DeskLayout.ticketsDirectory,
                            DeskLayout.templatesDirectory, "gitdesk"] {
                    CrashLeftovers.removeDeadTemporaryFiles(in: (dir == "gitdesk" ? repository.gitDir : workdir) + "/" + dir)
                    // ... and libgit2's (`_git2_XXXXXX`), left by a kill inside a libgit2 write.
                    CrashLeftovers.removeAbandonedLibgit2Files(in: (dir == "gitdesk" ? repository.gitDir : workdir) + "/" + dir)
                }
                CrashLeftovers.removeAbandonedLibgit2Files(in: repository.gitDir)
                // The killed init's own lock files (index, config, HEAD, refs): nobody else writes
                // a desk that is still being made, so one no process holds open is its.
                var locks = ["index.lock", "config.lock", "HEAD.lock", "packed-refs.lock"]
                switch try? repository.head() {
                case .unborn(let name)?, .branch(let name, _)?:
                    locks.append((name.hasPrefix("refs/") ? name : "refs/heads/" + name) + ".lock")
                default: break
                }
                for lock in locks {
                    let path = repository.gitDir + "/" + lock
                    if access(path, F_OK) == 0 && !OpenFiles.isOpen(path) { unlink(path) }
                }
            }
            try AtomicFile.replace(markerPath(gitDir: repository.gitDir), with: Array("gitdesk init\n".utf8), makeDirectory: true)
            let branch: String
            var parents: [ObjectID] = []
            var baseTree: ObjectID? = nil
            switch try repository.head() {
            case .detached: throw DeskError.detachedHead
            case .unborn(let name): branch = name
            case .branch(let name, let commit):
                branch = name
                parents = [commit]
                baseTree = try repository.commit(commit).tree
                if try repository.entry(at: DeskLayout.configPath, inTree: baseTree!) != nil {
                    guard resuming else {
                        try? FileManager.default.removeItem(atPath: markerPath(gitDir: repository.gitDir))
                        throw DeskError.alreadyADesk(directory)
                    }
                    // The first commit was made before the kill: bring the working files along.
                    try checkOut(repository: repository, tree: baseTree!, workdir: workdir)
                    return Outcome(path: workdir, commit: commit, createdRepository: false,
                                   founder: roster.founder)
                }
            }
            let zone = DeskTimeZone(identifier: config.timezone)
            let now = try time ?? DeskClock.now(zone: zone, environment: environment)

            var files: [(String, String)] = [
                (DeskLayout.configPath, config.yaml),
                (DeskLayout.teamPath, roster.text),
                ("\(DeskLayout.ticketsDirectory)/.gitkeep", ""),
                ("\(DeskLayout.templatesDirectory)/README.md", templatesReadme),
                (DeskLayout.gitattributesPath, gitattributes),
            ]
            for name in Schema.fileNames.sorted() {
                files.append(("\(DeskLayout.schemaDirectory)/\(name)", SchemaLoader.defaultFiles[name] ?? ""))
            }
            // Never overwrite a file the repository already has (e.g. its own .gitattributes).
            var changes: [TreeChange] = []
            var written: [(String, [UInt8])] = []
            for (path, text) in files {
                if let baseTree, try repository.entry(at: path, inTree: baseTree) != nil { continue }
                let bytes = Array(text.utf8)
                changes.append(.upsert(path, try repository.writeBlob(bytes)))
                written.append((path, bytes))
            }
            let tree = try repository.updatedTree(base: baseTree, changes: changes)
            // The founder (on the roster as admin) authors the desk's first commit.
            let name = roster.founder?.name ?? ((try? repository.configString("user.name")) ?? nil) ?? "gitdesk"
            let email = roster.founder?.email ?? ((try? repository.configString("user.email")) ?? nil) ?? "gitdesk@localhost"
            let signature = Signature(name: name, email: email, time: now.seconds, offsetMinutes: now.offsetMinutes)
            let commit = try repository.createCommit(
                tree: tree, parents: parents, author: signature, committer: signature,
                message: "Initialise gitdesk desk (prefix \(config.prefix), \(config.timezone))\n\nOperation: init\n")
            try repository.updateReference(branch, to: commit, expecting: parents.first, message: "gitdesk init")
            for (path, bytes) in written {
                let full = (workdir.hasSuffix("/") ? workdir : workdir + "/") + path
                if !FileManager.default.fileExists(atPath: full) {
                    // Atomically: a kill never leaves a half-written settings file.
                    try AtomicFile.replace(full, with: bytes, makeDirectory: true)
                }
                try repository.stageFile(path: path)
            }
            return Outcome(path: workdir, commit: commit, createdRepository: created, founder: roster.founder)
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskError.from(error)
        }
    }
}
