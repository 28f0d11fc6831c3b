/// One file a change touched: its bytes before (nil: added) and after (nil: deleted).
public struct FileChange: Sendable, Equatable {
    public var path: String
    public var old: [UInt8]?
    public var new: [UInt8]?

    public init(path: String, old: [UInt8]?, new: [UInt8]?) {
        self.path = path; self.old = old; self.new = new
    }
}

/// Checks the files one change (a commit, the index, a merge result) brings
/// under `tickets/`, beyond what one ticket's rules can see:
/// - `binary`: only text files live under `tickets/`;
/// - `layout`: only ticket files, at `tickets/YYYY/MM/<ID>.md` (and `.gitkeep`);
/// - `parse`: the file is a readable ticket (front matter, sections, log);
/// - `duplicate-id`: no other file in the tree carries the same ID;
/// - `delete`: a ticket file is never removed (a desk keeps every contact:
///   close it, archive it or mark it invalid) unless it moves to another
///   path in the same change or the author holds the `delete` permission
///   (workflow.yaml; admins only by default), e.g. to erase a customer's data;
/// - then every ticket rule of ``Validator`` against the parent version.
///
/// Pure: the caller reads the bytes from git and says which other paths hold
/// a file of the same name, so `gitdesk validate`, the client hooks and the
/// server's pre-receive hook share this code.
public struct TreeValidator: Sendable {
    public var schema: Schema
    public var team: Team?
    /// The change's author; nil skips the role checks (e.g. a merge result judged against its second parent).
    public var author: Person?
    public var validator: Validator

    /// ID keys (``idKey(_:)``) whose rename in this change settles a proven ID
    /// collision: another ticket holds the old ID on the branch the change
    /// goes to (the caller reads it from git). Only these renames need no
    /// `delete` permission; any other rename by someone without it is refused.
    public var provenCollisions: Set<String> = []

    public init(schema: Schema, team: Team?, author: Person?, validator: Validator = Validator()) {
        self.schema = schema; self.team = team; self.author = author; self.validator = validator
    }

    /// The directory every ticket lives under.
    public static let ticketsDirectory = "tickets"

    /// Findings for `changes`; `sameID[path]` lists the other paths of the tree
    /// whose file carries the same ID as `path`.
    /// A ticket moved to another path in the same change (its file removed
    /// and a file with its ID added) is judged against the removed version,
    /// so a move is a change, not a new ticket.
    ///
    /// Likewise a ticket renamed in the same change (another ID, every field
    /// and contact the same, the log only grown: e.g. an ID collision settled
    /// at sync) is judged against the removed version under its new ID;
    /// whether the removal is allowed is still the `delete` rule's question.
    public func validate(_ changes: [FileChange], sameID: [String: [String]] = [:]) -> [Finding] {
        var removed: [String: [UInt8]] = [:]
        for c in changes where c.new == nil {
            if let old = c.old, let id = Self.ticketID(fromPath: c.path) { removed[Self.idKey(id)] = old }
        }
        let removedTickets = removed.values.compactMap { try? TicketFile.parse(bytes: $0).ticket }
        return changes.flatMap { change in
            var c = change
            if c.old == nil, let id = Self.ticketID(fromPath: c.path) {
                if let old = removed[Self.idKey(id)] {
                    c.old = old
                } else if !removedTickets.isEmpty, let bytes = c.new, let parsed = try? TicketFile.parse(bytes: bytes),
                          var prior = removedTickets.first(where: { Self.isRename(of: $0, to: parsed.ticket) }) {
                    prior["id"] = parsed.ticket.id
                    return validate(path: c.path, old: prior, new: parsed, sameID: sameID[c.path] ?? [])
                }
            }
            return validate(c, sameID: sameID[c.path] ?? [])
        } + renameLineFindings(in: changes) + deletions(in: changes)
    }

    /// `rename`: a log line saying `ID renamed from OLD to NEW` must describe
    /// the change it arrives in: the file of OLD removed and the same ticket
    /// added as NEW (``TicketRename/isRename(old:new:)``). A rename line
    /// written into a ticket that did not move, or naming another ID, would
    /// make history and the `delete` rule believe a rename that never was.
    public func renameLineFindings(in changes: [FileChange]) -> [Finding] {
        let real = Set(Self.renames(in: changes).map(Self.idKey))
        var findings: [Finding] = []
        for change in changes {
            // Only a file holding the rename words is parsed (again: the rules parsed it once).
            guard let bytes = change.new, Self.ticketID(fromPath: change.path) != nil,
                  TicketRename.mayHoldRenameLine(bytes),
                  let parsed = try? TicketFile.parse(bytes: bytes) else { continue }
            let old = change.old.flatMap { try? TicketFile.parse(bytes: $0).ticket }
            let log = parsed.ticket.log
            let fresh = old.map { o in log.count > o.log.count && Array(log.prefix(o.log.count)) == o.log ? o.log.count : log.count } ?? max(log.count - 1, 0)
            for i in fresh..<log.count where TicketRename.looksLikeRenameLine(log[i].text) {
                if old == nil, i == log.count - 1, let from = TicketRename.renamedFrom(parsed.ticket), real.contains(Self.idKey(from)) { continue }
                let line = i < parsed.logLines.count ? parsed.logLines[i] : 1
                let from: Message.Argument = TicketRename.renamedFrom(parsed.ticket).map { .text($0) } ?? .message(Message(.renameThatID))
                findings.append(Finding(file: change.path, line: line, rule: "rename", field: "log",
                    Message(.renameNotMoved, ["number": .number(i + 1), "from": from, "id": .text(parsed.ticket.id)])))
            }
        }
        return findings
    }

