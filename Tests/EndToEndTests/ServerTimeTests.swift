import Foundation
import Testing
import TestSupport

/// A desk on the real clock (not clock-override) pushed to a bare server with
/// `gitdesk hooks install --server`, and commits made by hand with plain git
/// and `--no-verify`, as someone getting around gitdesk would.
final class TimeServer {
    let sandbox: Sandbox
    /// A ticket recorded by li and pushed.
    var id = ""
    var path = ""

    /// `ticketAge`: how long ago the first ticket was recorded (seconds; a
    /// ticket that old is back-filled by the admin — nothing may be logged
    /// before a ticket exists), else now by li.
    init(ticketAge: TimeInterval = 0) throws {
        sandbox = try Sandbox("time-server")
        sandbox.deskLanguage = "zh"
        sandbox.clockOverrideDesks = false
        try sandbox.git(["config", "--global", "user.name", "客服小李"])
        try sandbox.git(["config", "--global", "user.email", "li@desk.example"])
        try sandbox.git(["config", "--global", "init.defaultBranch", "main"])
        try must(sandbox.gitdesk(["init", "desk"]))
        try must(sandbox.git(["clone", "-q", "--bare", "desk", "server.git"]))
        try must(sandbox.gitdesk(["hooks", "install", "--server", "-C", "server.git"]))
        try must(sandbox.git(["remote", "add", "origin", "../server.git"], in: "desk"))
        try must(sandbox.git(["fetch", "-q", "origin"], in: "desk"))
        try must(sandbox.git(["branch", "-q", "-u", "origin/main"], in: "desk"))
        let recorder = ticketAge == 0 ? "li" : "admin"
        id = try must(sandbox.gitdesk(["new", "--as", recorder, "--type", "complaint", "--channel", "phone",
                                       "--priority", "urgent", "--title", "支付成功但订单未生成"], in: "desk",
                                      env: ticketAge == 0 ? [:] : ["GITDESK_NOW": ClockTimes.iso(-ticketAge)]))
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        path = try must(sandbox.git(["ls-tree", "-r", "--name-only", "HEAD", "tickets"], in: "desk"))
            .stdout.split(separator: "\n").first { $0.hasSuffix("/\(id).md") }.map(String.init) ?? ""
        try must(push(as: recorder))
    }

    /// `git push origin main` with GITDESK_PUSHER set.
    func push(as pusher: String) throws -> Sandbox.Result {
        try sandbox.git(["push", "origin", "main"], in: "desk", env: ["GITDESK_PUSHER": pusher])
    }

    func serverHead() throws -> String {
        try sandbox.git(["rev-parse", "main"], in: "server.git").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Appends a log line to the ticket and commits it by hand (`--no-verify`)
    /// as li, the commit dated `date` (nil: now).
    func handLog(at time: String, text: String = "已电话联系客户", date: String? = nil, message: String = "log a call") throws {
        let file = "desk/\(path)"
        try sandbox.write(file, try sandbox.read(file) + "- \(time) li: \(text)\n")
        var env: [String: String] = [:]
        if let date { env = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date] }
        try must(sandbox.git(["commit", "-q", "--no-verify", "-am", message], in: "desk", env: env))
    }

    @discardableResult
    func must(_ result: Sandbox.Result, _ line: Int = #line) throws -> Sandbox.Result {
        guard result.status == 0 else { throw Failure(message: "line \(line): \(result)") }
        return result
    }

    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }
}

