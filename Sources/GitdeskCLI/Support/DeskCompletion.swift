import ArgumentParser
import Foundation
import TicketCore
import TicketStore

/// Shell completions that read the desk: ticket IDs, and the values of the
/// filters (keys, then Chinese labels). The shell runs `gitdesk` to get them
/// (`gitdesk ---completion ...`); a directory that is no desk completes nothing.
enum DeskCompletion {
    /// The desk named by `-C DIR` among the words typed, or the one around the
    /// current directory.
    static func desk(_ words: [String]) -> Desk? {
        var directory: String? = nil
        for (i, word) in words.enumerated() where word == "-C" && i + 1 < words.count { directory = words[i + 1] }
        return try? Desk.open(at: directory)
    }

    /// Ticket IDs (newest first) starting with what was typed.
    static let ticketIDs = CompletionKind.custom { words, _, prefix in
        guard let desk = desk(words),
              let tickets = try? desk.query(TicketFilter(), at: Timestamp(seconds: 0, offsetMinutes: 0)).tickets
        else { return [] }
        return tickets.map(\.id).filter { $0.hasPrefix(prefix) || $0.lowercased().hasPrefix(prefix.lowercased()) }
    }

    /// The keys and Chinese labels of a field's values (statuses for `status`,
    /// handles for `assignee`).
    static func values(of key: String) -> CompletionKind {
        .custom { words, _, prefix in
            guard let desk = desk(words) else { return [] }
            var choices: [String]
            if key == "status" {
                choices = desk.schema.workflow.statuses.flatMap { [$0.key, $0.zh] }
            } else if key == "assignee" {
                choices = desk.team.people.map(\.handle)
            } else if let name = desk.schema.field(key)?.enumName {
                choices = desk.schema.values(of: name).flatMap { [$0.key, $0.zh] }
            } else {
                return []
            }
            return choices.filter { $0.hasPrefix(prefix) }
        }
    }
}
