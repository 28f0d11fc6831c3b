import Foundation
import Testing
import TestSupport

/// `--lang zh|en` changes field names and values in table and text output;
/// JSON keys and values stay the stable English keys.
@Suite("Output language")
struct LanguageLabelTests {
    @Test("--lang en labels fields and values in show, list, remind and command output")
    func english() throws {
        let desk = try TestDesk(language: "zh")
        let now = "2024-05-06T09:00:00+08:00"
        let id = try desk.new(priority: "urgent", at: now)
        let moved = try desk.ok(["move", id, "in_progress", "--lang", "en"], as: "zhang", at: now).stdout
        #expect(moved.contains("Status          New → In progress"))
        let zh = try desk.ok(["assign", id, "chen"], as: "zhang", at: now).stdout
        #expect(zh.contains("处理人    zhang → chen"))
        #expect(zh.contains("责任部门  技术支持 → 售后"))

        let show = try desk.ok(["show", id, "--lang", "en"], at: now).stdout
        for label in ["Status", "In progress", "Priority", "Urgent", "Type", "Complaint", "Department", "After-sales", "SLA", "Log"] {
            #expect(show.contains(label), "show --lang en lacks \(label)")
        }
        #expect(!show.contains("处理状态"))
        let list = try desk.ok(["list", "--lang", "en"], at: now).stdout
        #expect(list.hasPrefix("ID"))
        #expect(list.contains("In progress") && list.contains("Urgent"))
        let history = try desk.ok(["history", id, "--lang", "en"], at: now).stdout
        #expect(history.hasPrefix("Commit"))
        #expect(try desk.ok(["history", id], at: now).stdout.hasPrefix("提交"))

        let json = try desk.ok(["show", id, "--json", "--lang", "en"], at: now)
        let t = try #require(try desk.json(json) as? [String: Any])
        #expect(t["status"] as? String == "in_progress")
        #expect(t["priority"] as? String == "urgent")
    }
}
