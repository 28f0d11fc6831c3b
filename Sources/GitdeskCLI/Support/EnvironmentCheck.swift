import Foundation
import TicketCore
import TicketStore

/// Environment variables gitdesk reads for every command, checked once at
/// start: a value it does not understand is refused in one line naming the
/// variable and the valid values, never silently taken as the default.
enum EnvironmentCheck {
    static func run(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(DeskError) {
        // Empty, as `export X=` leaves it, means unset.
        if let wide = environment["GITDESK_AMBIGUOUS_WIDE"], !wide.isEmpty, wide != "0", wide != "1" {
            throw .said(Message(.settingValueInvalid, ["name": .text("GITDESK_AMBIGUOUS_WIDE"), "value": .text(wide),
                                                       "valid": .text("1 (ambiguous characters take two cells) or 0 (one)")]))
        }
    }
}