/// The server's `backdate` rule and its arrival stamps.
@Suite("Time on the server", .serialized)
struct ServerTimeTests {
    @Test("a forged commit dated nine days back by an agent is refused; an admin pushing it may")
    func forgedOldCommitRefused() throws {
        let s = try TimeServer(ticketAge: 10 * ClockTimes.day)
        let before = try s.serverHead()
        let then = ClockTimes.iso(-9 * ClockTimes.day)
        try s.handLog(at: then, date: then)
        let push = try s.push(as: "li")
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains(": backdate: "), "\(push)")
        #expect(push.stderr.contains("比到达服务器的时间") && push.stderr.contains("max_offline_hours"), "\(push)")
        #expect(try s.serverHead() == before)
        // An admin holds `backdate` and may relay it (the push is on record).
        try s.must(s.push(as: "admin"))
        #expect(try s.serverHead() != before)
    }

    @Test("work done offline within the window is accepted")
    func offlineWithinWindow() throws {
        let s = try TimeServer(ticketAge: 10 * ClockTimes.day)
        let twoDaysAgo = ClockTimes.iso(-2 * ClockTimes.day)
        try s.handLog(at: twoDaysAgo, date: twoDaysAgo)
        try s.must(s.push(as: "li"))
        #expect(try s.serverHead() == s.sandbox.git(["rev-parse", "HEAD"], in: "desk").stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("a log entry far from the commit's own date, a Backdated trailer or a future date is refused")
    func inconsistentTimesRefused() throws {
        let s = try TimeServer(ticketAge: 10 * ClockTimes.day)
        let before = try s.serverHead()
        // Committed now, recording a call nine days ago.
        try s.handLog(at: ClockTimes.iso(-9 * ClockTimes.day))
        var push = try s.push(as: "li")
        #expect(push.status != 0)
        #expect(push.stderr.contains(": backdate: ") && push.stderr.contains("记录的处理记录时间为"), "\(push)")
        #expect(push.stderr.contains("比提交自身的日期") && push.stderr.contains("早 9天"), "\(push)")
        try s.must(s.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))

        // A Backdated trailer copied into an agent's commit.
        let now = ClockTimes.iso(0)
        try s.handLog(at: now, message: "log a call\n\nBackdated: \(now)")
        push = try s.push(as: "li")
        #expect(push.status != 0)
        #expect(push.stderr.contains("无权补录时间"), "\(push)")
        try s.must(s.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))

        // Dated tomorrow, with an entry to match.
        let tomorrow = ClockTimes.iso(ClockTimes.day)
        try s.handLog(at: tomorrow, date: tomorrow)
        push = try s.push(as: "li")
        #expect(push.status != 0)
        #expect(push.stderr.contains("超前"), "\(push)")
        #expect(try s.serverHead() == before)
    }

    @Test("post-receive stamps each pushed commit; show flags an outcome that reached the server after its deadline")
    func arrivalStamps() throws {
        let s = try TimeServer()
        let desk = "desk"
        // The first ticket was pushed by li at once: stamped, pusher li.
        let first = try s.sandbox.git(["rev-parse", "main"], in: "server.git").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = try s.must(s.sandbox.git(["notes", "--ref", "gitdesk-arrivals", "show", first], in: "server.git")).stdout
        #expect(note.hasPrefix("arrived: ") && note.contains("pusher: li\nref: refs/heads/main\n"), "\(note)")

        // An admin back-fills a ticket worked two days ago: first response an
        // hour after recording, within the urgent 2 h target, pushed only now.
        let env = ["GITDESK_NOW": ClockTimes.iso(-50 * ClockTimes.hour)]
        let late = try s.must(s.sandbox.gitdesk(["new", "--as", "admin", "--type", "complaint", "--channel", "phone",
                                                 "--priority", "urgent", "--title", "补录：无法开机"], in: desk, env: env))
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try s.must(s.sandbox.gitdesk(["move", late, "in_progress", "--as", "admin"], in: desk,
                                     env: ["GITDESK_NOW": ClockTimes.iso(-49 * ClockTimes.hour)]))
        // li answers the first ticket at once and pushes in time.
        try s.must(s.sandbox.gitdesk(["move", s.id, "in_progress", "--as", "li"], in: desk))
        try s.must(s.push(as: "admin"))

        // Before the stamps are fetched, show knows nothing of arrivals.
        #expect(!(try s.must(s.sandbox.gitdesk(["history", late], in: desk)).stdout.contains("到达服务器")))
        try s.must(s.sandbox.git(["fetch", "-q", "origin", "+refs/notes/gitdesk-arrivals:refs/notes/gitdesk-arrivals"], in: desk))

        let text = try s.must(s.sandbox.gitdesk(["show", late], in: desk)).stdout
        #expect(text.contains("已达标（离线记录，到达服务器晚于时限）"), "\(text)")
        let english = try s.must(s.sandbox.gitdesk(["show", late, "--lang", "en"], in: desk)).stdout
        #expect(english.contains("Met (recorded offline, reached the server after the deadline)"), "\(english)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(s.must(s.sandbox.gitdesk(["show", late, "--json"], in: desk)).stdout.utf8)) as? [String: Any])
        let respond = try #require((json["sla"] as? [String: Any])?["respond"] as? [String: Any])
        #expect(respond["state"] as? String == "met")
        let arrival = try #require(respond["arrival"] as? [String: Any])
        #expect(arrival["after_deadline"] as? Bool == true)
        #expect(arrival["pusher"] as? String == "admin")

        // The ticket answered and pushed in time is plainly met.
        let inTime = try s.must(s.sandbox.gitdesk(["show", s.id], in: desk)).stdout
        #expect(inTime.contains("首次响应  已达标") && !inTime.contains("离线记录"), "\(inTime)")

        // history shows when each commit reached the server.
        let history = try s.must(s.sandbox.gitdesk(["history", late], in: desk)).stdout
        #expect(history.contains("到达服务器"), "\(history)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(s.must(s.sandbox.gitdesk(["history", late, "--json"], in: desk)).stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2 && rows.allSatisfy { $0["arrived"] is String && $0["pusher"] as? String == "admin" }, "\(rows)")
    }

    @Test("a merge is judged on the times no parent held: taking a colleague's older entries is accepted")
    func mergeAccepted() throws {
        let s = try TimeServer(ticketAge: 10 * ClockTimes.day)
        try s.must(s.sandbox.git(["clone", "-q", "server.git", "mate"]))
        try s.must(s.sandbox.gitdesk(["new", "--as", "zhang", "--type", "fault", "--channel", "app", "--title", "无法登录"], in: "mate"))
        // li's call, logged offline two hours ago and pushed now: the merge takes it as it is.
        let twoHoursAgo = ClockTimes.iso(-2 * ClockTimes.hour)
        try s.handLog(at: twoHoursAgo, date: twoHoursAgo)
        try s.must(s.push(as: "li"))
        try s.must(s.sandbox.git(["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"], in: "mate"))
        #expect(try s.sandbox.git(["rev-list", "--merges", "--count", "HEAD"], in: "mate").stdout == "1\n")
        let push = try s.sandbox.git(["push", "origin", "main"], in: "mate")
        #expect(push.status == 0, "\(push)")
    }

    @Test("no push may write the arrival stamps")
    func notesRefIsTheServers() throws {
        let s = try TimeServer()
        // A comment, then a stamp of one's own on top of the server's (a fast-forward).
        try s.must(s.sandbox.gitdesk(["comment", s.id, "已联系客户", "--as", "li"], in: "desk"))
        try s.must(s.sandbox.git(["fetch", "-q", "origin", "+refs/notes/gitdesk-arrivals:refs/notes/gitdesk-arrivals"], in: "desk"))
        try s.must(s.sandbox.git(["notes", "--ref", "gitdesk-arrivals", "add", "-m", "arrived: 2020-01-01T00:00:00+08:00", "HEAD"], in: "desk"))
        let push = try s.sandbox.git(["push", "origin", "refs/notes/gitdesk-arrivals"], in: "desk", env: ["GITDESK_PUSHER": "admin"])
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains("只有服务器写入"), "\(push)")
        // The server stamps the comment itself when it is pushed.
        try s.must(s.push(as: "li"))
        let stamp = try s.sandbox.git(["notes", "--ref", "gitdesk-arrivals", "show", "main"], in: "server.git").stdout
        #expect(stamp.hasPrefix("arrived: ") && !stamp.contains("2020-01-01"), "\(stamp)")
    }
}
