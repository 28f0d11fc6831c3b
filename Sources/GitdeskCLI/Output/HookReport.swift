import TicketStore

/// What `hooks install` (and `init`) tell the user: which checks are active,
/// where, and what happened to the hooks that were there before.
enum HookReport {
    static let purpose = [
        "pre-commit": "validates hand edits before git commits them",
        "commit-msg": "refuses personal data in commit messages",
        "pre-merge-commit": "validates merge results",
        "pre-receive": "refuses pushes that break the desk's rules",
        "post-receive": "stamps when each pushed commit arrived and who pushed it (refs/notes/gitdesk-arrivals)",
    ]

    static func lines(_ outcome: HookInstaller.Outcome) -> [String] {
        var lines: [String] = []
        if !outcome.installed.isEmpty {
            lines.append("Active gitdesk checks (\(outcome.directory), core.hooksPath of this repository only):")
            for name in outcome.installed {
                var line = "  \(name): \(purpose[name] ?? "gitdesk's check")"
                if outcome.chained.contains(name), let previous = outcome.previousDirectory {
                    line += ", then your previous \(name) in \(previous)"
                }
                lines.append(line)
            }
        }
        if !outcome.forwarded.isEmpty, let previous = outcome.previousDirectory {
            lines.append("Still run from \(previous): \(outcome.forwarded.joined(separator: ", "))")
        }
        if outcome.settings.contains(where: { $0.hasPrefix("receive.") }) {
            lines.append("Set \(outcome.settings.filter { $0.hasPrefix("receive.") }.joined(separator: ", ")): the server refuses deleting or rewriting a branch")
        }
        if let policy = outcome.policy {
            lines.append("Protected branch: \(policy.branch) (git config \(ServerPolicy.branchKey); its rules judge every push)" + (outcome.branchExists ? ""
                : "; it does not exist yet: the first push of \(policy.branch) brings the desk's rules and is trusted, so push it now"))
            lines.append("Accepted refs: \(policy.allowedRefs.joined(separator: " ")) (git config \(ServerPolicy.allowRefsKey)); every other ref is refused")
        }
        return lines
    }
}
