import Foundation
import Testing
import TestSupport

/// Raw personal data typed into gitdesk never exists in the object database,
/// not even as an unreachable blob.
@Suite struct PrivacyMaskingTests {
    @Test func rawValuesNeverReachAnyGitObject() throws {
        let d = try HookTestDesk()
        let s = d.sandbox
        let made = try d.must(s.gitdesk(["new", "--as", "li", "--type", "complaint", "--channel", "phone",
                                         "--title", "来电 13912345670 投诉", "--contact", "13987654321",
                                         "--description", "客户邮箱 wang.xiaoer@example.com,银行卡 6222 0202 0000 1234 560"], in: "desk"))
        let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try d.must(s.gitdesk(["comment", "--as", "zhang", id, "回拨 13655556666 未接通"], in: "desk"))
        try d.must(s.gitdesk(["set", "--as", "li", id, "contact=15811112222"], in: "desk"))
        let file = try s.read("desk/tickets/2024/05/\(id).md")
        #expect(file.contains("contact: 158****2222"))
        #expect(file.contains("回拨 136****6666 未接通"))
        let objects = try s.git(["cat-file", "--batch-all-objects", "--batch"], in: "desk").stdout
        for raw in ["13912345670", "13987654321", "wang.xiaoer@", "13655556666", "15811112222"] {
            #expect(!objects.contains(raw), "\(raw) is in the object database")
        }
        let log = try s.git(["log", "--format=%B"], in: "desk").stdout
        #expect(!log.contains("13655556666"))
    }

    /// A masked call-back number is a number the agent no longer has: say so
    /// (kind and masked form only) and where raw contacts belong.
    @Test func maskingTellsTheOperator() throws {
        let d = try HookTestDesk(language: "zh")
        let s = d.sandbox
        let comment = try d.must(s.gitdesk(["comment", "--as", "li", d.id, "回拨 13700003333"], in: "desk"))
        #expect(comment.stdout == "\(d.id)：已记录\n")
        #expect(comment.stderr.contains("已遮蔽个人信息：手机号 137****3333（处理记录）"), "\(comment)")
        #expect(comment.stderr.contains("customer_id"), "\(comment)")
        #expect(!comment.stderr.contains("13700003333"))
        let made = try d.must(s.gitdesk(["new", "--as", "li", "--type", "consult", "--channel", "web", "--title", "询问",
                                         "--contact", "13911112222", "--lang", "en"], in: "desk"))
        #expect(made.stdout.split(separator: "\n").count == 1, "new prints only the ID on stdout: \(made)")
        #expect(made.stderr.contains("masked personal data: mobile number 139****2222 (Contact)"), "\(made)")
        #expect(!made.stderr.contains("13911112222"))
        let plain = try d.must(s.gitdesk(["comment", "--as", "li", d.id, "已回电"], in: "desk"))
        #expect(plain.stderr.isEmpty, "\(plain)")
    }

    @Test func strictModeRefusesWithoutEchoingTheValue() throws {
        let d = try HookTestDesk()
        let s = d.sandbox
        let policy = try s.read("desk/.gitdesk/schema/privacy.yaml")
        try s.write("desk/.gitdesk/schema/privacy.yaml", policy.replacingOccurrences(of: "strict: false", with: "strict: true"))
        try d.must(s.git(["commit", "-qam", "strict privacy", "--author", "管理员 <admin@desk.example>"], in: "desk"))
        let refused = try s.gitdesk(["comment", "--as", "li", d.id, "客户手机 13912340000"], in: "desk")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("strict"))
        #expect(!refused.stderr.contains("13912340000"))
        let objects = try s.git(["cat-file", "--batch-all-objects", "--batch"], in: "desk").stdout
        #expect(!objects.contains("13912340000"))
    }

    @Test func theCommitMsgHookRefusesPersonalDataAndSuggestsAMaskedMessage() throws {
        let d = try HookTestDesk()
        try d.edit { $0 + "- 2024-05-01T15:00:00+08:00 li: 已回电\n" }
        let r = try d.sandbox.git(["commit", "-am", "called back 13912348888"], in: "desk")
        #expect(r.status != 0)
        #expect(r.stderr.contains("COMMIT_EDITMSG:1: pii: "))
        #expect(r.stderr.contains("called back 139****8888"))
    }
}

/// Issue 10 (attacker's HIGH findings): `comment` masks an e-mail with an
/// accented domain and a mobile grouped other than 3-4-4.
@Suite struct PrivacyAccentAndGroupingTests {
    @Test func commentMasksAccentedEmailAndRegroupedMobile() throws {
        let d = try HookTestDesk()
        let s = d.sandbox
        try d.must(s.gitdesk(["comment", "--as", "li", d.id, "客户邮箱 jörg@bücher.de，手机 139 00 00 12 34"], in: "desk"))
        let file = try s.read("desk/\(d.path)")
        #expect(file.contains("客户邮箱 j***@bücher.de，手机 139****1234"), "\(file)")
        let objects = try s.git(["cat-file", "--batch-all-objects", "--batch"], in: "desk").stdout
        #expect(!objects.contains("jörg@"))
        #expect(!objects.contains("139 00 00 12 34"))
    }
}

/// The same values in a hand commit never reach the server: its pre-receive
/// hook refuses the push without echoing them.
@Suite("server: accented e-mails and regrouped mobiles", .serialized)
struct ServerAccentAndGroupingTests {
    @Test func aHandCommitWithThemIsRefused() throws {
        let d = try HookTestDesk()
        let before = try d.serverHead()
        for raw in ["test@münchen.de", "1390 000 1234"] {
            try d.must(d.sandbox.git(["reset", "-q", "--hard", before], in: "desk"))
            try d.edit { $0.replacingOccurrences(of: "title: 支付成功但订单未生成", with: "title: 客户留言 \(raw)") }
            try d.commitByHand("note")
            let push = try d.push(["main"], pusher: "li")
            #expect(push.status != 0, "\(raw): \(push)")
            #expect(push.stderr.contains("must not be stored raw") && !push.stderr.contains(raw), "\(push)")
            #expect(try d.serverHead() == before)
        }
    }
}
