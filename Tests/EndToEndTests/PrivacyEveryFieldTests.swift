import Foundation
import Testing
import TestSupport

/// Issue 8 item 6: every field a person types is scanned, not only the
/// long texts. Only the types that cannot hold personal data (enum keys,
/// handles, times, ratings) skip the scan.
@Suite struct PrivacyEveryFieldTests {
    static let mobile = "13912340001"
    static let email = "wang.er@example.com"
    static let idCard: String = {
        var rng = PIISamples.SeededRNG(seed: 42)
        return PIISamples.residentID(using: &rng)
    }()

    @Test func setNewAndExtendMaskEveryTypedField() throws {
        let d = try HookTestDesk()
        let s = d.sandbox
        try d.must(s.gitdesk(["set", "--as", "li", d.id, "module=\(Self.mobile)", "customer_id=\(Self.idCard)",
                              "submitter=\(Self.email)"], in: "desk"))
        let made = try d.must(s.gitdesk(["new", "--as", "li", "--type", "fault", "--channel", "phone", "--title", "无法开机",
                                         "--module", "手机 \(Self.mobile)", "--submitter", "客户 \(Self.email)"], in: "desk"))
        let second = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = try s.read("desk/\(d.path)")
        #expect(first.contains("module: 139****0001"), "\(first)")
        #expect(first.contains("customer_id: \(Self.idCard.prefix(1))***************\(Self.idCard.suffix(2))"))
        #expect(first.contains("submitter: w***@example.com"))
        let other = try s.read("desk/tickets/2024/05/\(second).md")
        #expect(other.contains("module: 手机 139****0001"))
        #expect(other.contains("submitter: 客户 w***@example.com"))
        let objects = try s.git(["cat-file", "--batch-all-objects", "--batch"], in: "desk").stdout
        for raw in [Self.mobile, Self.idCard, "wang.er@"] {
            #expect(!objects.contains(raw), "\(raw) is in the object database")
        }
        #expect(try s.gitdesk(["validate", "--all"], in: "desk").status == 0)
    }

    @Test func anExtensionReasonIsMasked() throws {
        let desk = try TestDesk()
        let id = try desk.new(priority: "high", at: "2024-05-06T09:00:00+08:00")
        try desk.ok(["move", id, "in_progress"], as: "chen", at: "2024-05-06T09:00:00+08:00")
        try desk.ok(["extend", id, "--until", "2024-05-08 18:00", "--reason", "等客户回电 \(Self.mobile)"], as: "chen",
                    at: "2024-05-06T15:00:00+08:00")
        let t = try desk.show(id)
        #expect(t["extension_reason"] as? String == "等客户回电 139****0001")
        let objects = try desk.sandbox.git(["cat-file", "--batch-all-objects", "--batch"], in: desk.dir).stdout
        #expect(!objects.contains(Self.mobile))
    }

    @Test func rawValuesTypedByHandAreRefusedAndNeverEchoed() throws {
        let d = try HookTestDesk()
        let s = d.sandbox
        try d.edit { $0.replacingOccurrences(of: "contact: 尾号5678", with: "contact: 尾号5678\nmodule: 138.1234.5678\ncustomer_id: QQ13812345678") }
        try d.must(s.git(["commit", "-q", "--no-verify", "-am", "hand edit"], in: "desk"))
        let all = try s.gitdesk(["validate", "--all"], in: "desk")
        #expect(all.status == 1)
        #expect(all.stdout.contains("pii: module: a mobile number"), "\(all)")
        #expect(all.stdout.contains("pii: customer_id: a mobile number"), "\(all)")
        let json = try s.gitdesk(["validate", "--all", "--json"], in: "desk")
        #expect(json.status == 1)
        for out in [all.stdout, all.stderr, json.stdout, json.stderr] {
            #expect(!out.contains("1234.5678") && !out.contains("13812345678"), "\(out)")
        }
        #expect(json.stdout.contains("138****5678"))
        let push = try s.git(["push", "origin", "main"], in: "desk")
        #expect(push.status != 0)
        #expect(!push.stderr.contains("13812345678") && !push.stderr.contains("1234.5678"))
    }

    @Test func strictModeRefusesATypedFieldWithoutEchoingIt() throws {
        let d = try HookTestDesk()
        let s = d.sandbox
        let policy = try s.read("desk/.gitdesk/schema/privacy.yaml")
        try s.write("desk/.gitdesk/schema/privacy.yaml", policy.replacingOccurrences(of: "strict: false", with: "strict: true"))
        try d.must(s.git(["commit", "-qam", "strict privacy", "--author", "管理员 <admin@desk.example>"], in: "desk"))
        let refused = try s.gitdesk(["set", "--as", "li", d.id, "customer_id=\(Self.idCard)"], in: "desk")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("customer_id: a resident ID number"), "\(refused)")
        #expect(!refused.stderr.contains(Self.idCard))
    }

    @Test func aDeskWhosePolicyPredatesTheKeyScansEveryField() throws {
        let d = try HookTestDesk()
        let s = d.sandbox
        // The privacy.yaml of the first release: a scanned_fields list, no unscanned_types.
        try s.write("desk/.gitdesk/schema/privacy.yaml", """
            strict: false
            masked_fields: [contact]
            scanned_fields: [title, description, root_cause, solution, compensation, feedback, notes, log, contacts]
            commit_messages: scan
            kinds: [mobile, landline, email, resident_id, bank_card]

            """)
        try d.must(s.git(["commit", "-qam", "old policy", "--author", "管理员 <admin@desk.example>"], in: "desk"))
        try d.must(s.gitdesk(["set", "--as", "li", d.id, "module=\(Self.mobile)"], in: "desk"))
        #expect(try s.read("desk/\(d.path)").contains("module: 139****0001"))
        #expect(try s.gitdesk(["validate", "--all"], in: "desk").status == 0)
    }
}
