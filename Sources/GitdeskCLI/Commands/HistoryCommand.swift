import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk history ID`
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "The commits that changed a ticket, newest first, with their authors.",
        usage: HelpText.usage("gitdesk history <id> [--json] [--color <when>] [--no-color] [--no-pager] [--as <handle>] [-C <dir>] [--lang <zh|en>]")
    )

    @Argument(help: "Ticket ID or a unique prefix.", completion: DeskCompletion.ticketIDs) var id: String
    @Flag(help: "Print an array of {commit, author, email, time, summary} (plus arrived, pusher once the server's arrival stamps are fetched).") var json = false
    @OptionGroup var display: DisplayOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let (_, path) = try desk.locate(id)
        let commits = try desk.history(path: path)
        // The server's arrival stamps, when the clone has fetched them.
        let arrivals = ArrivalNotes.present(in: desk.repository)
            ? commits.map { ArrivalNotes.arrival(of: $0.id, in: desk.repository).map { a in var a = a; a.time = desk.timeZone.localise(a.time); return a } }
            : nil
        let palette = display.start()
        if json {
            print(JSONValue.array(commits.enumerated().map { i, c in
                .object([
                    ("commit", .string(c.id.hex)), ("author", .string(c.author.name)),
                    ("email", .string(c.author.email)),
                    ("time", .string(desk.timeZone.localise(Timestamp(seconds: c.author.time, offsetMinutes: c.author.offsetMinutes)).iso8601)),
                    ("summary", .string(c.summary)),
                ] + (arrivals.map { [("arrived", $0[i].map { .string($0.time.iso8601) } ?? .null),
                                      ("pusher", $0[i]?.pusher.map(JSONValue.string) ?? .null)] } ?? []))
            }).serialised())
            return
        }
        // Headers only: the schema is not needed (and so never decoded).
        let language = global.language(for: desk)
        var headers = [language.say("提交", "Commit"), language.say("时间", "Time"),
                       language.say("作者", "Author"), language.say("说明", "Summary")]
        if arrivals != nil { headers.insert(language.say("到达服务器", "Reached server"), at: 2) }
        var table = TextTable(headers: headers)
        table.maxColumnWidth = 72
        table.palette = palette
        for (i, c) in commits.enumerated() {
            // Every time in the desk's zone, whatever zone a commit was made in.
            let t = desk.timeZone.localise(Timestamp(seconds: c.author.time, offsetMinutes: c.author.offsetMinutes))
            var row = [String(c.id.hex.prefix(10)), t.shortDisplay, "\(c.author.name) <\(c.author.email)>", c.summary]
            if let arrivals { row.insert(arrivals[i]?.time.shortDisplay ?? "-", at: 2) }
            table.append(row, styles: [.yellow])
        }
        print(table.render(), terminator: "")
    }
}
