import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk history ID`
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "The commits that changed a ticket, newest first, with their authors."
    )

    @Argument(help: "Ticket ID or a unique prefix.") var id: String
    @Flag(help: "Print an array of {commit, author, email, time, summary}.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let (_, path) = try desk.locate(id)
        let commits = try desk.history(path: path)
        if json {
            print(JSONValue.array(commits.map { c in
                .object([
                    ("commit", .string(c.id.hex)), ("author", .string(c.author.name)),
                    ("email", .string(c.author.email)),
                    ("time", .string(Timestamp(seconds: c.author.time, offsetMinutes: c.author.offsetMinutes).iso8601)),
                    ("summary", .string(c.summary)),
                ])
            }).serialised())
            return
        }
        // Headers only: the schema is not needed (and so never decoded).
        let language = global.language(for: desk)
        var table = TextTable(headers: [language.say("提交", "commit"), language.say("时间", "time"),
                                        language.say("作者", "author"), language.say("说明", "summary")])
        table.maxColumnWidth = 72
        for c in commits {
            let t = Timestamp(seconds: c.author.time, offsetMinutes: c.author.offsetMinutes)
            table.append([String(c.id.hex.prefix(10)), t.shortDisplay, "\(c.author.name) <\(c.author.email)>", c.summary])
        }
        print(table.render(), terminator: "")
    }
}
