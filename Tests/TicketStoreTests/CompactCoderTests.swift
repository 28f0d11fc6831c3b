import Foundation
import Testing
import TicketCore
@testable import TicketStore

/// The settings cache's encoding: what it decodes equals what was encoded,
/// and damaged bytes are an error, never a crash or a wrong value.
@Suite struct CompactCoderTests {
    @Test func theDefaultSchemaRosterAndConfigRoundTrip() throws {
        let schema = try SchemaLoader.loadDefault()
        let team = try Team.load(yaml: DeskInitializer.exampleTeam)
        let config = DeskConfig(prefix: "CS", timezone: "Asia/Shanghai", language: .en)
        let rules = SettingsCache.Rules(schema: schema, team: team)
        let decoded = try CompactCoder.decode(SettingsCache.Rules.self, from: CompactCoder.encode(rules))
        #expect(decoded.team == team)
        #expect(decoded.schema.workflow == schema.workflow)
        #expect(decoded.schema.routing == schema.routing)
        #expect(decoded.schema.sla == schema.sla)
        #expect(decoded.schema.privacy == schema.privacy)
        #expect(decoded.schema.enums == schema.enums)
        #expect(decoded.schema.fields.map(\.key) == schema.fields.map(\.key))
        #expect(decoded.schema.field("priority")?.type == schema.field("priority")?.type)
        #expect(try CompactCoder.decode(DeskConfig.self, from: CompactCoder.encode(config)) == config)
    }

    struct Sample: Codable, Equatable {
        var text: String
        var numbers: [Int64]
        var small: UInt8
        var big: UInt64
        var ratio: Double
        var flag: Bool?
        var nested: [String: [String]]
        var absent: String?
    }

    @Test func scalarsOptionalsAndNestingRoundTrip() throws {
        let sample = Sample(text: "客户反馈\n\"引号\"", numbers: [Int64.min, -1, 0, Int64.max], small: 255, big: UInt64.max,
                            ratio: -0.125, flag: nil, nested: ["a": [], "中文": ["x", ""]], absent: nil)
        #expect(try CompactCoder.decode(Sample.self, from: CompactCoder.encode(sample)) == sample)
    }

    @Test func damagedBytesAreAnErrorNotACrash() throws {
        let bytes = try CompactCoder.encode(Sample(text: "t", numbers: [1, 2], small: 1, big: 2, ratio: 1,
                                                   flag: true, nested: ["k": ["v"]], absent: nil))
        // Every truncation, and every byte flipped, either decodes or throws.
        for cut in 0..<bytes.count {
            #expect(throws: (any Error).self) { try CompactCoder.decode(Sample.self, from: Array(bytes[..<cut])) }
        }
        for i in bytes.indices {
            var flipped = bytes
            flipped[i] ^= 0xFF
            _ = try? CompactCoder.decode(Sample.self, from: flipped)
        }
        // A count far beyond the data is refused without allocating it.
        #expect(throws: (any Error).self) { try CompactCoder.decode([String].self, from: [6, 0xFF, 0xFF, 0xFF, 0x7F]) }
        // A value of the wrong kind is a type mismatch.
        #expect(throws: DecodingError.self) { try CompactCoder.decode(Int.self, from: CompactCoder.encode("12")) }
        #expect(throws: DecodingError.self) { try CompactCoder.decode(UInt8.self, from: CompactCoder.encode(256)) }
    }
}
