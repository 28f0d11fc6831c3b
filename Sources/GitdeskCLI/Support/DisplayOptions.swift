import ArgumentParser
import Foundation
import TicketStore

/// Options of the commands that print for reading (list, show, history,
/// search, diff, conflicts): colour and paging, as git's.
struct DisplayOptions: ParsableArguments {
    /// `--no-color` / `--no-pager` typed before the subcommand, as git takes them.
    nonisolated(unsafe) static var leadingNoColour = false
    nonisolated(unsafe) static var leadingNoPager = false

    @Option(name: .customLong("color"), help: ArgumentHelp("Colour the output: auto (on a terminal), always or never. NO_COLOR turns it off.", valueName: "when"))
    var colour: ColourWhen = .auto

    @Flag(name: .customLong("no-color"), help: "Never colour the output (as --color never).")
    var noColour = false

    @Flag(name: .customLong("no-pager"), help: "Print to the terminal instead of the pager (GITDESK_PAGER, PAGER, less).")
    var noPager = false

    /// Decides the colours and, for text meant to be read on a terminal,
    /// starts the pager; call once, before printing.
    func start(paging: Bool = true) -> Palette {
        let environment = ProcessEnvironment.only("NO_COLOR", "TERM")
        let palette = Palette.decide(noColour || Self.leadingNoColour ? .never : colour, environment: environment,
                                     stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
        if paging && !noPager && !Self.leadingNoPager { Pager.start() }
        return palette
    }
}

extension ColourWhen: ExpressibleByArgument {}
