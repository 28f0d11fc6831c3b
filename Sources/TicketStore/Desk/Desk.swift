import Foundation
import GitKit
import TicketCore

/// A ticket desk: a git repository with `.gitdesk/`, read at one revision.
///
/// Configuration, schema and roster come from the committed tree (HEAD), never
/// from uncommitted files, so every clone and the server's hook judge a
/// change by the same rules.
public final class Desk {
    public let repository: Repository
    /// The branch HEAD points at (`refs/heads/main`), nil when detached.
    public let branch: String?
    /// The commit the desk was read at.
    public let headCommit: ObjectID
    public let headTree: ObjectID
    public let config: DeskConfig
    /// The schema (fields, workflow, routing, SLA, privacy), decoded on first use.
    public var schema: Schema { rules.value.schema }
    /// The roster (team.yaml), decoded on first use.
    public var team: Team { rules.value.team }
    /// The desk's time zone, resolved once.
    public let timeZone: DeskTimeZone
    /// The revision typed with `--at` when the desk was opened as of it (`at(revision:)`),
    /// nil for the desk at HEAD. Such a desk never reads or writes HEAD's query cache.
    public internal(set) var revision: String? = nil
    private let rules: LazyRules
    /// Why team.yaml could not be read (the roster is then empty): commands
    /// that only read tickets still work; anyone acting is refused with it
    /// (``OperatorResolver``), and `validate` and the hooks report it.
    public let rosterProblem: ConfigurationError?

    init(repository: Repository, branch: String?, headCommit: ObjectID, headTree: ObjectID,
         config: DeskConfig, rosterProblem: ConfigurationError? = nil,
         rules: @escaping () -> (schema: Schema, team: Team)) {
        self.rosterProblem = rosterProblem
        self.repository = repository
        self.branch = branch
        self.headCommit = headCommit
        self.headTree = headTree
        self.config = config
        let zone = DeskTimeZone(identifier: config.timezone)
        self.timeZone = zone
        self.rules = LazyRules {
            // The SLA calendar counts working hours in the desk's time zone
            // (config.yaml), so `due` and the clocks agree with the dates people see.
            var (schema, team) = rules()
            if zone.zone != nil { schema.sla = schema.sla?.withOffset(zone.currentOffsetMinutes) }
            return (schema, team)
        }
    }

    /// The schema and roster, produced once, when first asked for.
    private final class LazyRules {
        private var produced: (schema: Schema, team: Team)?
        private let produce: () -> (schema: Schema, team: Team)
        init(_ produce: @escaping () -> (schema: Schema, team: Team)) { self.produce = produce }
        var value: (schema: Schema, team: Team) {
            if let produced { return produced }
            let value = produce()
            produced = value
            return value
        }
    }

    /// Opens the desk containing `directory` (the current directory when nil).
    public static func open(at directory: String? = nil) throws(DeskError) -> Desk {
        let path = directory ?? FileManager.default.currentDirectoryPath
        let repository: Repository
        do {
            StartupTrace.mark("process start → open")
            repository = try Repository.discover(from: path)
            StartupTrace.mark("libgit2 init + discover")
        } catch let error as GitError where error.code == .owner {
            // libgit2's ownership check, as git's: refused unless safe.directory allows it.
            throw DeskError.from(error)
        } catch {
            // A `.git` folder is there but libgit2 cannot open it: name the damage.
            throw GitDirDamage.explain(path: path, error: error) ?? .notARepository(path)
        }
        return try open(repository: repository, displayPath: path)
    }

    /// Reads the desk of an opened repository at its HEAD.
    public static func open(repository: Repository, displayPath: String) throws(DeskError) -> Desk {
        if DeskInitializer.isUnfinished(gitDir: repository.gitDir) { throw .initInterrupted(repository.workdir ?? displayPath) }
        let head: HeadState
        do { head = try repository.head() } catch {
            // A packed-refs file that does not parse: libgit2 cannot read any ref.
            if let branch = LostBranch.headBranch(gitDir: repository.gitDir),
               let lost = LostBranch.detect(repository: repository, branch: branch,
                                            packedRefsUnreadable: "\(error)".contains("packed")) {
                throw lost.error(path: repository.workdir ?? displayPath)
            }
            throw DeskError.from(error)
        }
        switch head {
        case .unborn(let branch):
            if let lost = LostBranch.detect(repository: repository, branch: branch) {
                throw lost.error(path: repository.workdir ?? displayPath)
            }
            throw .notADesk(displayPath)
        case .branch(let name, let commit):
            return try open(repository: repository, branch: name, commit: commit, displayPath: displayPath)
        case .detached(let commit):
            return try open(repository: repository, branch: nil, commit: commit, displayPath: displayPath)
        }
    }

