import Foundation
import Testing
import TestSupport

/// Both clones start work on one ticket (new → in_progress) before either
/// has seen the other's change. Every route that brings the two together —
/// `git pull --rebase`, `git pull` (merge), `gitdesk sync` — keeps both
/// people's `[status: new → in_progress]` entries (each is who-did-what), the
/// ticket is in_progress once, and the client hooks and the server accept it:
/// the second entry repeats a transition the log already records, it moves
/// nothing.
@Suite(.serialized) struct ReplayedTransitionTests {
    enum Route: String, CaseIterable, CustomStringConvertible {
        case pullRebase, pullMerge, rebase, sync
        var description: String { rawValue }
    }

    @Test("the same transition made in both clones is accepted after a rebase, a merge or a sync", arguments: Route.allCases)
    func sameTransitionBothSides(route: Route) throws {
        let team = try SyncTeam()
        let a = try team.clone("a")
        let b = try team.clone("b")
        try team.identify(b)
        let env = ["GITDESK_NOW": "2024-05-01T14:30:00+08:00"]
        let id = try team.record(a, title: "支付成功但订单未生成", env: env)
        try team.succeed(a, ["sync"], env: env)
        try team.succeed(b, ["sync"], env: env)
        try team.succeed(a, ["move", id, "in_progress"], as: "zhang", env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
        try team.succeed(a, ["sync"], as: "zhang", env: ["GITDESK_NOW": "2024-05-01T15:00:00+08:00"])
        try team.succeed(b, ["move", id, "in_progress"], as: "li", env: ["GITDESK_NOW": "2024-05-01T14:50:00+08:00"])

        let later = ["GITDESK_NOW": "2024-05-01T15:10:00+08:00"]
        switch route {
        case .pullRebase:
            let pull = try team.sandbox.git(["pull", "--rebase", "-q"], in: b, env: later)
            #expect(pull.status == 0, "\(pull)")
        case .pullMerge:
            let pull = try team.sandbox.git(["pull", "--no-rebase", "-q", "--no-edit"], in: b, env: later)
            #expect(pull.status == 0, "\(pull)")
        case .rebase:
            _ = try team.git(b, ["fetch", "-q"])
            let rebase = try team.sandbox.git(["rebase", "-q", "origin/main"], in: b, env: later)
            #expect(rebase.status == 0, "\(rebase)")
        case .sync:
            let sync = try team.gitdesk(b, ["sync"], env: later)
            #expect(sync.status == 0, "\(sync)")
        }
        if route != .sync {
            let push = try team.sandbox.git(["push", "-q", "origin", "main"], in: b)
            #expect(push.status == 0, "the server refused the reconciled history: \(push)")
        }
        let text = try team.ticketText(b, id)
        #expect(text.contains("status: in_progress"), "\(text)")
        #expect(text.contains("15:00:00+08:00 zhang: 开始处理：新建 → 处理中 [status: new → in_progress]"), "\(text)")
        #expect(text.contains("14:50:00+08:00 li: 开始处理：新建 → 处理中 [status: new → in_progress]"), "\(text)")
        #expect(!text.contains("<<<<<<<") && !text.contains("Conflict: status"), "\(text)")
        // The first response is the earlier of the two (rule lower), reported like any settled conflict.
        #expect(text.contains("responded: 2024-05-01T14:50:00+08:00"), "\(text)")
        try team.expectHealthy(b)
        // The ticket goes on from in_progress as usual.
        try team.succeed(b, ["resolve", id, "--solution", "补发订单", "--root-cause", "订单同步任务超时"], env: later)
        try team.succeed(b, ["sync"], env: later)
        try team.succeed(a, ["sync"], as: "zhang", env: later)
        #expect(try team.head(a) == team.head(b))
        try team.expectHealthy(a)
    }

    @Test("a repeated transition the log never recorded is still refused by the server")
    func unrecordedRepeatRefused() throws {
        let d = try HookTestDesk()
        try d.must(d.sandbox.gitdesk(["move", d.id, "in_progress", "--as", "li"], in: "desk"))
        try d.must(d.push(["main"]))
        // An entry claiming needs_info → in_progress on a ticket that never was in needs_info.
        try d.edit { $0 + "- 2024-05-01T14:40:00+08:00 li: [status: needs_info → in_progress]\n" }
        try d.commitByHand("repeat a transition that never happened", author: "客服小李 <li@desk.example>")
        let push = try d.push(["main"])
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains("transition"), "\(push)")
    }
}
