import Foundation
import TicketCore
import TicketStore

/// The language refusals and notices are said in, and the labels they use:
/// `--lang`, else the desk's configured language once the desk is open, else
/// LANG, else Chinese. Set as soon as the command knows them, read when an
/// error reaches `Gitdesk.fail` (a command may fail before it opens a desk).
enum Speech {
    nonisolated(unsafe) static var language: Language = fallback
    nonisolated(unsafe) static var flag: Language?
    /// The desk's schema, read only if a message is said (loading it costs
    /// start-up time commands that succeed never pay).
    nonisolated(unsafe) static var schema: (() -> Schema)?
    static var labels: Schema? { schema?() }

    /// LANG's language, else Chinese (the desk's default).
    static var fallback: Language {
        ProcessEnvironment.value("LANG").flatMap(Language.init(locale:)) ?? .zh
    }

    /// `--lang` as given on the command line (before the command parses it).
    static func begin(arguments: [String]) {
        for (i, a) in arguments.enumerated() {
            let value = a.hasPrefix("--lang=") ? String(a.dropFirst(7)) : (a == "--lang" && i + 1 < arguments.count ? arguments[i + 1] : nil)
            if let value, let lang = Language(rawValue: value) { flag = lang; language = lang }
        }
    }

    /// The desk is known: its language unless `--lang` said otherwise; its labels.
    static func desk(language deskLanguage: Language, schema: (() -> Schema)?) {
        language = flag ?? deskLanguage
        self.schema = schema
    }

    /// A catalogue sentence in the current language.
    static func say(_ message: Message) -> String { message.render(language, labels: labels) }

    /// An error as the user reads it: catalogue errors in the current language.
    static func say(_ error: any Error) -> String {
        if let e = error as? any CataloguedMessage { return say(e.message) }
        if let e = error as? CLIError { return say(e.message) }
        return String(describing: error)
    }
}