    /// Reads the desk as of one commit.
    public static func open(repository: Repository, branch: String?, commit: ObjectID, displayPath: String) throws(DeskError) -> Desk {
        do {
            let tree: ObjectID
            do { tree = try repository.commit(commit).tree } catch {
                // A tip commit a power cut left damaged, with the commit before it at hand.
                if let branch, let damaged = DamagedTip.detect(repository: repository, branch: branch, tip: commit) {
                    throw damaged.error(path: repository.workdir ?? displayPath)
                }
                throw error
            }
            let key = SettingsCache.key(repository: repository, tree: tree)
            if let key, let hit = SettingsCache.load(gitDir: repository.gitDir, key: key) {
                StartupTrace.mark("config from cache")
                return Desk(repository: repository, branch: branch, headCommit: commit, headTree: tree,
                            config: hit.config) {
                    defer { StartupTrace.mark("schema and roster from cache") }
                    if let rules = SettingsCache.decodeRules(hit) { return (rules.schema, rules.team) }
                    // A damaged cache: the committed YAML, which was readable when the cache was
                    // written, and a repaired cache.
                    do {
                        let settings = try loadSettings(repository: repository, tree: tree, displayPath: displayPath)
                        SettingsCache.store(gitDir: repository.gitDir, key: key, settings: settings)
                        return (settings.schema, settings.team)
                    } catch {
                        FileHandle.standardError.write(Data("gitdesk: \(DeskError.from(error))\n".utf8))
                        exit(1)
                    }
                }
            }
            let settings = try loadSettings(repository: repository, tree: tree, displayPath: displayPath, lenientRoster: true)
            StartupTrace.mark("settings from YAML")
            // An unreadable roster is never cached: it is found again, and named, by every command.
            if let key, settings.rosterProblem == nil { SettingsCache.store(gitDir: repository.gitDir, key: key, settings: settings) }
            return Desk(repository: repository, branch: branch, headCommit: commit, headTree: tree,
                        config: settings.config, rosterProblem: settings.rosterProblem) { (settings.schema, settings.team) }
        } catch {
            throw DeskError.from(error)
        }
    }

    /// Reads config.yaml, the schema and team.yaml from a tree. `lenientRoster`:
    /// an unreadable team.yaml gives an empty roster and its problem in
    /// ``DeskSettings/rosterProblem`` instead of failing (reading tickets needs no roster).
    static func loadSettings(repository: Repository, tree: ObjectID, displayPath: String,
                             lenientRoster: Bool = false) throws -> DeskSettings {
        guard let configBytes = try repository.fileContents(at: DeskLayout.configPath, inTree: tree) else {
            throw DeskError.notADesk(displayPath)
        }
        let config = try DeskConfig.load(yaml: String(decoding: configBytes, as: UTF8.self))
        let schema = try loadSchema(repository: repository, tree: tree)
        var team = Team(people: [])
        var rosterProblem: ConfigurationError? = nil
        if let teamBytes = try repository.fileContents(at: DeskLayout.teamPath, inTree: tree) {
            do { team = try Team.load(yaml: String(decoding: teamBytes, as: UTF8.self)) } catch {
                guard lenientRoster else { throw error }
                rosterProblem = error
            }
        }
        return DeskSettings(config: config, schema: schema, team: team, rosterProblem: rosterProblem)
    }

    /// The desk's schema files, each falling back to the built-in default when absent.
    static func loadSchema(repository: Repository, tree: ObjectID) throws -> Schema {
        var files = SchemaLoader.defaultFiles
        for name in Schema.fileNames {
            if let bytes = try repository.fileContents(at: "\(DeskLayout.schemaDirectory)/\(name)", inTree: tree) {
                files[name] = String(decoding: bytes, as: UTF8.self)
            }
        }
        do {
            return try SchemaLoader.load(files: files)
        } catch {
            throw DeskError.configuration(ConfigurationError(
                file: "\(DeskLayout.schemaDirectory)/\(error.file)", line: error.line, message: error.message))
        }
    }

    // MARK: Tickets

    /// Every ticket file at the desk's revision: ID → path.
    public func ticketPaths() throws(DeskError) -> [String: String] {
        var result: [String: String] = [:]
        for file in try ticketFiles() { result[file.id] = file.path }
        return result
    }

