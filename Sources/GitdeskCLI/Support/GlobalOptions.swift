import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// Options every command takes, after the subcommand: `gitdesk new --as li ...`.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this person (a handle from team.yaml).", valueName: "handle"))
    var operatorHandle: String?

    @Option(name: .customShort("C"), help: ArgumentHelp("Run in this desk directory instead of the current one.", valueName: "dir"), completion: .directory)
    var directory: String?

    @Option(help: ArgumentHelp("Label language for output: zh or en (default: the desk's, then LANG).", valueName: "zh|en"))
    var lang: Language?

    /// Opens the desk named by -C, or the one containing the current directory.
    /// `warnChecksOff`: one line on stderr when the client hooks or the merge
    /// driver are gone (``ClientChecks``); off for `hooks install`, the repair.
    func openDesk(warnChecksOff: Bool = true) throws(DeskError) -> Desk {
        let desk = try Desk.open(at: directory)
        Speech.desk(language: lang ?? desk.config.language, schema: { desk.schema })
        if warnChecksOff, let off = ClientChecks.off(desk.repository) { printError("gitdesk: " + Speech.say(off)) }
        return desk
    }

    /// The person acting.
    func person(in desk: Desk) throws(DeskError) -> Person {
        try OperatorResolver.resolve(flag: operatorHandle, desk: desk)
    }

    /// The time the command acts at.
    func now(in desk: Desk) throws(DeskError) -> Timestamp {
        try DeskClock.now(zone: desk.timeZone)
    }

    /// The output language: --lang, then the desk's setting, then LANG.
    func language(for desk: Desk?) -> Language {
        if let lang { return lang }
        if let desk { return desk.config.language }
        return ProcessInfo.processInfo.environment["LANG"].flatMap(Language.init(locale:)) ?? .zh
    }
}

extension Language: ExpressibleByArgument {}

/// A refusal raised by the command-line layer itself, its words from the catalogue.
struct CLIError: Error, CustomStringConvertible {
    var message: Message
    init(_ message: Message) { self.message = message }
    init(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) { message = Message(key, arguments) }
    /// A sentence made elsewhere (another error's text, a tool's output): said as it is.
    init(_ text: String) { message = Message(.verbatim, ["text": .text(text)]) }
    /// Another error, said in the current language.
    init(error: any Error) { message = Message(.verbatim, ["text": .text(Speech.say(error))]) }
    var description: String { message.render(.en) }
}
