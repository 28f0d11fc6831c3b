import Foundation
import Testing
import TestSupport

/// A status added to the desk's own workflow.yaml (edited and committed)
/// works at once: no rebuild, the commands read the schema at HEAD.
@Suite("A desk's own workflow")
struct CustomStatusCommandTests {
    @Test("a status and transitions added to .gitdesk/schema/workflow.yaml work without a rebuild")
    func escalatedStatus() throws {
        let desk = try TestDesk()
        let now = "2024-05-06T09:00:00+08:00"
        let id = try desk.new(priority: "high", at: now)
        try desk.ok(["move", id, "in_progress"], as: "chen", at: now)
        try desk.expectRefused(["move", id, "escalated"], as: "wang", at: now, "'escalated' is not a status")

        let file = "\(desk.dir)/.gitdesk/schema/workflow.yaml"
        var yaml = try desk.sandbox.read(file)
        let lastStatus = "  - { key: invalid, zh: 无效, en: Invalid, clock: stopped, terminal: true }\n"
        try #require(yaml.contains(lastStatus) && yaml.contains("transitions:\n"))
        yaml = yaml.replacingOccurrences(of: lastStatus, with: lastStatus + "  - { key: escalated, zh: 已升级, en: Escalated }\n")
        yaml = yaml.replacingOccurrences(of: "transitions:\n", with: """
            transitions:
              - { operation: escalate, zh: 升级处理, en: Escalate, from: [in_progress], to: escalated, roles: [supervisor], reason: true }
              - { from: [escalated], to: in_progress, roles: [handler, supervisor] }

            """)
        try desk.sandbox.write(file, yaml)
        let commit = try desk.sandbox.git(["-c", "user.name=admin", "-c", "user.email=admin@desk.example",
                                           "commit", "-qam", "Add the escalated status"], in: desk.dir)
        try #require(commit.status == 0, "\(commit)")

        try desk.expectRefused(["move", id, "escalated", "--reason", "客户要求主管处理"], as: "chen", at: now,
                               "chen may not escalate: it needs the role supervisor")
        try desk.expectRefused(["move", id, "escalated"], as: "wang", at: now, "escalate needs a reason")
        let moved = try desk.ok(["move", id, "escalated", "--reason", "客户要求主管处理", "--lang", "en"], as: "wang", at: now)
        #expect(moved.stdout.contains("In progress → Escalated"))
        #expect(try desk.show(id)["status"] as? String == "escalated")
        try desk.expectRefused(["move", id, "closed"], as: "wang", at: now, "allowed from escalated: in_progress")
        try desk.ok(["move", id, "in_progress"], as: "chen", at: now)
        #expect(try desk.ok(["list", "--status", "in_progress", "--format", "csv"], at: now).stdout.contains(id))
    }
}
