import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk conflicts [--json]`
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List the merge conflicts recorded in tickets (their 'Conflict:' log entries).",
        usage: HelpText.usage("gitdesk conflicts [--since <time>] [--ticket <ticket>] [--field <field>] [--json] [--color <when>] [--no-color] [--no-pager] [--as <handle>] [-C <dir>] [--lang <zh|en>]"),
        discussion: """
            Every field two clones changed differently is settled by its merge rule and logged in \
            the ticket as 'Conflict: FIELD ours="..." theirs="..." chosen="..." rule=RULE' by the \
            person who merged. This lists them, oldest first: ticket, time, who, field, both \
            values (masked) and the rule.
            """
    )

    @Option(help: ArgumentHelp("Only conflicts recorded at or after this time (e.g. 2024-05-01).", valueName: "time"))
    var since: String?
    @Option(help: "Only this ticket (ID or unique prefix).") var ticket: String?
    @Option(help: "Only this field (a key or its label, e.g. priority or 优先级).") var field: String?
    @Flag(help: "Print an array of {ticket, time, operator, field, ours, theirs, chosen, rule}.") var json = false
    @OptionGroup var display: DisplayOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let now = try global.now(in: desk)
        let from = try since.map { text in
            guard let t = desk.parseTime(text.count == 10 ? text + "T00:00:00" : text, near: now) else {
                throw CLIError(.notADateOrDateTime, ["option": .text("--since"), "text": .text(text)])
            }
            return t
        }
        let ticketID = try ticket.map { try desk.locate($0).id }
        let fieldKey = try field.map { typed in
            let key: String
            do { key = try desk.schema.fieldKey(typed: typed) } catch { throw CLIError(error: error) }
            guard desk.schema.field(key) != nil else {
                throw CLIError(.unknownField, ["key": .text(typed), "fields": .texts(desk.schema.fields.map(\.key))])
            }
            return key
        }
        let records = try ConflictLog.records(in: desk, filter: .init(since: from, ticketID: ticketID, field: fieldKey))
        _ = display.start()
        if json {
            print(JSONValue.array(records.map { r in
                .object([
                    ("ticket", .string(r.conflict.ticketID)), ("time", .string(r.time.iso8601)),
                    ("operator", .string(r.operator)), ("field", .string(r.conflict.field)),
                    ("ours", r.conflict.ours.map(JSONValue.string) ?? .null),
                    ("theirs", r.conflict.theirs.map(JSONValue.string) ?? .null),
                    ("chosen", r.conflict.chosen.map(JSONValue.string) ?? .null),
                    ("rule", .string(r.conflict.rule)),
                ])
            }).serialised())
            return
        }
        let language = global.language(for: desk)
        guard !records.isEmpty else {
            print(language.say("没有记录的合并冲突。", "No merge conflicts recorded."))
            return
        }
        var table = TextTable(headers: [language.say("工单", "ticket"), language.say("时间", "time"), language.say("合并人", "who"),
                                        language.say("字段", "field"), language.say("我方", "ours"), language.say("对方", "theirs"),
                                        language.say("保留", "kept"), language.say("规则", "rule")])
        table.maxColumnWidth = 40
        // Values as the reader knows them: an enum value or a status by its label.
        func shown(_ value: String?, _ field: String) -> String {
            value.map { desk.schema.label(value: $0, of: field, language) } ?? "-"
        }
        for r in records {
            let c = r.conflict
            table.append([c.ticketID, r.time.shortDisplay, r.operator, desk.schema.label(field: c.field, language),
                          shown(c.ours, c.field), shown(c.theirs, c.field), shown(c.chosen, c.field), c.rule])
        }
        print(table.render(), terminator: "")
    }
}
