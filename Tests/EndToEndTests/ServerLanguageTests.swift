import Foundation
import Testing
import TestSupport

/// The server's pre-receive hook speaks the language of the server's desk
/// (its protected branch), whatever the pushed commits or the pusher say.
@Suite struct ServerLanguageTests {
    @Test func preReceiveSpeaksTheServerDesksLanguage() throws {
        let d = try HookTestDesk(language: "zh")
        // The pushed commits switch the desk to English and break a rule.
        let config = try d.sandbox.read("desk/.gitdesk/config.yaml")
        try d.sandbox.write("desk/.gitdesk/config.yaml", config.replacingOccurrences(of: "language: zh", with: "language: en"))
        try d.edit { $0.replacingOccurrences(of: "status: new", with: "status: closed") }
        try d.commitByHand("switch to English and close")
        let before = try d.serverHead()
        let refused = try d.push(["main"])
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.stderr.contains("gitdesk：拒绝更新 refs/heads/main"), "\(refused.stderr)")
        #expect(refused.stderr.contains("gitdesk：未更新任何内容"), "\(refused.stderr)")
        #expect(try d.serverHead() == before)
    }

    @Test func anEnglishServerSpeaksEnglish() throws {
        let d = try HookTestDesk()
        try d.edit { $0.replacingOccurrences(of: "status: new", with: "status: closed") }
        try d.commitByHand("close")
        let refused = try d.push(["main"])
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.stderr.contains("gitdesk: nothing was updated"), "\(refused.stderr)")
        #expect(!refused.stderr.unicodeScalars.contains { $0.properties.isIdeographic && !"支付成功但订单未生成客服小李".unicodeScalars.contains($0) },
                "\(refused.stderr)")
    }
}
