import Foundation
import Testing
import TestSupport

/// A refusal by a client hook says what to do about its actual cause: who is
/// committing, the role they lack, or the files.
@Suite("hook refusals name the cause")
struct HookAdviceTests {
    @Test("not on the roster, a role that does not allow it, or a bad file: three different pieces of advice")
    func adviceFollowsTheCause() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付成功但订单未生成")
        let team = try desk.read("team.yaml")
        try desk.sandbox.write("desk/team.yaml", team + "  - {handle: sun, name: 孙, email: sun@corp.example, roles: [agent], department: customer_service}\n")

        let stranger = try desk.git(["-c", "user.name=Stranger", "-c", "user.email=stranger@corp.example", "commit", "-qam", "Our team"])
        #expect(stranger.status != 0)
        #expect(stranger.stderr.contains("not on the roster: set git config user.email"), "\(stranger)")

        let agent = try desk.git(["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-qam", "Our team"])
        #expect(agent.status != 0)
        #expect(agent.stderr.contains("your role in team.yaml does not allow this change"), "\(agent)")
        #expect(!agent.stderr.contains("fix the files"), "\(agent)")

        try desk.git(["checkout", "-q", "--", "team.yaml"])
        let path = try desk.ticketPath(id)
        try desk.sandbox.write("desk/\(path)", try desk.read(path).replacingOccurrences(of: "title: 支付成功但订单未生成\n", with: ""))
        let broken = try desk.git(["-c", "user.name=客服小李", "-c", "user.email=li@desk.example", "commit", "-qam", "oops"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("fix the files, git add them and try again"), "\(broken)")
    }
}
