import Foundation
import Testing
import TestSupport

/// Thin wrapper kept for the workflow tests written against it: a
/// ``TestDesk`` whose `head()`/`commitCount()` are methods. New tests use
/// ``TestDesk`` (TestSupport) directly.
struct WorkflowDesk {
    let desk: TestDesk
    var sandbox: Sandbox { desk.sandbox }
    var dir: String { desk.dir }

    /// `language`: the desk's (tests of Chinese output ask for zh).
    init(language: String = "en") throws {
        desk = try TestDesk(clockOverride: true, language: language, sandboxName: "gitdesk-workflow")
    }

    @discardableResult
    func run(_ args: [String], as who: String? = nil, at time: String) throws -> Sandbox.Result {
        try desk.run(args, as: who, at: time)
    }

    @discardableResult
    func ok(_ args: [String], as who: String? = nil, at time: String,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> Sandbox.Result {
        try desk.ok(args, as: who, at: time, sourceLocation: sourceLocation)
    }

    func new(type: String = "complaint", priority: String = "urgent", title: String = "支付成功但订单未生成",
             as who: String = "li", at time: String) throws -> String {
        try desk.new(type: type, priority: priority, title: title, as: who, at: time)
    }

    func show(_ id: String, at time: String = "2024-05-06T12:00:00+08:00") throws -> [String: Any] {
        try desk.show(id, at: time)
    }

    func json(_ result: Sandbox.Result) throws -> Any { try desk.json(result) }
    func head() throws -> String { try desk.head }
    func commitCount() throws -> Int { try desk.commitCount }

    func expectRefused(_ args: [String], as who: String? = nil, at time: String, _ message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        try desk.expectRefused(args, as: who, at: time, message, sourceLocation: sourceLocation)
    }
}
