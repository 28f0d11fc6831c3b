import Foundation
import Testing
import TestSupport

/// `list`'s columns line up in the user's terminal: quotes and ellipses
/// (East Asian Ambiguous) are counted as a Chinese terminal draws them.
@Suite("tables and ambiguous-width characters")
struct AmbiguousWidthTableTests {
    /// Cells before `marker` in `line`, counting ambiguous characters as `ambiguous` cells.
    static func column(of marker: String, in line: Substring, ambiguous: Int) -> Int? {
        guard let r = line.range(of: marker) else { return nil }
        return line[..<r.lowerBound].unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            if [0x201C, 0x201D, 0x2026].contains(v) { return sum + ambiguous }
            return sum + (v >= 0x2E80 ? 2 : 1)
        }
    }

    @Test(arguments: [("1", 2), ("0", 1)])
    func columnsLineUp(_ setting: String, _ cells: Int) throws {
        let desk = try TestDesk()
        _ = try desk.record(title: "客户说“到账了…”")
        _ = try desk.record(title: "退款")
        let list = try desk.gitdesk(["list"], env: ["GITDESK_AMBIGUOUS_WIDE": setting])
        try #require(list.status == 0, "\(list)")
        let lines = list.stdout.split(separator: "\n").filter { $0.hasPrefix("CS-") }
        try #require(lines.count == 2, "\(list)")
        // The assignee column starts at the same cell on both rows.
        let starts = lines.compactMap { Self.column(of: "  chen", in: $0, ambiguous: cells) ?? Self.column(of: "  zhang", in: $0, ambiguous: cells) }
        try #require(starts.count == 2, "\(list)")
        #expect(starts[0] == starts[1], "GITDESK_AMBIGUOUS_WIDE=\(setting): \(list.stdout)")
    }
}
