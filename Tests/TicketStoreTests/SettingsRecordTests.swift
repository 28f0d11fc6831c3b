import PropertyBased
import Testing
import TestSupport
import TicketCore
@testable import TicketStore

/// The settings cache's hand-written format reads back exactly what it wrote,
/// and any damage makes it a miss (the YAML is read again), never wrong settings.
@Suite struct SettingsRecordTests {
    static let key = "gitdesk-settings-test:abc:def"

    /// decode(encode(settings)), through the file's bytes; nil when the file is refused.
    func roundTrip(_ settings: DeskSettings) -> DeskSettings? {
        let bytes = SettingsCache.encode(key: Self.key, settings: settings)
        guard let hit = SettingsCache.parse(bytes, key: Self.key), let rules = SettingsCache.decodeRules(hit) else { return nil }
        return DeskSettings(config: hit.config, schema: rules.schema, team: rules.team)
    }

    func expectEqual(_ a: DeskSettings?, _ b: DeskSettings, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a else { Issue.record("the cache was refused", sourceLocation: sourceLocation); return }
        #expect(a.config == b.config, sourceLocation: sourceLocation)
        #expect(a.team == b.team, sourceLocation: sourceLocation)
        #expect(a.schema.fields == b.schema.fields, sourceLocation: sourceLocation)
        #expect(a.schema.enums == b.schema.enums, sourceLocation: sourceLocation)
        #expect(a.schema.workflow == b.schema.workflow, sourceLocation: sourceLocation)
        #expect(a.schema.routing == b.schema.routing, sourceLocation: sourceLocation)
        #expect(a.schema.sla == b.schema.sla, sourceLocation: sourceLocation)
        #expect(a.schema.privacy == b.schema.privacy, sourceLocation: sourceLocation)
        // The field index is rebuilt, not copied.
        #expect(a.schema.field("title") == b.schema.field("title"), sourceLocation: sourceLocation)
    }

    static var fixture: DeskSettings {
        DeskSettings(config: DeskConfig(), schema: Fixtures.schema, team: Fixtures.team)
    }

    @Test("the default schema and the fixtures' roster read back equal")
    func defaultSchemaAndFixtures() throws {
        expectEqual(roundTrip(Self.fixture), Self.fixture)
        let bare = DeskSettings(config: DeskConfig(prefix: "ZX", timezone: "UTC", language: .en, schemaVersion: 3,
                                                   clockOverride: true, maxOfflineHours: 0),
                                schema: try SchemaLoader.loadDefault(), team: Team(people: []))
        expectEqual(roundTrip(bare), bare)
    }

    static let pieces = ["支付", "a", "", ":", "1:", "\n", "-", "+", "0", "12:ab\n", " ", "\u{3000}", "é", "😀", "\\", "\""]
    static let texts = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...6).map { $0.joined() }

    @Test("settings with generated texts, optionals and numbers read back equal")
    func generatedSettings() async {
        await propertyCheck(count: 100, input: Self.texts, Self.texts, Gen<Int>.int(in: -1_000_000...1_000_000), Gen<Bool>.bool) { a, b, n, flag in
            var s = Self.fixture
            s.config.prefix = a; s.config.timezone = b; s.config.maxOfflineHours = n; s.config.clockOverride = flag
            s.team.people.append(Person(handle: a, name: b, email: a + b, roles: [a, b], department: flag ? nil : b))
            var fields = s.schema.fields
            fields[0].zh = a; fields[0].en = b
            fields[1].requiredUnless = flag ? [a: [b, a]] : nil
            fields[1].required = flag ? nil : !flag
            var enums = s.schema.enums
            enums[a] = [EnumValue(key: b, zh: a, en: b, parent: flag ? a : nil)]
            var schema = Schema(fields: fields, enums: enums, workflow: s.schema.workflow, routing: s.schema.routing,
                                sla: s.schema.sla, privacy: s.schema.privacy)
            schema.workflow.permissions[a] = [b]
            schema.workflow.transitions.append(Transition(operation: flag ? a : nil, from: [a], to: b, roles: [], reason: flag,
                                                          restartSLA: !flag, zh: flag ? nil : a, en: b))
            schema.routing.greenChannel = flag ? nil : RoutingTable.GreenChannel(priorities: [a], department: b)
            if var sla = schema.sla {
                sla.warningAt = Double(n) / 7
                sla.calendar.holidays.insert(Int64(n))
                sla.targets[a] = SLAPolicy.Targets(respond: SLATarget(basis: .business, seconds: Int64(n), workingDays: flag ? n : nil, text: b),
                                                   resolve: SLATarget(basis: .calendar, seconds: 60, text: a))
                schema.sla = flag ? sla : nil
            }
            schema.privacy.strict = flag
            schema.privacy.maxScanBytes = abs(n) + 1
            s.schema = schema
            expectEqual(roundTrip(s), s)
        }
    }

    @Test("a changed, cut or lengthened byte anywhere makes the cache a miss")
    func damageIsAMiss() {
        let bytes = SettingsCache.encode(key: Self.key, settings: Self.fixture)
        #expect(SettingsCache.parse(bytes, key: Self.key) != nil)
        #expect(SettingsCache.parse(bytes, key: "gitdesk-settings-test:abc:xyz") == nil, "another key")
        for offset in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            var flipped = bytes
            flipped[offset] ^= 0x01
            #expect(SettingsCache.parse(flipped, key: Self.key).flatMap(SettingsCache.decodeRules) == nil, "byte \(offset) changed")
            let cut = Array(bytes[..<offset])
            #expect(SettingsCache.parse(cut, key: Self.key).flatMap(SettingsCache.decodeRules) == nil, "cut at \(offset)")
        }
        #expect(SettingsCache.parse(bytes + [10], key: Self.key) == nil, "a byte added")
    }

    @Test("a record whose checksum matches but whose structure does not is refused")
    func structureIsChecked() {
        // Bytes that pass the checksum but are not the record: a reader that trusted the checksum alone would crash or misread.
        for body in ["", "3:CS\n", "99999999999999999999:x\n", "2:CS\n13:Asia/Shanghai\n2:fr\n1\n0\n72\n1000\n"] {
            let bodyBytes = Array(body.utf8)
            let file = Array(Self.key.utf8) + [10] + SettingsCache.hex(SettingsCache.checksum(bodyBytes[...])) + [10] + bodyBytes
            #expect(SettingsCache.parse(file, key: Self.key).flatMap(SettingsCache.decodeRules) == nil, "\(body)")
        }
    }
}
