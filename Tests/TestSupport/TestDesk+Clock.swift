import Foundation
import Testing

/// Commands at a fixed clock (`GITDESK_NOW`), the shape the workflow tests use.
extension TestDesk {
    /// `gitdesk ARGS [--as WHO]` at `time` (China Standard Time unless an offset is given).
    @discardableResult
    public func run(_ args: [String], as who: String? = nil, at time: String) throws -> Sandbox.Result {
        try gitdesk(args, as: who, now: time)
    }

    /// Runs a command at `time` that must succeed.
    @discardableResult
    public func ok(_ args: [String], as who: String? = nil, at time: String,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> Sandbox.Result {
        let r = try run(args, as: who, at: time)
        try #require(r.status == 0, "gitdesk \(args.joined(separator: " ")): \(r)", sourceLocation: sourceLocation)
        return r
    }

    /// Records an urgent phone ticket at `time` and returns its ID.
    public func new(type: String = "complaint", priority: String = "urgent", title: String = "支付成功但订单未生成",
                    as who: String = "li", at time: String) throws -> String {
        let r = try ok(["new", "--type", type, "--channel", "phone", "--priority", priority, "--title", title], as: who, at: time)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `show ID --json` at `time` as a dictionary.
    public func show(_ id: String, at time: String = "2024-05-06T12:00:00+08:00") throws -> [String: Any] {
        let r = try ok(["show", id, "--json"], at: time)
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// Parses a command's JSON output.
    public func json(_ result: Sandbox.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A refusal at `time` (``expectRefusal(_:as:env:mentioning:sourceLocation:)``)
    /// from a desk that must be clean before and after.
    public func expectRefused(_ args: [String], as who: String? = nil, at time: String, _ message: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectRefusal(args, as: who, env: ["GITDESK_NOW": time], mentioning: [message], sourceLocation: sourceLocation)
        #expect(try porcelain == "", "the desk is not clean", sourceLocation: sourceLocation)
    }
}
