import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk export`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export tickets (or their communication log) as CSV for Excel, or as JSON.",
        discussion: """
            CSV is UTF-8 with a byte-order mark (Excel opens it as such), headers are \
            the schema's labels in the output language (--lang zh|en), values are labels \
            unless --keys; a cell Excel would run as a formula (= + - @) starts with '. \
            The contacts and log columns hold those sections as the ticket file writes \
            them. JSON is for programs: an array of objects keyed by field key, values \
            as keys, null when empty (what import reads back). Takes the same filters \
            as list: gitdesk export --status 已关闭 --created-from 2024-05-01 > 五月.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: "Output format: csv or json.") var format: Format = .csv
    @Flag(help: "Export the communication log (沟通记录), one row per contact.") var contacts = false
    @Flag(help: "Values as keys (complaint) rather than labels (投诉).") var keys = false
    @OptionGroup var filters: FilterOptions
    @OptionGroup var order: OrderOptions
    @OptionGroup var revision: RevisionOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let head = try global.openDesk()
        let (desk, now) = try revision.apply(to: head, now: try global.now(in: head))
        let filter = try filters.filter(desk: desk, now: now)
        let (sort, limit) = try order.order(desk: desk)
        let answer = try desk.query(filter, sort: sort, limit: limit, at: now)
        for bad in answer.unreadable {
            printError("warning: " + (bad.error.hasPrefix(bad.path) ? bad.error : "\(bad.path): \(bad.error)"))
        }
        let lang = global.language(for: desk)
        let schema = desk.schema
        let headers: [String]
        var rows: [[String]] = []
        if format == .json {
            printJSON(answer.tickets, schema: schema)
            return
        }
        if contacts {
            let zh = lang == .zh
            headers = zh ? ["问题编号", "时间", "处理人", "渠道", "沟通摘要", "跟进事项", "跟进期限", "跟进状态"]
                         : ["ID", "Time", "Operator", "Channel", "Summary", "Follow-up", "By", "State"]
            for t in answer.tickets {
                for c in t.contacts {
                    let state = c.followUp == nil ? "" : (c.done ? (keys ? "done" : zh ? "已完成" : "Done") : (keys ? "open" : zh ? "待跟进" : "Open"))
                    rows.append([t.id, c.time.iso8601, c.operator, keys ? c.channel : schema.label(value: c.channel, of: "channel", lang),
                                 c.summary, c.followUp ?? "", c.followUpBy?.iso8601 ?? "", state])
                }
            }
        } else {
            headers = TicketTable.header(schema, lang)
            rows = answer.tickets.map { TicketTable.row($0, schema, lang, keys: keys) }
        }
        switch format {
        case .csv:
            var out = "\u{FEFF}" + CSVWriter.line(headers)
            for row in rows { out += CSVWriter.line(row) }
            print(out, terminator: "")
        case .json:
            break  // printed above
        }
    }

    /// `--format json`: field keys, value keys, null for empty cells.
    func printJSON(_ tickets: [Ticket], schema: Schema) {
        func cell(_ text: String?) -> JSONValue { text.map { $0.isEmpty ? .null : .string($0) } ?? .null }
        if contacts {
            print(JSONValue.array(tickets.flatMap { t in
                t.contacts.map { c in
                    JSONValue.object([
                        ("id", .string(t.id)), ("time", .string(c.time.iso8601)), ("operator", .string(c.operator)),
                        ("channel", .string(c.channel)), ("summary", .string(c.summary)), ("follow_up", cell(c.followUp)),
                        ("by", cell(c.followUpBy?.iso8601)), ("done", c.followUp == nil ? .null : .bool(c.done)),
                    ])
                }
            }).serialised())
            return
        }
        let keys = TicketTable.keys(schema)
        print(JSONValue.array(tickets.map { t in
            .object(zip(keys, TicketTable.row(t, schema, .en, keys: true)).map { ($0, cell($1)) })
        }).serialised())
    }
}
