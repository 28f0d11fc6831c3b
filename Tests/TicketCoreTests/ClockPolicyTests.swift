import Testing
import TestSupport
@testable import TicketCore

/// Who may write another time than the clock's, and which times a change records.
@Suite("Clock policy and recorded times")
struct ClockPolicyTests {
    let schema = Fixtures.schema

    @Test("backdate is an admin's by default, even where workflow.yaml names no such permission")
    func backdateRoles() throws {
        #expect(ClockPolicy.roles(in: schema.workflow) == ["admin"])
        for (role, person) in Fixtures.personByRole {
            #expect(ClockPolicy.mayBackdate(person, workflow: schema.workflow) == (role == "admin"), "\(role)")
        }
        var workflow = schema.workflow
        workflow.permissions["backdate"] = nil
        #expect(!ClockPolicy.mayBackdate(Fixtures.zhao, workflow: workflow))
        #expect(ClockPolicy.mayBackdate(Fixtures.admin, workflow: workflow))
        workflow.permissions["backdate"] = ["qa"]
        #expect(ClockPolicy.mayBackdate(Fixtures.zhao, workflow: workflow))
        #expect(!ClockPolicy.mayBackdate(nil, workflow: workflow))
    }

    @Test("a time strays from the clock beyond ten minutes either way")
    func tolerance() {
        let clock = Fixtures.t("2024-05-10 12:00")
        #expect(!ClockPolicy.strays(Fixtures.t("2024-05-10 11:51"), from: clock.seconds))
        #expect(!ClockPolicy.strays(Fixtures.t("2024-05-10 12:10"), from: clock.seconds))
        #expect(ClockPolicy.strays(Fixtures.t("2024-05-10 11:49"), from: clock.seconds))
        #expect(ClockPolicy.strays(Fixtures.t("2024-05-10 12:11"), from: clock.seconds))
    }

    @Test("the Backdated trailer is written and read back")
    func trailer() {
        let line = ClockPolicy.trailerLine(clock: Fixtures.t("2024-05-10 12:00"))
        #expect(line == "Backdated: 2024-05-10T12:00:00+08:00")
        #expect(ClockPolicy.trailerValue(in: "X: comment\n\nTicket: X\nOperation: comment\n\(line)\n") == "2024-05-10T12:00:00+08:00")
        #expect(ClockPolicy.trailerValue(in: "X: comment\n\nTicket: X\n") == nil)
    }

    func parsed(_ t: Ticket) throws -> ParsedTicket {
        try TicketFile.parse(TicketFile.render(t, layout: schema.layout))
    }

    func ticket() -> Ticket {
        var t = Ticket()
        for (k, v) in Fixtures.complaintFields { t[k] = v }
        t["id"] = "CS20240501001"
        t["created"] = "2024-05-01T14:30:00+08:00"
        t["status"] = "new"
        t.log = [LogEntry(time: Fixtures.t("2024-05-01 14:30"), operator: "li", text: "登记")]
        return t
    }

    @Test("a new ticket records its created time and every entry; a change only what it adds")
    func recordedTimes() throws {
        let old = ticket()
        let added = RecordedTimes.added(to: try parsed(old), since: [nil])
        #expect(added.map(\.what) == ["created", "log entry"])

        var new = old
        new["status"] = "in_progress"
        new["responded"] = "2024-05-01T14:45:00+08:00"
        new["due"] = "2024-05-01T18:30:00+08:00"  // a deadline, not a record
        new.log.append(LogEntry(time: Fixtures.t("2024-05-01 14:45"), operator: "zhang", text: "开始处理"))
        new.contacts.append(ContactEntry(time: Fixtures.t("2024-05-01 14:50"), operator: "li", channel: "phone",
                                         summary: "已联系客户", followUp: "回访", followUpBy: Fixtures.t("2024-05-09 18:00")))
        let p = try parsed(new)
        let times = RecordedTimes.added(to: p, since: [old])
        #expect(times.map(\.what) == ["responded", "log entry", "contact #1"])
        #expect(times.map(\.time) == [Fixtures.t("2024-05-01 14:45"), Fixtures.t("2024-05-01 14:45"), Fixtures.t("2024-05-01 14:50")])
        #expect(times[1].line == p.logLines[1])

        // Closing the contact's follow-up later records no new contact.
        var done = new
        done.contacts[0].done = true
        #expect(RecordedTimes.added(to: try parsed(done), since: [new]).isEmpty)
        // A merge records only what neither side held.
        #expect(RecordedTimes.added(to: p, since: [old, new]).isEmpty)
    }

    @Test("config.yaml written before the time settings reads as a trusted clock with a 72 h window")
    func oldConfig() throws {
        let config = try DeskConfig.load(yaml: "prefix: CS\ntimezone: Asia/Shanghai\nlanguage: zh\nschema_version: 1\n")
        #expect(!config.clockOverride && config.maxOfflineHours == 72)
        let written = try DeskConfig.load(yaml: DeskConfig(clockOverride: true, maxOfflineHours: 24).yaml)
        #expect(written.clockOverride && written.maxOfflineHours == 24)
        #expect(throws: ConfigurationError.self) { try DeskConfig.load(yaml: "prefix: CS\ntimezone: UTC\nlanguage: zh\nschema_version: 1\nmax_offline_hours: -1\n") }
    }
}
