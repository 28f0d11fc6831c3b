import Foundation
import Testing
import TestSupport

/// A desk holding one ticket edited by hand in a clone and committed with the
/// hooks off: its contact, title, description and a log entry carry raw
/// (generated) personal data, as no gitdesk write would store them.
struct HandEditedPIIDesk {
    let desk: TestDesk
    let id: String
    let phone: String
    let contactPhone: String
    let residentID: String
    let email: String
    static let now = "2024-05-20T12:00:00+08:00"

    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        var rng = PIISamples.SeededRNG(seed: 1313)
        phone = PIISamples.mobile(using: &rng)
        contactPhone = PIISamples.mobile(using: &rng)
        residentID = PIISamples.residentID(using: &rng)
        email = PIISamples.email(using: &rng)
        desk = try TestDesk()
        id = try desk.record(title: "订单未生成", now: "2024-05-06T09:00:00+08:00", extra: ["--module", "APP-订单支付"])
        let path = try desk.ticketPath(id)
        var lines = try desk.read(path).components(separatedBy: "\n")
        let close = try #require(lines.indices.dropFirst().first { lines[$0] == "---" }, sourceLocation: sourceLocation)
        lines.removeAll { $0.hasPrefix("contact:") }
        for i in lines.indices where lines[i].hasPrefix("title:") { lines[i] = "title: 订单未生成 回电 \(phone)" }
        lines.insert("contact: \(contactPhone)", at: close)
        var text = lines.joined(separator: "\n")
        text = text.replacingOccurrences(of: "## log\n", with: "## description\n\n客户邮箱 \(email)，身份证 \(residentID)\n\n## log\n")
        if !text.hasSuffix("\n") { text += "\n" }
        text += "- 2024-05-06T09:10:00+08:00 li: 客户来电 \(phone) 催单\n"
        try desk.write(path, text)
        _ = try desk.git(["add", path])
        try desk.handCommit("hand edit with the hooks off")
        let committed = try desk.gitOutput(["show", "HEAD:\(path)"])
        try #require(committed.contains(phone) && committed.contains(contactPhone) && committed.contains(residentID)
                     && committed.contains(email), "the fixture lost its raw values: \(committed)", sourceLocation: sourceLocation)
    }

    /// The raw values, none of which may ever be printed.
    var raw: [String] { [phone, contactPhone, residentID, email] }

    /// Expects `output` to hold none of the raw values.
    func expectMasked(_ output: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for value in raw {
            #expect(!output.contains(value), "\(what) printed a raw value: \(output)", sourceLocation: sourceLocation)
        }
    }
}
