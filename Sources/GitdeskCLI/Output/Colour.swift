import Foundation
import TicketCore

/// When output is coloured, as git's `--color=WHEN`.
enum ColourWhen: String, CaseIterable, Sendable {
    case auto, always, never
}

/// ANSI colours for a terminal, or none at all.
///
/// Colour is on when asked for (`--color always`), or by default when standard
/// output is a terminal other than `TERM=dumb` and `NO_COLOR` is unset or
/// empty (no-color.org: an explicit option overrides it); never with
/// `--color never` or `--no-color`. Colours are added after a table's
/// widths are counted and after control characters are escaped, so they
/// neither misalign columns nor come from ticket content.
struct Palette: Sendable {
    /// Whether escapes are written at all.
    let enabled: Bool

    static let plain = Palette(enabled: false)

    /// The decision for this process.
    static func decide(_ when: ColourWhen, environment: [String: String], stdoutIsTerminal: Bool) -> Palette {
        switch when {
        case .never: return .plain
        case .always: return Palette(enabled: true)
        case .auto:
            let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return Palette(enabled: stdoutIsTerminal && !noColour && environment["TERM"] != "dumb")
        }
    }

    /// SGR styles used by gitdesk's output.
    enum Style: String, Sendable {
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
        case boldRed = "1;31", dim = "2"
    }

    /// `text` wrapped in the style, or as it is when colour is off.
    func paint(_ text: String, _ style: Style?) -> String {
        guard enabled, let style, !text.isEmpty else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[m"
    }

    /// The style of a status, from what the workflow says of it (so a desk's
    /// own statuses are coloured too): the initial status cyan, waiting on
    /// the customer yellow, work done green, terminal statuses dim, the rest blue.
    static func style(status key: String, workflow: WorkflowDefinition) -> Style? {
        if key == workflow.initial { return .cyan }
        guard let status = workflow.statuses.first(where: { $0.key == key }) else { return nil }
        if status.terminal { return .dim }
        switch status.clock {
        case .paused: return .yellow
        case .stopped: return .green
        case .running: return .blue
        }
    }

    /// The style of a priority: urgent bold red, high red.
    static func style(priority key: String) -> Style? {
        switch key {
        case "urgent": return .boldRed
        case "high": return .red
        default: return nil
        }
    }

    /// The style of a deadline: red when overdue, yellow when due soon.
    static func style(deadline sla: SLAStatus?) -> Style? {
        guard let sla else { return nil }
        if sla.isOverdue { return .red }
        if sla.isDueSoon { return .yellow }
        return nil
    }
}
