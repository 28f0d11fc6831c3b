import Foundation
import Testing
import TestSupport

/// Findings of hand edits and problems of the settings files come from the
/// catalogue: a Chinese desk reads them in Chinese, `--lang en` in English
/// with no Chinese word in it (issue 11).
@Suite struct CataloguedFindingsTests {
    static func hasCJK(_ s: String) -> Bool { s.unicodeScalars.contains { $0.properties.isIdeographic } }

    /// A Chinese desk with hand-committed (unchecked) files: a binary file
    /// under tickets/, a ticket whose front matter never closes, a template
    /// with a field templates do not have.
    static func handEditedDesk() throws -> TestDesk {
        let d = try TestDesk(language: "zh")
        try d.commitFile("tickets/2024/05/scan.bin", bytes: [0x61, 0, 0x62])
        try d.commitFile("tickets/2024/05/CS-20240501-7K3FQ2.md", bytes: Array("---\nid: CS-20240501-7K3FQ2\n".utf8))
        try d.commitFile("templates/refund.md", bytes: Array("---\nid: refund\ntitle: Refund\nsteps: s\nbogus: 1\n---\n".utf8))
        return d
    }

    @Test func validateSpeaksTheDesksLanguage() throws {
        let d = try Self.handEditedDesk()
        let zh = try d.gitdesk(["validate"])
        #expect(zh.status == 1, "\(zh)")
        #expect(zh.stdout.contains("tickets/2024/05/scan.bin:1: binary: tickets/ 下有二进制文件"), "\(zh.stdout)")
        #expect(zh.stdout.contains("CS-20240501-7K3FQ2.md:2: parse: 文件头缺少结束的 '---' 行"), "\(zh.stdout)")
        #expect(zh.stdout.contains("templates/refund.md:5: template-field: 模板 refund：「bogus」不是模板字段"), "\(zh.stdout)")
        #expect(zh.stdout.contains("模板 refund：「处理步骤」为必填项") == false, "steps is given: \(zh.stdout)")

        let en = try d.gitdesk(["validate", "--lang", "en"])
        #expect(en.status == 1, "\(en)")
        #expect(en.stdout.contains("binary: a binary file under tickets/"), "\(en.stdout)")
        #expect(en.stdout.contains("parse: the front matter has no closing '---' line"), "\(en.stdout)")
        #expect(!Self.hasCJK(en.stdout), "English findings hold Chinese: \(en.stdout)")
    }

    @Test func settingsProblemsAreRefusedInTheDesksLanguage() throws {
        let d = try TestDesk(language: "zh")
        let team = try d.read("team.yaml")
        try d.write("team.yaml", team.replacingOccurrences(of: "  - handle: zhang", with: "  - handle: li\n    name: Li Two\n    email: li2@desk.example\n    roles: [agent]\n  - handle: zhang"))
        try #require(try d.git(["add", "-A"]).status == 0)
        try d.handCommit("a handle twice")
        let zh = try d.expectRefusal(["new", "--title", "x", "--type", "complaint", "--channel", "phone"], as: "li",
                                     mentioning: ["team.yaml:", "账号「li」列出了两次"])
        #expect(Self.hasCJK(zh.stderr))
        let en = try d.expectRefusal(["new", "--title", "x", "--type", "complaint", "--channel", "phone", "--lang", "en"], as: "li",
                                     mentioning: ["handle 'li' is listed twice"])
        #expect(!Self.hasCJK(en.stderr), "\(en.stderr)")

        try d.write("team.yaml", team)
        let workflow = try d.read(".gitdesk/schema/workflow.yaml")
        try d.write(".gitdesk/schema/workflow.yaml", workflow.replacingOccurrences(of: "initial: new", with: "initial: fresh"))
        try #require(try d.git(["add", "-A"]).status == 0)
        try d.handCommit("an initial status the workflow lacks")
        try d.expectRefusal(["list"], mentioning: [".gitdesk/schema/workflow.yaml:", "初始状态「fresh」不在状态列表中"])
        try d.expectRefusal(["list", "--lang", "en"], mentioning: ["initial status 'fresh' is not among the statuses"])
    }
}
