import ArgumentParser

/// `gitdesk completions SHELL`
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
            bash: gitdesk completions bash > ~/.local/share/bash-completion/completions/gitdesk
            zsh:  gitdesk completions zsh > "${fpath[1]}/_gitdesk"
            fish: gitdesk completions fish > ~/.config/fish/completions/gitdesk.fish
            """
    )

    enum Shell: String, ExpressibleByArgument, CaseIterable { case bash, zsh, fish }

    @Argument(help: "The shell: bash, zsh or fish.") var shell: Shell

    func run() throws {
        let kind: CompletionShell = switch shell {
        case .bash: .bash
        case .zsh: .zsh
        case .fish: .fish
        }
        print(Gitdesk.completionScript(for: kind))
    }
}
