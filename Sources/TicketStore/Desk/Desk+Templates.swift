import GitKit
import TicketCore

/// The solution library (解决方案库): templates/<slug>.md at the desk's
/// revision, and each change to one written as one commit by its author
/// through the same write path as tickets (``DocumentFormat/template(schema:)``).
extension Desk {
    /// A template with where it lives.
    public struct TemplateEntry: Sendable {
        public var path: String
        public var template: SolutionTemplate
    }

    /// The outcome of a template change: the commit, and what customer data
    /// was replaced by placeholders (kinds and masked forms only).
    public struct TemplateChangeResult: Sendable {
        public var change: ChangeResult
        public var template: SolutionTemplate
        public var removed: [TemplateScrub.Removal]
    }

    /// Every template, by slug; files that do not read as templates are listed apart.
    public func templates() throws(DeskError) -> (templates: [TemplateEntry], unreadable: [(path: String, error: String)]) {
        var found: [TemplateEntry] = []
        var unreadable: [(String, String)] = []
        do {
            for file in try repository.listFiles(inTree: headTree, under: DeskLayout.templatesDirectory)
            where TemplateFile.isTemplatePath(file.path) {
                // One file that cannot be read (too large, damaged) is reported; the library goes on.
                let bytes: [UInt8]
                do { bytes = try repository.blob(file.blob) } catch {
                    unreadable.append((file.path, "1: \(DeskError.from(error))"))
                    continue
                }
                switch Self.readTemplate(bytes) {
                case .none: continue  // free-form notes
                case .some(.success(let template)): found.append(TemplateEntry(path: file.path, template: template))
                case .some(.failure(let error)): unreadable.append((file.path, "\(error.line): \(error.description)"))
                }
            }
        } catch {
            throw DeskError.from(error)
        }
        return (found.sorted { $0.template.slug < $1.template.slug }, unreadable)
    }

    /// A template file read; nil when the file is free text (no front matter).
    static func readTemplate(_ bytes: [UInt8]) -> Result<SolutionTemplate, TicketFileError>? {
        guard TemplateFile.declaresTemplate(bytes) else { return nil }
        do { return .success(try TemplateFile.parse(bytes: bytes).template) } catch { return .failure(error) }
    }

    /// The template a name typed on the command line names: the whole slug or a unique prefix of it.
    public func template(_ query: String) throws(DeskError) -> TemplateEntry {
        let q = query.trimmed()
        // The whole name: read that one file, not the library.
        if TemplateFile.isValidSlug(q) {
            let path = TemplateFile.path(slug: q)
            do {
                if let bytes = try repository.fileContents(at: path, inTree: headTree) {
                    switch Self.readTemplate(bytes) {
                    case .some(.success(let t)): return TemplateEntry(path: path, template: t)
                    case .some(.failure(let error)): throw DeskError.invalidInput("\(path):\(error.line): \(error.description)")
                    case .none: break
                    }
                }
            } catch let error as DeskError { throw error } catch { throw DeskError.from(error) }
        }
        let all = try templates().templates
        if let exact = all.first(where: { $0.template.slug == q }) { return exact }
        let matches = q.isEmpty ? [] : all.filter { $0.template.slug.hasPrefix(q) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw DeskError.said(Message(.unknownTemplate, ["query": .text(q)])) }
        throw DeskError.said(Message(.ambiguousTemplate, ["query": .text(q), "count": .number(matches.count), "shown": .texts(matches.prefix(8).map(\.template.slug))]))
    }

    /// `template add`.
    public func addTemplate(slug: String, values: [(key: String, value: String)], base: SolutionTemplate? = nil,
                            by person: Person, at time: Timestamp) throws(DeskError) -> TemplateChangeResult {
        let engine = TemplateEngine(schema: schema)
        return try writeTemplate(slug: slug, creating: true, by: person, at: time) { old in
            if old != nil { throw DeskError.said(Message(.templateExistsEdit, ["slug": .text(slug)])) }
            return try engine.add(slug: slug, values: values, base: base, by: person, at: time)
        }
    }

    /// `template edit`.
    public func editTemplate(_ query: String, values: [(key: String, value: String)], replacement: SolutionTemplate? = nil,
                             by person: Person, at time: Timestamp) throws(DeskError) -> TemplateChangeResult {
        let slug = try template(query).template.slug
        let engine = TemplateEngine(schema: schema)
        return try writeTemplate(slug: slug, creating: false, by: person, at: time) { old in
            try engine.edit(old!, values: values, replacement: replacement, by: person, at: time)
        }
    }

    /// `template approve`.
    public func approveTemplate(_ query: String, by person: Person, at time: Timestamp) throws(DeskError) -> TemplateChangeResult {
        let entry = try template(query)
        let slug = entry.template.slug
        let engine = TemplateEngine(schema: schema)
        let authors: Set<String>
        do {
            authors = try TemplateAuthorship.contentAuthors(repository, path: entry.path, at: headCommit, team: team)
        } catch { throw DeskError.from(error) }
        return try writeTemplate(slug: slug, creating: false, by: person, at: time) { old in
            try engine.approve(old!, contentAuthors: authors, by: person, at: time)
        }
    }

    /// `template from ID`.
    public func templateFromTicket(_ query: String, slug: String, values: [(key: String, value: String)],
                                   by person: Person, at time: Timestamp) throws(DeskError) -> TemplateChangeResult {
        let ticket = try self.ticket(query).parsed.ticket
        let engine = TemplateEngine(schema: schema)
        return try writeTemplate(slug: slug, creating: true, by: person, at: time) { old in
            if old != nil { throw DeskError.said(Message(.templateExists, ["slug": .text(slug)])) }
            return try engine.from(ticket: ticket, slug: slug, values: values, by: person, at: time)
        }
    }

    /// `template suggest ID`: the ticket and the templates ranked for it.
    public func suggestTemplates(for query: String, limit: Int) throws(DeskError)
        -> (ticket: Ticket, ranked: [(template: SolutionTemplate, score: TemplateSimilarity.Score)]) {
        let ticket = try self.ticket(query).parsed.ticket
        let all = try templates().templates.map(\.template)
        return (ticket, TemplateSimilarity.rank(ticket: ticket, templates: all, limit: limit))
    }

    /// `resolve ID --template T`: one commit on the ticket; the log names the template.
    public func resolve(_ query: String, template name: String, solution: String?, rootCause: String?,
                        fill: [String: String] = [:], force: Bool = false,
                        by person: Person, at time: Timestamp) throws(DeskError) -> ChangeResult {
        let template = try self.template(name).template
        return try apply(query, by: person, at: time) { engine, ticket in
            try engine.resolve(ticket, template: template, solution: solution, rootCause: rootCause, fill: fill, force: force,
                               by: person, at: time)
        }
    }

    /// One template change as one commit, through the write path tickets use.
    func writeTemplate(slug: String, creating: Bool, by person: Person, at time: Timestamp,
                       _ change: @escaping (SolutionTemplate?) throws -> TemplateEngine.Change) throws(DeskError) -> TemplateChangeResult {
        var removed: [TemplateScrub.Removal] = []
        let result = try write(id: slug, path: TemplateFile.path(slug: slug), by: person, at: time, creating: creating,
                               format: .template(schema: schema)) { old in
            do {
                let c = try change(old.map(SolutionTemplate.init))
                removed = c.removed
                return (c.template.document, c.summary, c.operation)
            } catch let error as TemplateError {
                throw DeskError.invalidInput(error.description)
            }
        }
        return TemplateChangeResult(change: result, template: SolutionTemplate(result.ticket), removed: removed)
    }
}
