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

    /// Initialises a desk in `directory` (created if missing).
    /// `founder`, when given, is put on the roster as admin and supervisor.
    public static func initialize(at directory: String, config: DeskConfig, time: Timestamp?, founder: Person? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws(DeskError) -> Outcome {
        let roster = try DeskFounder.roster(exampleTeam, adding: founder)
        guard DeskConfig.isValidPrefix(config.prefix) else {
            throw .invalidInput("prefix '\(config.prefix)' must be 1–8 ASCII capital letters, e.g. CS")
        }
        guard TimeZone(identifier: config.timezone) != nil else {
            throw .invalidInput("unknown time zone '\(config.timezone)' (use an IANA name such as Asia/Shanghai)")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var created = false
            let repository: Repository
            if let existing = try? Repository.open(path: directory) {
                repository = existing
            } else {
                repository = try Repository.create(at: directory, bare: false, initialBranch: "main")
                created = true
            }
            guard let workdir = repository.workdir else { throw DeskError.bareRepository }
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
                    throw DeskError.alreadyADesk(directory)
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
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                if !FileManager.default.fileExists(atPath: full) {
                    _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
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
