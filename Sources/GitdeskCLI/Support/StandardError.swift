import Foundation
import TicketCore

/// Writes one line to standard error, control characters escaped.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line.terminalSafe + "\n").utf8))
}
