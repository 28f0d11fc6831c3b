import Foundation
import Testing
import TestSupport

/// `gitdesk diff` speaks the desk's language (or `--lang`): the kind of
/// change, "by", the contact line, field labels and values, the empty-range
/// line, the rule-breaking lines and its refusals all come from the zh/en
/// catalogue; nothing of the other language leaks in.
@Suite struct DiffLanguageTests {
    static let start = "2024-05-01T14:30:00+08:00"

    /// A desk in `language` with one ticket changed three ways after its
    /// creation; returns the desk, the ticket and the commit before the changes.
    static func changedDesk(_ language: String) throws -> (TestDesk, String, String) {
        let d = try TestDesk(language: language)
        let id = try d.new(priority: "medium", at: start)
        let before = try d.head
        try d.ok(["set", id, "priority=urgent"], as: "wang", at: "2024-05-01T15:00:00+08:00")
        try d.ok(["comment", id, "技术排查发现接口超时"], as: "zhang", at: "2024-05-01T15:05:00+08:00")
        try d.ok(["contact", id, "--channel", "phone", "--summary", "已回电说明进度"], as: "li", at: "2024-05-01T15:10:00+08:00")
        return (d, id, before)
    }

    @Test func aChineseDeskReviewsInChinese() throws {
        let (d, id, before) = try Self.changedDesk("zh")
        let out = try d.succeed(["diff", "\(before)..HEAD"])
        #expect(out.contains("\(id) (修改) "), "\(out)")
        #expect(out.contains("  修改人: "), "\(out)")
        #expect(out.contains("  优先级: 中 → 紧急\n"), "\(out)")
        #expect(out.contains("  + 沟通 2024-05-01 15:10 li 电话: 已回电说明进度\n"), "\(out)")
        #expect(!out.contains(" by: ") && !out.contains("(modified)") && !out.contains("contact "), "\(out)")
        #expect(try d.succeed(["diff", "HEAD..HEAD"]) == "此范围内没有工单变更。\n")
        // --lang wins over the desk's language.
        #expect(try d.succeed(["diff", "\(before)..HEAD", "--lang", "en"]).contains("\(id) (modified) "))

        let bad = try d.gitdesk(["diff", "nosuch..HEAD"])
        expectOneLineRefusal(bad, mentioning: ["「nosuch..HEAD」在这里找不到对应的提交"])
        // The desk's language without --lang, one line, no usage text (a review finding).
        expectOneLineRefusal(try d.gitdesk(["diff", "HEAD"]), mentioning: ["「HEAD」不是版本范围"])
    }

    @Test func anEnglishDeskReviewsInEnglish() throws {
        let (d, id, before) = try Self.changedDesk("en")
        let out = try d.succeed(["diff", "\(before)..HEAD"])
        #expect(out.contains("\(id) (modified) "), "\(out)")
        #expect(out.contains("  by: "), "\(out)")
        #expect(out.contains("  Priority: Medium → Urgent\n"), "\(out)")
        #expect(out.contains("  + contact 2024-05-01 15:10 li Phone: 已回电说明进度\n"), "\(out)")
        // The log entries' own words are bilingual ("修改 (set)"); the labels are not.
        #expect(!out.contains("(修改)") && !out.contains("修改人") && !out.contains("+ 沟通") && !out.contains("优先级: "), "\(out)")
        #expect(try d.succeed(["diff", "HEAD..HEAD"]) == "No ticket changes in this range.\n")

        let bad = try d.gitdesk(["diff", "nosuch..HEAD"])
        expectOneLineRefusal(bad, mentioning: ["'nosuch..HEAD' names no commits here"])
        // Not a range: one line in the chosen language, no usage text (a review finding).
        expectOneLineRefusal(try d.gitdesk(["diff", "HEAD", "--lang", "en"]), mentioning: ["'HEAD' is not a range"])
        expectOneLineRefusal(try d.gitdesk(["diff", "HEAD", "--lang", "zh"]), mentioning: ["「HEAD」不是版本范围"])
    }

    @Test("the rule a range breaks is named in the desk's language, exit 1", arguments: ["zh", "en"])
    func brokenRuleLines(language: String) throws {
        let (d, id, _) = try Self.changedDesk(language)
        let path = try d.ticketPath(id)
        try d.write(path, try d.read(path).replacingOccurrences(of: "status: new", with: "status: closed"))
        _ = try d.git(["add", path])
        try d.handCommit("hand edit")
        let r = try d.gitdesk(["diff", "HEAD~1..HEAD"])
        #expect(r.status == 1, "\(r)")
        let broken = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  ! ") }
        #expect(broken.contains { $0.contains(": transition: ") }, "\(r)")
        if language == "zh" {
            #expect(r.stdout.contains("\(id) (修改) ") && r.stdout.contains("处理状态: 新建 → 已关闭"), "\(r)")
        } else {
            #expect(r.stdout.contains("\(id) (modified) ") && r.stdout.contains("Status: New → Closed"), "\(r)")
        }
    }
}
