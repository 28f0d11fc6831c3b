import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// `gitdesk hooks install [--server]`
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install gitdesk's git hooks.",
        subcommands: [Install.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the client hooks into a clone, or with --server the pre-receive and post-receive hooks into a (bare) server repository.",
            discussion: """
                Client hooks: pre-commit, commit-msg, pre-merge-commit. Server hook: pre-receive, \
                which refuses pushes that break the desk's rules (set GITDESK_PUSHER in the ssh \
                forced command or hosting layer to check who pushes); --server also sets \
                receive.denyDeletes and receive.denyNonFastForwards, so a push may not delete or \
                rewrite a branch and no ticket history is lost, and records the protected branch \
                (--branch, git config gitdesk.branch) whose tip's rules judge every commit any \
                accepted ref would bring (gitdesk.allowRefs; default refs/heads/* refs/tags/*). Server hook post-receive stamps \
                when each pushed commit arrived and who pushed it (refs/notes/gitdesk-arrivals). The hooks go to a folder gitdesk \
                owns (.git/gitdesk/hooks in a clone, hooks/ on a server) and the repository's own \
                config points core.hooksPath at it, so a global core.hooksPath neither receives \
                nor hides them; the hooks that were active before still run after gitdesk's \
                checks. On a server a hook that is not gitdesk's is left alone unless --force.
                """
        )

        @Flag(help: "Install the server hooks (pre-receive, post-receive) instead of the client hooks.")
        var server = false

        @Flag(help: "Replace hooks that are not gitdesk's.")
        var force = false

        @Option(help: ArgumentHelp("With --server: the desk's protected branch, whose rules judge every push (default: the branch HEAD names if it exists, else the only branch, else main).", valueName: "name"))
        var branch: String?

        func validate() throws {
            if branch != nil, !server { throw ValidationError("--branch goes with --server") }
        }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let path = global.directory ?? FileManager.default.currentDirectoryPath
            let outcome = try HookInstaller.install(at: path, server: server, force: force, branch: branch)
            // Clones also get the merge driver, so git pull merges tickets field by field.
            if !server { try MergeDriverSetup.register(at: path) }
            // A client desk is said in its language; a bare server repository in --lang or LANG's.
            let language = server ? Speech.language : ((try? global.openDesk(warnChecksOff: false)).map { global.language(for: $0) } ?? Speech.language)
            for line in HookReport.lines(outcome, language) { print(line) }
            if !outcome.skipped.isEmpty {
                throw CLIError(.hooksLeftAlone, ["hooks": .texts(outcome.skipped), "directory": .text(outcome.directory)])
            }
        }
    }
}
