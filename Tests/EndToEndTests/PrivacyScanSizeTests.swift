import Foundation
import Testing
import TestSupport

/// Issue 10 item 1: a text of many numbers is scanned in linear time, and
/// the server caps what one push may ask it to scan.
@Suite struct PrivacyScanSizeTests {
    /// `客户反馈13812345678，` × 16000 (about 400 KB) took 104 s in
    /// `validate --staged`; it must simply finish (the time is measured in
    /// `make bench`, not asserted here).
    @Test func aLongDescriptionOfNumbersIsValidated() throws {
        let d = try HookTestDesk()
        let body = String(repeating: "客户反馈13812345678，", count: 16000)
        try d.edit { $0 + "\n## notes\n\n" + body + "\n" }
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))
        let r = try d.sandbox.gitdesk(["validate", "--staged"], in: "desk")
        #expect(r.status == 1)
        // Other rules may speak too (the text is longer than a field may be); the pii findings are these.
        let lines = r.stdout.split(separator: "\n").filter { $0.contains(": pii: ") }
        #expect(lines.count <= 20 && !lines.isEmpty, "printed findings are capped per file: \(lines.count)")
        #expect(lines.allSatisfy { $0.contains(": pii: notes: a mobile number") && $0.contains("138****5678") })
        #expect(r.stdout.contains(" more)"), "the rest are counted")
        #expect(!r.stdout.contains("13812345678"))
        // --json keeps every finding.
        let json = try d.sandbox.gitdesk(["validate", "--staged", "--json"], in: "desk")
        #expect(json.stdout.components(separatedBy: "\"pii\"").count - 1 == 16000)
        #expect(!json.stdout.contains("13812345678"))
    }

    @Test func theServerRefusesAPushLargerThanTheCap() throws {
        let d = try HookTestDesk()
        let s = d.sandbox
        let policy = try s.read("desk/.gitdesk/schema/privacy.yaml")
        try s.write("desk/.gitdesk/schema/privacy.yaml",
                    policy.replacingOccurrences(of: "max_scan_bytes: 8388608", with: "max_scan_bytes: 4000"))
        try d.must(s.git(["commit", "-qam", "small scan cap", "--author", "管理员 <admin@desk.example>"], in: "desk"))
        try d.must(s.git(["push", "-q", "origin", "main"], in: "desk"))
        let before = try d.serverHead()

        // Two changes of 2.7 KB each (a field holds at most 1000 characters): 5.4 KB in one push.
        try d.must(s.gitdesk(["set", "--as", "li", d.id, "module=" + String(repeating: "订单支付", count: 225)], in: "desk"))
        try d.must(s.gitdesk(["set", "--as", "li", d.id, "module=" + String(repeating: "会员权益", count: 225)], in: "desk"))
        let push = try s.git(["push", "origin", "main"], in: "desk")
        #expect(push.status != 0)
        #expect(push.stderr.contains("this push asks the server to scan more than"), "\(push)")
        #expect(push.stderr.contains("max_scan_bytes in privacy.yaml is 4000"))
        #expect(try d.serverHead() == before)
    }
}