    /// True if `new` is `old` under another ID: every other field and every
    /// contact the same, `old`'s log kept as the start of `new`'s.
    static func isRename(of old: Ticket, to new: Ticket) -> Bool {
        guard old.id != new.id, new.log.count >= old.log.count, Array(new.log.prefix(old.log.count)) == old.log,
              new.contacts == old.contacts else { return false }
        var same = new
        same["id"] = old.id
        return same.fields == old.fields
    }

    /// `delete` findings: ticket files `changes` remove whose ID no added
    /// file carries, when the author may not delete. Without an author (a
    /// merge result) roles are not judged.
    public func deletions(in changes: [FileChange]) -> [Finding] {
        guard let author else { return [] }
        let roles = schema.workflow.roles(for: "delete") ?? ["admin"]
        if roles.contains(where: author.has(role:)) { return [] }
        let kept = Set(changes.compactMap { $0.new == nil ? nil : Self.ticketID(fromPath: $0.path) })
        // A rename keeps the ticket under its new ID, but only sync's rename of a proven ID collision needs no permission.
        let renamed = Self.renames(in: changes)
        return changes.compactMap { change in
            guard change.new == nil, change.old != nil, let id = Self.ticketID(fromPath: change.path),
                  !kept.contains(id) else { return nil }
            if renamed.contains(id) {
                if provenCollisions.contains(Self.idKey(id)) { return nil }
                return Finding(file: change.path, line: 1, rule: "rename",
                               Message(.renameNeedsRole, ["handle": .text(author.handle), "id": .text(id), "roles": .roles(roles)]))
            }
            return Finding(file: change.path, line: 1, rule: "delete",
                           Message(.deleteNeedsRole, ["handle": .text(author.handle), "id": .text(id), "roles": .roles(roles)]))
        }
    }

    /// IDs of tickets `changes` remove that an added file carries on, renamed
    /// (``TicketRename``): the same ticket under a new ID, nothing else changed.
    public static func renames(in changes: [FileChange]) -> [String] {
        let removed = changes.filter { $0.new == nil && $0.old != nil }
        guard !removed.isEmpty else { return [] }
        return changes.compactMap { change in
            guard change.old == nil, let bytes = change.new, let new = try? TicketFile.parse(bytes: bytes).ticket,
                  let from = TicketRename.renamedFrom(new),
                  let gone = removed.first(where: { Self.ticketID(fromPath: $0.path) == from }),
                  let old = try? TicketFile.parse(bytes: gone.old!).ticket,
                  TicketRename.isRename(old: old, new: new) else { return nil }
            return from
        }
    }

    /// Findings for one file.
    public func validate(_ change: FileChange, sameID others: [String] = []) -> [Finding] {
        guard change.path.hasPrefix(Self.ticketsDirectory + "/"), let bytes = change.new else { return [] }
        let path = change.path
        if Self.isPlaceholder(path) { return [] }
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else {
            return [Finding(file: path, line: 1, rule: "binary", Message(.binaryUnderTickets))]
        }
        guard Self.ticketID(fromPath: path) != nil else {
            return [Finding(file: path, line: 1, rule: "layout", Message(.notATicketFile))]
        }
        let parsed: ParsedTicket
        do { parsed = try TicketFile.parse(bytes: bytes) } catch {
            return [Finding(file: path, line: error.line, rule: "parse", error.message)]
        }
        let old = change.old.flatMap { try? TicketFile.parse(bytes: $0).ticket }
        return validate(path: path, old: old, new: parsed, sameID: others)
    }

    /// Findings for one ticket version already read: `old` is the version
    /// the change is judged against (nil: the change adds the ticket).
    public func validate(path: String, old: Ticket?, new parsed: ParsedTicket, sameID others: [String] = []) -> [Finding] {
        var findings = validator.validate(ValidationContext(schema: schema, team: team, path: path, old: old,
                                                            new: parsed, author: author))
        if old == nil, let author, let id = Self.ticketID(fromPath: path),
           let problem = TicketIDShape.problem(id: id, created: parsed.ticket.created, author: author, schema: schema) {
            findings.insert(Finding(file: path, line: parsed.line(of: "id"), rule: TicketIDShape.rule, field: "id", problem), at: 0)
        }
        if !others.isEmpty {
            let id = Self.ticketID(fromPath: path) ?? parsed.ticket.id
            findings.insert(Finding(file: path, line: parsed.line(of: "id"), rule: "duplicate-id", field: "id",
                                    Message(.duplicateID, ["id": .text(id), "others": .texts(others.sorted())])),
                            at: 0)
        }
        return findings
    }

    /// Duplicate IDs in a whole tree: every ticket path whose ID another path
    /// also carries, in any letter case (`cs-1` and `CS-1` are one ID), with the others.
    public static func duplicates(in paths: [String]) -> [String: [String]] {
        var byID: [String: [String]] = [:]
        for p in paths { if let id = ticketID(fromPath: p) { byID[idKey(id), default: []].append(p) } }
        var result: [String: [String]] = [:]
        for (_, list) in byID where list.count > 1 {
            for p in list { result[p] = list.filter { $0 != p } }
        }
        return result
    }

    /// The key IDs are compared by: IDs are unique whatever their letter case
    /// (a case-insensitive file system could not hold both files anyway) and
    /// whatever Crockford look-alike is written (O for 0, I or L for 1).
    public static func idKey(_ id: String) -> String { TicketIDShape.key(id) }

    /// `.gitkeep` files hold a folder in git; they are not tickets.
    public static func isPlaceholder(_ path: String) -> Bool {
        path.split(separator: "/").last == ".gitkeep"
    }

    /// The ID of `tickets/YYYY/MM/<ID>.md`; nil for any other path.
    public static func ticketID(fromPath path: String) -> String? { TicketPath.ticketID(fromPath: path) }
}
