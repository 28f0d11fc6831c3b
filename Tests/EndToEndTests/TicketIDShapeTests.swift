import Foundation
import Testing
import TestSupport

/// A new ticket's ID is one gitdesk makes: PREFIX-YYYYMMDD-XXXXXX, upper
/// case, dated its created day, a Crockford suffix; legacy IDs by importers
/// only; look-alike IDs (O for 0) are duplicates.
@Suite(.serialized) struct TicketIDShapeTests {
    /// The first ticket's text under `id`, filed where its created month says.
    static func copy(_ d: HookTestDesk, as id: String) throws {
        let text = try d.sandbox.read("desk/\(d.path)").replacingOccurrences(of: "id: \(d.id)", with: "id: \(id)")
        try d.sandbox.write("desk/tickets/2024/05/\(id).md", text)
    }

    @Test func handMadeIDsMustLookLikeGitdesks() throws {
        let d = try HookTestDesk()
        let suffix = String(d.id.suffix(6))
        for id in ["CS-20200101-\(suffix)", "CS-20240501-ABC", "CS-20240501-ILOUXX", "cs-20240501-abcdef",
                   "CS13800138000", "ILOUXX"] {
            try Self.copy(d, as: id)
            try d.commitByHand("ticket \(id)")
            let push = try d.push(["HEAD:main"], pusher: "li")
            #expect(push.status != 0, "\(id): the server accepted it: \(push)")
            #expect(push.stderr.contains(": id-shape: "), "\(id): \(push)")
            try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        }
    }

    @Test func lookAlikeIDsAreDuplicates() throws {
        let d = try HookTestDesk()
        let zero = "CS-20240501-DKQ0QX"
        try Self.copy(d, as: zero)
        try d.commitByHand("ticket \(zero)")
        try d.must(d.push(["HEAD:main"], pusher: "li"))
        // The admin (an importer, so the letter O passes id-shape) still may not add its look-alike.
        try Self.copy(d, as: "CS-20240501-DKQOQX")
        try d.commitByHand("look-alike", author: "管理员 <admin@desk.example>")
        let push = try d.push(["HEAD:main"], pusher: "admin")
        #expect(push.status != 0, "the server accepted it: \(push)")
        #expect(push.stderr.contains(": duplicate-id: "), "\(push)")
    }
}