    /// Every ticket file of the desk's tree with its ID and blob, in path order.
    func ticketFiles() throws(DeskError) -> [(id: String, path: String, blob: ObjectID)] {
        do {
            return try repository.listFiles(inTree: headTree, under: DeskLayout.ticketsDirectory).compactMap { file in
                TicketPath.ticketID(fromPath: file.path).map { ($0, file.path, file.blob) }
            }
        } catch {
            throw DeskError.from(error)
        }
    }

    /// Finds the ticket an ID typed on the command line names: the whole ID
    /// (looked up directly in its month folder), else a unique prefix of the
    /// ID or of its random suffix.
    public func locate(_ query: String) throws(DeskError) -> (id: String, path: String) {
        let q = query.trimmed()
        guard !q.isEmpty else { throw .unknownTicket(query) }
        if let direct = TicketPath.likelyPath(id: q), (try? repository.entry(at: direct, inTree: headTree)) != nil {
            return (q, direct)
        }
        let paths = try ticketPaths()
        switch TicketID.resolve(q, among: paths.keys) {
        case .found(let id): return (id, paths[id]!)
        case .notFound: throw .unknownTicket(query)
        case .ambiguous(let ids): throw .ambiguousTicket(query, ids)
        }
    }

    /// Reads and parses one ticket file at the desk's revision.
    public func read(path: String) throws(DeskError) -> ParsedTicket {
        let bytes: [UInt8]
        do {
            guard let b = try repository.fileContents(at: path, inTree: headTree) else { throw DeskError.unknownTicket(path) }
            bytes = b
        } catch {
            throw DeskError.from(error)
        }
        return try parse(bytes, path: path)
    }

    private func parse(_ bytes: [UInt8], path: String) throws(DeskError) -> ParsedTicket {
        do {
            return try TicketFile.parse(bytes: bytes)
        } catch {
            throw .unreadableTicket(path: path, line: error.line, error.description)
        }
    }

    /// The ticket an ID names.
    public func ticket(_ query: String) throws(DeskError) -> (id: String, path: String, parsed: ParsedTicket) {
        let (id, path) = try locate(query)
        return (id, path, try read(path: path))
    }

    /// Every ticket, with the files that could not be read reported separately.
    public func allTickets() throws(DeskError) -> (tickets: [Ticket], unreadable: [(path: String, error: String)]) {
        var tickets: [Ticket] = []
        var unreadable: [(String, String)] = []
        // Blobs are read by ID: a lookup by path would re-read the month's
        // tree for every ticket (libgit2 caches no tree over 4 KB), which at
        // 10k tickets cost more than reading the tickets themselves.
        let files = try ticketFiles()
        tickets.reserveCapacity(files.count)
        for file in files {
            do throws(DeskError) {
                let bytes: [UInt8]
                do { bytes = try repository.blob(file.blob) } catch { throw DeskError.from(error) }
                let parsed = try parse(bytes, path: file.path)
                if let hollow = TicketFile.hollowReason(parsed) {
                    throw DeskError.unreadableTicket(path: file.path, line: 1, hollow)
                }
                tickets.append(parsed.ticket)
            } catch {
                unreadable.append((file.path, error.description))
            }
        }
        return (tickets, unreadable)
    }

    /// The commits that touched a ticket, newest first.
    ///
    /// Answered from the history index (`HistoryIndex`) when it can be kept
    /// under `.git/gitdesk/`, else by walking the commit graph.
    public func history(path: String) throws(DeskError) -> [CommitInfo] {
        do {
            // A path's commits, then only the ticket's own (a rename is followed back, another ticket's left out).
            return try TicketLineage.commits(path: path, tip: headCommit, repository: repository) { p in
                if let ids = try? HistoryIndex(repository: repository).commits(touching: p, tip: headCommit) {
                    return try ids.map { try repository.commit($0) }
                }
                return try repository.history(of: p, from: headCommit, includeDeleted: p != path)
            }
        } catch {
            throw DeskError.from(error)
        }
    }
}

/// The desk's time zone: IANA name resolved to offsets through Foundation once.
public struct DeskTimeZone: Sendable {
    public let identifier: String
    let zone: TimeZone?

    init(identifier: String) {
        self.identifier = identifier
        self.zone = TimeZone(identifier: identifier)
    }

    /// The UTC offset in minutes at an instant.
    public func offsetMinutes(at seconds: Int64) -> Int {
        guard let zone else { return 0 }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) / 60
    }

    /// The current offset (for values typed without an offset).
    public var currentOffsetMinutes: Int { offsetMinutes(at: Int64(Date().timeIntervalSince1970)) }

    /// An instant shown in the desk's time zone.
    public func localise(_ t: Timestamp) -> Timestamp { t.withOffset(offsetMinutes(at: t.seconds)) }
}
