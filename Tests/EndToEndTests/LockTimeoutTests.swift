import Foundation
import Testing
import TestSupport

/// `GITDESK_LOCK_TIMEOUT` (and git config `gitdesk.lockTimeout`) is a number
/// of seconds from 0 to 3600; anything else is refused in one line naming
/// where it came from, never a crash and never silently 30 s.
@Suite("Lock timeout setting")
struct LockTimeoutTests {
    @Test("invalid values of GITDESK_LOCK_TIMEOUT are refused in one line, even while another writer waits", arguments: ["1e30", "abc", "-5", "nan", "inf", "10 s"])
    func invalidEnvironmentValues(_ value: String) throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let holder = try desk.holdWriteLock()
        defer { holder.terminate(); holder.waitUntilExit() }
        let head = try desk.head
        let result = try desk.gitdesk(["comment", id, "客户再次来电"], as: "li", now: "2024-05-01T15:00:00+08:00",
                                      env: ["GITDESK_LOCK_TIMEOUT": value])
        #expect(refusalProblems(result, mentioning: ["GITDESK_LOCK_TIMEOUT", "0 to 3600"]).isEmpty, "\(value): \(result)")
        #expect(try desk.head == head)
    }

    /// Issue 10 (review): `GITDESK_LOCK_TIMEOUT=` (as `export X=` leaves it)
    /// blocked every write; like an unset variable it now leaves the choice to
    /// git config or the default.
    @Test("an empty GITDESK_LOCK_TIMEOUT means unset: writes go on, and git config decides")
    func emptyEnvironmentValueIsUnset() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        let plain = try desk.gitdesk(["comment", id, "第一次"], as: "li", now: "2024-05-01T15:00:00+08:00",
                                     env: ["GITDESK_LOCK_TIMEOUT": ""])
        #expect(plain.status == 0, "\(plain)")
        try #require(try desk.git(["config", "gitdesk.lockTimeout", "lots"]).status == 0)
        let config = try desk.gitdesk(["comment", id, "第二次"], as: "li", now: "2024-05-01T15:00:00+08:00",
                                      env: ["GITDESK_LOCK_TIMEOUT": ""])
        #expect(refusalProblems(config, mentioning: ["gitdesk.lockTimeout", "'lots'"]).isEmpty, "\(config)")
    }

    @Test("git config gitdesk.lockTimeout sets the wait; GITDESK_LOCK_TIMEOUT wins over it")
    func gitConfigValue() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成", now: "2024-05-01T14:30:00+08:00")
        try #require(try desk.git(["config", "gitdesk.lockTimeout", "lots"]).status == 0)
        let bad = try desk.gitdesk(["comment", id, "第一次"], as: "li", now: "2024-05-01T15:00:00+08:00")
        #expect(refusalProblems(bad, mentioning: ["gitdesk.lockTimeout", "'lots'", "0 to 3600"]).isEmpty, "\(bad)")
        // The environment wins over the config.
        let envWins = try desk.gitdesk(["comment", id, "第二次"], as: "li", now: "2024-05-01T15:00:00+08:00",
                                       env: ["GITDESK_LOCK_TIMEOUT": "5"])
        #expect(envWins.status == 0, "\(envWins)")

        try #require(try desk.git(["config", "gitdesk.lockTimeout", "0"]).status == 0)
        let holder = try desk.holdWriteLock()
        defer { holder.terminate(); holder.waitUntilExit() }
        let head = try desk.head
        let result = try desk.gitdesk(["comment", id, "第三次"], as: "li", now: "2024-05-01T15:00:00+08:00")
        #expect(refusalProblems(result, mentioning: ["still holds", "after 0 s"]).isEmpty, "\(result)")
        #expect(try desk.head == head)
    }
}
