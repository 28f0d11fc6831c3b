import TicketCore
import TicketStore

/// What `hooks install` (and `init`) tell the user: which checks are active,
/// where, and what happened to the hooks that were there before.
enum HookReport {
    static let purpose: [String: MessageKey] = [
        "pre-commit": .hookPurposePreCommit,
        "commit-msg": .hookPurposeCommitMsg,
        "pre-merge-commit": .hookPurposePreMergeCommit,
        "pre-receive": .hookPurposePreReceive,
        "post-receive": .hookPurposePostReceive,
    ]

    static func lines(_ outcome: HookInstaller.Outcome, _ language: Language) -> [String] {
        func say(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> String {
            Message(key, arguments).render(language)
        }
        var lines: [String] = []
        if !outcome.installed.isEmpty {
            lines.append(say(.hooksActive, ["directory": .text(outcome.directory)]))
            for name in outcome.installed {
                var line = "  \(name): " + say(purpose[name] ?? .hookPurposeOther)
                if outcome.chained.contains(name), let previous = outcome.previousDirectory {
                    line += say(.hookChained, ["hook": .text(name), "directory": .text(previous)])
                }
                lines.append(line)
            }
        }
        if !outcome.forwarded.isEmpty, let previous = outcome.previousDirectory {
            lines.append(say(.hooksForwarded, ["directory": .text(previous), "hooks": .texts(outcome.forwarded)]))
        }
        let receive = outcome.settings.filter { $0.hasPrefix("receive.") }
        if !receive.isEmpty {
            lines.append(say(.hooksReceiveSettings, ["settings": .texts(receive)]))
        }
        if let policy = outcome.policy {
            let branch = Message.Argument.text(policy.branch)
            lines.append(say(.hooksProtected, ["branch": branch, "key": .text(ServerPolicy.branchKey)])
                         + (outcome.branchExists ? "" : say(.hooksProtectedUnborn, ["branch": branch])))
            lines.append(say(.hooksAcceptedRefs, ["refs": .text(policy.allowedRefs.joined(separator: " ")), "key": .text(ServerPolicy.allowRefsKey)]))
        }
        return lines
    }
}
