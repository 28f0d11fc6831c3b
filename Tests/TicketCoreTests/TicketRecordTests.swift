import TestSupport
import Testing
import TicketCore

/// The query cache's row record: what a query decodes instead of parsing the
/// ticket file must be the ticket the parser produced, exactly.
@Suite("Ticket record")
struct TicketRecordTests {
    static let texts = ["支付成功但订单未生成", "APP闪退", "line one\n\n    indented trace\nlast", "🙂 emoji 表情", "a", "iOS 17 登录失败"]
    static let handles = ["li", "zhang", "chen"]

    static func pick<T>(_ a: [T], _ rng: inout SeededGenerator) -> T { a[Int.random(in: 0..<a.count, using: &rng)] }

    static func time(_ rng: inout SeededGenerator) -> Timestamp {
        Timestamp(seconds: Int64.random(in: 1_000_000_000...4_000_000_000, using: &rng),
                  offsetMinutes: pick([480, 0, -300, 345, -720, 840], &rng))
    }

    /// A ticket parsed from its rendered file (values normalised as every file read is).
    static func ticket(_ rng: inout SeededGenerator) throws -> Ticket {
        var t = Ticket(fields: ["id": "CS20240501\(Int.random(in: 100...999, using: &rng))", "created": "2024-05-01T14:30:00+08:00",
                                "status": pick(["new", "in_progress", "closed"], &rng)])
        for key in ["title", "description", "root_cause", "assignee", "satisfaction", "labels"] where Bool.random(using: &rng) {
            t[key] = pick(texts, &rng)
        }
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            let followUp: String? = Bool.random(using: &rng) ? pick(texts, &rng).replacingOccurrences(of: "\n", with: " ") : nil
            t.contacts.append(ContactEntry(time: time(&rng), operator: pick(handles, &rng), channel: pick(["phone", "email"], &rng),
                                           summary: pick(texts, &rng).replacingOccurrences(of: "\n", with: " "), followUp: followUp,
                                           followUpBy: followUp != nil && Bool.random(using: &rng) ? time(&rng) : nil,
                                           done: followUp == nil ? nil : Bool.random(using: &rng)))
        }
        for _ in 0..<Int.random(in: 0...5, using: &rng) {
            t.log.append(LogEntry(time: time(&rng), operator: pick(handles, &rng), text: pick(texts, &rng)))
        }
        return try TicketFile.parse(TicketFile.render(t, layout: Fixtures.schema.layout)).ticket
    }

    @Test("decode(encode(t)) is the parsed ticket, for random tickets with contacts, follow-ups and multi-line logs")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<300 {
            let t = try Self.ticket(&rng)
            let decoded = try #require(TicketRecord.decode(TicketRecord.encode(t)))
            #expect(decoded == t)
            // The decoded values are used as they are: they must already be what a write stores.
            #expect(decoded.fields.allSatisfy { Ticket.normalise($0.value) == $0.value })
        }
    }

    @Test("a truncated, extended or foreign record is refused, never misread")
    func damaged() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<50 {
            let bytes = TicketRecord.encode(try Self.ticket(&rng))
            for cut in 0..<bytes.count { #expect(TicketRecord.decode(Array(bytes[..<cut])) == nil) }
            #expect(TicketRecord.decode(bytes + [0]) == nil)
            var other = bytes
            other[0] &+= 1
            #expect(TicketRecord.decode(other) == nil)
        }
        // A length that claims more than is there allocates nothing.
        #expect(TicketRecord.decode([1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) == nil)
    }
}
