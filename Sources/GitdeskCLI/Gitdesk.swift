import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// The `gitdesk` command.
public struct Gitdesk: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gitdesk",
        abstract: "A customer-service ticket desk whose database is a Git repository.",
        discussion: """
            Every ticket is one text file under tickets/YYYY/MM/; every change is one \
            commit authored by the operator. Options that apply to every command \
            (--as HANDLE, -C DIR, --lang zh|en) come after the subcommand, or before it \
            as in git (gitdesk -C desk list).
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, NewCommand.self, ShowCommand.self, ListCommand.self, SearchCommand.self, ExportCommand.self, ImportCommand.self,
            SetCommand.self, CommentCommand.self, HistoryCommand.self,
            MoveCommand.self, AssignCommand.self, ResolveCommand.self, ConfirmCommand.self,
            CloseCommand.self, ReopenCommand.self, InvalidCommand.self, ArchiveCommand.self,
            ExtendCommand.self, ApproveCommand.self, ContactCommand.self,
            SweepCommand.self, RemindCommand.self, DemoCommand.self,
            ValidateCommand.self, HooksCommand.self, HookCommand.self,
            MergeDriverCommand.self, ConflictsCommand.self, DiffCommand.self,
            CloneCommand.self, SyncCommand.self, StatusCommand.self, RepairCommand.self, TemplateCommand.self, CompletionsCommand.self,
            ReportCommand.self,
        ]
    )

    public init() {}

    /// Parses the arguments, runs the command and exits: 0 on success, 1 on a
    /// refused action (one line on stderr), 64 on usage errors.
    public static func runMain(arguments: [String]? = nil) -> Never {
        do {
            let given = arguments ?? Array(CommandLine.arguments.dropFirst())
            let hoisted: [String]
            Speech.begin(arguments: given)
            do { hoisted = try LeadingOptions.apply(given) } catch { fail(error.description) }
            try EnvironmentCheck.run()
            if DirectArguments.enabled {
                if DirectCommands.isVersion(hoisted) {
                    StartupTrace.mark("arguments read directly")
                    print(configuration.version)
                    Foundation.exit(0)
                }
                if var command = DirectCommands.command(hoisted) {
                    StartupTrace.mark("arguments read directly")
                    try command.run()
                    Foundation.exit(0)
                }
            }
            var command = try parseQuickly(hoisted)
            try command.run()
            Foundation.exit(0)
        } catch let error as DeskError {
            fail(Speech.say(error))
        } catch let error as CLIError {
            fail(Speech.say(error))
        } catch let error as ReportError {
            fail(Speech.say(error))
        } catch {
            // argument-parser's messages echo what was typed: escape control
            // characters before they reach the terminal.
            let code = exitCode(for: error)
            let message = fullMessage(for: error).terminalSafe
            if !message.isEmpty {
                if code == .success { print(message) } else { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// Parses `gitdesk SUBCOMMAND ARGS` by handing ARGS straight to the
    /// subcommand: parsing from the root builds the argument tables of every
    /// command (~1.5 ms of each run). Help requests and anything the
    /// subcommand cannot parse go through the root, so messages and usage
    /// text are exactly argument-parser's.
    static func parseQuickly(_ arguments: [String]) throws -> any ParsableCommand {
        if let name = arguments.first,
           let sub = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
           !arguments.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "--help-hidden" || $0 == "--experimental-dump-help" }),
           let parsed = try? sub.parseAsRoot(Array(arguments.dropFirst())) {
            return parsed
        }
        return try parseAsRoot(arguments)
    }

    static func fail(_ message: String) -> Never {
        let line = message.split(separator: "\n").joined(separator: " ").terminalSafe
        FileHandle.standardError.write(Data("gitdesk: \(line)\n".utf8))
        Foundation.exit(1)
    }
}
