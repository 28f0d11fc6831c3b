import ArgumentParser
import TicketCore
import TicketStore

/// The filters `list`, `search` and `export` share. Each value option may be
/// repeated or comma-separated (`--status new,assigned --status 处理中`), and
/// takes a key or a zh / en label.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only these statuses (key or label; repeat or separate with commas).", completion: DeskCompletion.values(of: "status")) var status: [String] = []
    @Option(help: "Only these types.", completion: DeskCompletion.values(of: "type")) var type: [String] = []
    @Option(help: "Only these subtypes.", completion: DeskCompletion.values(of: "subtype")) var subtype: [String] = []
    @Option(help: "Only these priorities.", completion: DeskCompletion.values(of: "priority")) var priority: [String] = []
    @Option(help: "Only these intake channels.", completion: DeskCompletion.values(of: "channel")) var channel: [String] = []
    @Option(help: "Only these modules (涉及模块, exact text).") var module: [String] = []
    @Option(help: "Only these departments.", completion: DeskCompletion.values(of: "department")) var department: [String] = []
    @Option(help: "Only tickets assigned to these handles.", completion: DeskCompletion.values(of: "assignee")) var assignee: [String] = []
    @Option(help: "Only these satisfaction ratings (1-5).") var rating: [String] = []
    @Option(name: [.customLong("since"), .customLong("created-from")],
            help: ArgumentHelp("Only tickets created at or after this time (2026/12/05, 12月5日, 昨天, +3d...).", valueName: "time"))
    var createdFrom: String?
    @Option(help: ArgumentHelp("Only tickets created before this time.", valueName: "time")) var createdBefore: String?
    @Flag(help: "Only open tickets past their resolution deadline (SLA, pauses counted).") var overdue = false
    @Option(help: ArgumentHelp("Only open tickets whose deadline (SLA, pauses counted) falls before this time.", valueName: "time"))
    var dueBefore: String?
    @Option(help: ArgumentHelp("Only open tickets whose deadline falls at or after this time.", valueName: "time"))
    var dueFrom: String?
    @Flag(help: "Only tickets with a follow-up (沟通记录) not yet done.") var followUps = false

    /// The filter, with labels resolved to keys; an unknown value names the valid ones.
    func filter(desk: Desk, now: Timestamp) throws -> TicketFilter {
        var filter = TicketFilter()
        let options: [(String, [String])] = [
            ("status", status), ("type", type), ("subtype", subtype), ("priority", priority),
            ("channel", channel), ("module", module), ("department", department),
            ("assignee", assignee), ("satisfaction", rating),
        ]
        for (key, typed) in options where !typed.isEmpty {
            var accepted = Set<String>()
            for part in typed.flatMap({ $0.split(whereSeparator: { $0 == "," || $0 == "，" }) }) {
                let value = String(part).trimmed()
                guard !value.isEmpty else { continue }
                accepted.insert(try Self.resolve(key, value, desk))
            }
            // `--status ''` would match nothing: surely not what was meant.
            guard !accepted.isEmpty else {
                throw CLIError(.optionNeedsValue, ["option": .text("--\(key == "satisfaction" ? "rating" : key)")])
            }
            filter.values[key] = accepted
        }
        func time(_ option: String, _ text: String?) throws -> Timestamp? {
            guard let text else { return nil }
            guard let t = desk.parseTime(text, near: now) else {
                throw CLIError(.notADateTime, ["option": .text("--\(option)"), "text": .text(text)])
            }
            return t
        }
        filter.createdFrom = try time("since", createdFrom)
        filter.createdBefore = try time("created-before", createdBefore)
        filter.dueBefore = try time("due-before", dueBefore)
        filter.dueFrom = try time("due-from", dueFrom)
        filter.overdue = overdue
        filter.openFollowUps = followUps
        return filter
    }

    private static func resolve(_ key: String, _ typed: String, _ desk: Desk) throws -> String {
        let option = key == "satisfaction" ? "rating" : key
        let value: String
        // Ratings also by their words (满意 5, 比较满意 4, 一般 3...), as confirm and import read them.
        let typed = key == "satisfaction" ? TicketImport.rating(typed) : typed
        do { value = try desk.schema.valueKey(typed: typed, of: key) } catch { throw CLIError(.optionProblem, ["option": .text("--\(option)"), "problem": .message(error.message)]) }
        if key == "assignee" {
            guard desk.team.person(value) != nil else {
                throw CLIError(.assigneeNotOnRoster, ["value": .text(value), "handles": .texts(desk.team.people.map(\.handle))])
            }
            return value
        }
        if let problem = FieldValueCheck.check(key: key, value: value, schema: desk.schema, team: desk.team) {
            throw CLIError(.optionProblem, ["option": .text("--\(option)"), "problem": .message(problem)])
        }
        return value
    }
}

/// `--sort` and `--limit`.
struct OrderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Order by a field (key or label), asc or desc (asc when not given; without --sort: created:desc, newest first). priority:desc puts urgent first.", valueName: "field[:asc|desc]"))
    var sort: String?
    @Option(help: "Show at most this many tickets.") var limit: Int?

    func order(desk: Desk) throws -> (TicketSort, Int?) {
        var order = TicketSort()
        if let sort {
            // The field by key or by its zh / en label (--sort 优先级:desc).
            guard var parsed = TicketSort(text: sort),
                  let key = try? desk.schema.fieldKey(typed: parsed.field), desk.schema.field(key) != nil else {
                throw CLIError(.badSort, ["value": .text(sort), "fields": .texts(desk.schema.fields.map(\.key))])
            }
            parsed.field = key
            order = parsed
        }
        if let limit, limit < 0 { throw CLIError(.negativeLimit) }
        return (order, limit)
    }
}
