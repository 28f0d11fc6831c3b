import Foundation
import Testing
import TestSupport

/// A merge resolved by hand that left git's conflict markers in a ticket's
/// description is refused everywhere: the client hook (pre-commit after a
/// hand-resolved merge, or a plain commit), the server's pre-receive and
/// `gitdesk validate`, naming the file and line with the way out.
@Suite(.serialized) struct ConflictMarkerTests {
    static let markedDescription = """
        ## description

        <<<<<<< HEAD
        支付成功但订单未生成
        =======
        支付成功但订单未生成,导致重复下单
        >>>>>>> side


        """

    static func insertDescription(_ text: String) -> String {
        text.replacingOccurrences(of: "## log\n", with: markedDescription + "## log\n")
    }

    @Test func markersLeftByAHandResolvedMergeAreRefused() throws {
        let d = try ServerMergeTests.mergeInProgress()
        try d.edit { Self.insertDescription($0) }
        try ServerMergeTests.tamperedMergeIsRefused(d, rule: "conflict-marker")
        let ci = try d.sandbox.gitdesk(["validate", "origin/main..HEAD"], in: "desk")
        let text = try d.sandbox.read("desk/\(d.path)")
        let markerLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("<<<<<<<") }) + 1
        #expect(ci.stdout.contains("\(d.path):\(markerLine): conflict-marker: "), "\(ci)")
        #expect(ci.stdout.contains("gitdesk conflicts"), "\(ci)")
    }

    @Test func markersInAPlainCommitAreRefused() throws {
        let d = try HookTestDesk()
        try d.edit { Self.insertDescription($0) }
        try d.must(d.sandbox.git(["add", "-A"], in: "desk"))
        let client = try d.sandbox.git(["commit", "-m", "description"], in: "desk")
        #expect(client.status != 0, "\(client)")
        #expect(client.stderr.contains(": conflict-marker: "), "\(client)")
        try d.commitByHand("description")
        let before = try d.serverHead()
        let push = try d.push(["main"], pusher: "li")
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains(": conflict-marker: "), "\(push)")
        #expect(try d.serverHead() == before)
    }
}
