import ArgumentParser
import TicketCore
import GitKit
import Foundation
import TicketStore

/// `gitdesk clone URL [DIR]`
struct CloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Clone a shared desk: git's clone, then the hooks and the merge driver.",
        discussion: """
            The transfer is your own git's (ssh config, keys, agents and credential helpers \
            work as for git clone). The clone gets gitdesk's client hooks and the gitdesk \
            merge driver, and is checked to be a desk; a repository that is not a desk is \
            removed again.
            """
    )

    @Argument(help: "The shared desk: a path, ssh://, user@host:path or https:// URL.") var url: String
    @Argument(help: "The directory to make (default: the URL's last part without .git).") var dir: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let cwd = global.directory ?? FileManager.default.currentDirectoryPath
        do {
            let outcome = try DeskCloner.clone(url: url, into: dir, workingDirectory: cwd)
            // Said in the language of the desk just cloned (unless --lang).
            if let repository = try? Repository.discover(from: outcome.directory),
               let speech = HookChecks.speech(repository, server: false) {
                Speech.desk(language: Speech.flag ?? speech.language, schema: { speech.schema })
            }
            print(Speech.say(Message(.cloneDone, ["url": .text(url.terminalSafe), "dir": .text(outcome.directory.terminalSafe), "count": .number(outcome.tickets)])))
        } catch {
            throw CLIError(error: error)
        }
    }
}
