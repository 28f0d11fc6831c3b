import Testing
@testable import TicketCore

@Suite("Ticket IDs")
struct TicketIDTests {
    @Test func generatedIDsCarryPrefixDateAndCrockfordSuffix() {
        var rng = SeededGenerator(seed: 1)
        let created = Timestamp.parse("2024-05-01T23:30:00+08:00")!
        let id = TicketID.generate(prefix: "CS", created: created, using: &rng)
        #expect(id.hasPrefix("CS-20240501-"))
        let suffix = TicketID.suffix(of: id)!
        #expect(suffix.count == 6)
        #expect(suffix.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
        #expect(TicketID.isWellFormed(id))
    }

    @Test func tenThousandIDsAreDistinct() {
        var rng = SeededGenerator(seed: 1)
        let created = Timestamp.parse("2024-05-01T10:00:00+08:00")!
        let ids = (0..<10_000).map { _ in TicketID.generate(prefix: "CS", created: created, using: &rng) }
        #expect(Set(ids).count == ids.count)
    }

    @Test func resolvesWholeIDsAndUniquePrefixes() {
        let ids = ["CS-20240501-7K3FQ2", "CS-20240501-7K9AB1", "CS-20240502-ZZZZZZ", "CS20240501001"]
        #expect(TicketID.resolve("cs-20240501-7k3fq2", among: ids) == .found("CS-20240501-7K3FQ2"))
        #expect(TicketID.resolve("7K3", among: ids) == .found("CS-20240501-7K3FQ2"))
        #expect(TicketID.resolve("zz", among: ids) == .found("CS-20240502-ZZZZZZ"))
        #expect(TicketID.resolve("CS20240501", among: ids) == .found("CS20240501001"))
        #expect(TicketID.resolve("7K", among: ids) == .ambiguous(["CS-20240501-7K3FQ2", "CS-20240501-7K9AB1"]))
        #expect(TicketID.resolve("Q", among: ids) == .notFound)
        #expect(TicketID.resolve("", among: ids) == .notFound)
    }

    @Test func legacyIDsThatArePrefixesOfOthersResolveExactly() {
        // Legacy IDs that are also prefixes of another ticket's whole ID or of its random suffix.
        let ids = ["CS2024050100", "CS20240501001", "ABCD", "CS-20240501-ABCD23", "ABCD23X"]
        #expect(TicketID.resolve("CS2024050100", among: ids) == .found("CS2024050100"))
        #expect(TicketID.resolve("cs20240501001", among: ids) == .found("CS20240501001"))
        #expect(TicketID.resolve("abcd", among: ids) == .found("ABCD"))
        // The whole random suffix names its ticket though a legacy ID starts with it.
        #expect(TicketID.resolve("ABCD23", among: ids) == .found("CS-20240501-ABCD23"))
        #expect(TicketID.resolve("CS202405010", among: ids) == .ambiguous(["CS2024050100", "CS20240501001"]))
        #expect(TicketID.resolve("ABC", among: ids) == .ambiguous(["ABCD", "ABCD23X", "CS-20240501-ABCD23"]))
    }

    @Test(arguments: ["CS-20240501-7K3FQ2", "CST-20240520001", "IT20240520001"])
    func acceptsDocumentIDs(id: String) { #expect(TicketID.isWellFormed(id)) }

    @Test(arguments: ["", "-CS1", "CS--1234", "CS 1234", "工单1234", "1234CS"])
    func refusesMalformedIDs(id: String) { #expect(!TicketID.isWellFormed(id)) }
}
