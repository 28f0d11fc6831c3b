import Foundation
import Testing
import TestSupport

/// Issue 10 (attacker review, HIGH): personal data in a file outside
/// `tickets/` cost quadratic time (20k phone numbers in one file: more than
/// 120 s in `validate --staged`; the server's hook 150 s for a 240 KB push),
/// because each finding's line was counted from the start of the file. Lines
/// now come from one pass, and a file reports at most 20 findings and then
/// how many more. (The time is measured in `make bench`, not asserted.)
@Suite struct NonTicketPIIScanTests {
    @Test func twentyThousandNumbersInANoteAreReportedBoundedAndMasked() throws {
        let desk = try TestDesk()
        let phone = { (i: Int) in "138" + String(format: "%08d", i) }
        try desk.write("notes.txt", (0..<20_000).map { "客户反馈\(phone($0))，\n" }.joined())
        #expect(try desk.git(["add", "notes.txt"]).status == 0)
        let r = try desk.gitdesk(["validate", "--staged"])
        #expect(r.status == 1, "\(r)")
        let lines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("notes.txt:") }
        #expect(lines.count == 21, "\(lines.count) lines")
        #expect(lines.first?.hasPrefix("notes.txt:1: pii: a mobile number") == true, "\(lines.first ?? "")")
        #expect(lines.dropLast().last?.hasPrefix("notes.txt:20: pii:") == true)
        #expect(lines.last?.hasPrefix("notes.txt:21: pii: and 19980 more") == true, "\(lines.last ?? "")")
        #expect(!r.stdout.contains(phone(0)) && !r.stdout.contains(phone(19_999)))
    }
}
