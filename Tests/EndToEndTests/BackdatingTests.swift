import Foundation
import Testing
import TestSupport

/// Who may write a time other than the clock's (GITDESK_NOW): SLA compliance
/// feeds performance reviews, so an agent may not record a resolution nine
/// days in the past; an admin back-filling may, and the commit says so.
@Suite("Back-dating in-process")
struct BackdatingTests {
    /// An urgent complaint recorded ten days ago (back-filled by the admin:
    /// nothing may be logged before a ticket exists) and being worked.
    static func workedTicket(_ desk: TestDesk) throws -> String {
        let tenDaysAgo = ClockTimes.iso(-10 * ClockTimes.day)
        let id = try desk.record(title: "支付成功但订单未生成", priority: "urgent", as: "admin", now: tenDaysAgo)
        try desk.succeed(["move", id, "in_progress"], as: "admin", now: tenDaysAgo)
        return id
    }

    @Test("an agent's resolve nine days in the past is refused, nothing written")
    func agentRefused() throws {
        let desk = try TestDesk(clockOverride: false)
        let id = try Self.workedTicket(desk)
        let nineDaysAgo = ClockTimes.iso(-9 * ClockTimes.day)
        let refused = try desk.expectRefusal(["resolve", id, "--solution", "补同步订单", "--root-cause", "接口超时"],
                                             as: "li", env: ["GITDESK_NOW": nineDaysAgo],
                                             mentioning: ["li may not write at", "9d before the clock", "backdate", "admin", "GITDESK_NOW"])
        #expect(!refused.stderr.contains("\n\n"))
        // A supervisor does not hold it either (SLA figures are theirs to be judged by).
        try desk.expectRefusal(["comment", id, "补记"], as: "wang", env: ["GITDESK_NOW": nineDaysAgo], mentioning: ["backdate"])
        // The future is another time than the clock's too.
        try desk.expectRefusal(["comment", id, "预写"], as: "li", env: ["GITDESK_NOW": ClockTimes.iso(2 * ClockTimes.day)],
                               mentioning: ["after the clock"])
        #expect(try desk.showJSON(id)["status"] as? String == "in_progress")
        // GITDESK_NOW within the tolerance of the clock is the clock.
        try desk.succeed(["comment", id, "已联系客户"], as: "li", now: ClockTimes.iso(-60))
        #expect(!(try desk.gitOutput(["log", "-1", "--format=%B"]).contains("Backdated:")))
    }

    @Test("an admin may back-fill: the commit is dated then and carries a Backdated trailer")
    func adminBackfills() throws {
        let desk = try TestDesk(clockOverride: false)
        let id = try Self.workedTicket(desk)
        let then = ClockTimes.iso(-9 * ClockTimes.day)
        try desk.succeed(["comment", id, "补录：客户来电记录"], as: "admin", now: then)
        let message = try desk.gitOutput(["log", "-1", "--format=%B"])
        let trailer = try #require(message.split(separator: "\n").first { $0.hasPrefix("Backdated: ") })
        // The trailer holds the real clock: today, not nine days ago.
        #expect(trailer.contains(String(ClockTimes.iso(0).prefix(10))), "\(message)")
        #expect(try desk.gitOutput(["log", "-1", "--format=%aI"]) == then)
        let log = try #require(desk.showJSON(id)["log"] as? [[String: Any]])
        #expect(log.last?["time"] as? String == then)
    }

    @Test("on a clock-override desk anyone may set GITDESK_NOW, and demo desks are such desks")
    func clockOverrideDesk() throws {
        let desk = try TestDesk(clockOverride: false)
        let made = try desk.sandbox.gitdesk(["init", "lab", "--clock-override"])
        #expect(made.status == 0, "\(made)")
        #expect(try desk.sandbox.read("lab/.gitdesk/config.yaml").contains("clock_override: true"))
        #expect(try desk.read(".gitdesk/config.yaml").contains("clock_override: false"))
        let then = ClockTimes.iso(-9 * ClockTimes.day)
        let env = ["GITDESK_NOW": then]
        let id = try desk.sandbox.gitdesk(["new", "--as", "li", "--type", "complaint", "--channel", "phone",
                                           "--priority", "urgent", "--title", "演示"], in: "lab", env: env)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let moved = try desk.sandbox.gitdesk(["move", id, "in_progress", "--as", "li"], in: "lab", env: env)
        #expect(moved.status == 0, "\(moved)")
        let message = try desk.sandbox.git(["log", "-1", "--format=%B"], in: "lab").stdout
        #expect(!message.contains("Backdated:"), "a clock-override desk does not govern time: \(message)")

        let demo = try desk.sandbox.gitdesk(["demo", "demo"])
        #expect(demo.status == 0, "\(demo)")
        #expect(try desk.sandbox.read("demo/.gitdesk/config.yaml").contains("clock_override: true"))
    }

    @Test("clock_override in config.yaml is a settings change: an agent's commit of it is refused")
    func overrideIsAnAdminSetting() throws {
        let desk = try TestDesk(clockOverride: false)
        let config = try desk.read(".gitdesk/config.yaml")
        try desk.write(".gitdesk/config.yaml", config.replacingOccurrences(of: "clock_override: false", with: "clock_override: true"))
        #expect(try desk.git(["add", ".gitdesk/config.yaml"]).status == 0)
        let commit = try desk.git(["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-m", "let me set the clock"])
        #expect(commit.status != 0)
        #expect(commit.stderr.contains(": settings-change: "), "\(commit)")
    }
}
