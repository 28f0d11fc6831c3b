import TicketCore

// The desk's settings types, field by field, in the settings cache's format.
// Writer and reader list the fields in the same order: change one, change the
// other and bump `SettingsCache.format`.

extension SettingsRecordWriter {
    mutating func config(_ c: DeskConfig) {
        string(c.prefix); string(c.timezone); string(c.language.rawValue); int(c.schemaVersion)
        bool(c.clockOverride); int(c.maxOfflineHours); int(c.maxCommitsPerPush)
    }

    mutating func team(_ t: Team) {
        list(t.people) { w, p in
            w.string(p.handle); w.string(p.name); w.string(p.email); w.strings(p.roles)
            w.optional(p.department) { $0.string($1) }
        }
    }

    mutating func schema(_ s: Schema) {
        list(s.fields) { $0.field($1) }
        map(s.enums) { w, values in w.list(values) { $0.enumValue($1) } }
        workflow(s.workflow)
        routing(s.routing)
        optional(s.sla) { $0.sla($1) }
        privacy(s.privacy)
    }

    mutating func field(_ f: FieldDefinition) {
        string(f.key); string(f.zh); string(f.en); string(f.type.rawValue)
        optional(f.enum) { $0.string($1) }
        optional(f.required) { $0.bool($1) }
        optional(f.requiredIn) { $0.strings($1) }
        optional(f.requiredForTypes) { $0.strings($1) }
        optional(f.system) { $0.bool($1) }
        optional(f.requiredUnless) { w, m in w.map(m) { $0.strings($1) } }
        optional(f.merge) { $0.string($1) }
    }

    mutating func enumValue(_ v: EnumValue) {
        string(v.key); string(v.zh); string(v.en)
        optional(v.parent) { $0.string($1) }
    }

    mutating func workflow(_ w: WorkflowDefinition) {
        string(w.initial)
        list(w.roles) { $0.enumValue($1) }
        list(w.statuses) { w, s in
            w.string(s.key); w.string(s.zh); w.string(s.en); w.string(s.clock.rawValue); w.bool(s.terminal)
        }
        list(w.transitions) { w, t in
            w.optional(t.operation) { $0.string($1) }
            w.strings(t.from); w.string(t.to); w.strings(t.roles); w.bool(t.reason); w.bool(t.restartSLA)
            w.optional(t.zh) { $0.string($1) }
            w.optional(t.en) { $0.string($1) }
        }
        map(w.permissions) { $0.strings($1) }
        list(w.automation) { w, a in w.string(a.operation); w.strings(a.in); w.string(a.after) }
    }

    mutating func routing(_ r: RoutingTable) {
        map(r.byType) { $0.string($1) }
        optional(r.defaultDepartment) { $0.string($1) }
        optional(r.greenChannel) { w, g in w.strings(g.priorities); w.string(g.department) }
        map(r.defaultAssignee) { $0.string($1) }
    }

    mutating func sla(_ p: SLAPolicy) {
        let c = p.calendar
        int(c.offsetMinutes)
        list(c.workingWeekdays.sorted()) { $0.int($1) }
        list(c.hours) { w, h in w.int(h.lowerBound); w.int(h.upperBound) }
        list(c.holidays.sorted()) { $0.int64($1) }
        list(c.makeupDays.sorted()) { $0.int64($1) }
        map(p.targets) { w, t in w.target(t.respond); w.target(t.resolve) }
        double(p.warningAt); int64(p.extensionNotice); double(p.extensionNoticeShare)
    }

    mutating func target(_ t: SLATarget) {
        string(t.basis.rawValue); int64(t.seconds)
        optional(t.workingDays) { $0.int($1) }
        string(t.text)
    }

    mutating func privacy(_ p: PrivacyPolicy) {
        bool(p.strict); strings(p.maskedFields); strings(p.scannedFields)
        list(p.unscannedTypes) { $0.string($1.rawValue) }
        string(p.commitMessages.rawValue)
        list(p.kinds) { $0.string($1.rawValue) }
        int(p.maxScanBytes)
    }
}

extension SettingsRecordReader {
    mutating func config() throws(Damaged) -> DeskConfig {
        var c = DeskConfig(prefix: try string(), timezone: try string(), language: try rawValue(Language.self),
                           schemaVersion: try int(), clockOverride: try bool(), maxOfflineHours: try int())
        c.maxCommitsPerPush = try int()
        return c
    }

    mutating func team() throws(Damaged) -> Team {
        Team(people: try list { r throws(Damaged) in
            Person(handle: try r.string(), name: try r.string(), email: try r.string(), roles: try r.strings(),
                   department: try r.optional { r throws(Damaged) in try r.string() })
        })
    }

    mutating func schema() throws(Damaged) -> Schema {
        Schema(fields: try list { r throws(Damaged) in try r.field() },
               enums: try map { r throws(Damaged) in try r.list { r throws(Damaged) in try r.enumValue() } },
               workflow: try workflow(),
               routing: try routing(),
               sla: try optional { r throws(Damaged) in try r.sla() },
               privacy: try privacy())
    }

    private mutating func optionalString() throws(Damaged) -> String? {
        try optional { r throws(Damaged) in try r.string() }
    }

    private mutating func optionalStrings() throws(Damaged) -> [String]? {
        try optional { r throws(Damaged) in try r.strings() }
    }

    private mutating func optionalBool() throws(Damaged) -> Bool? {
        try optional { r throws(Damaged) in try r.bool() }
    }

    mutating func field() throws(Damaged) -> FieldDefinition {
        FieldDefinition(key: try string(), zh: try string(), en: try string(), type: try rawValue(FieldType.self),
                        enum: try optionalString(), required: try optionalBool(),
                        requiredIn: try optionalStrings(), requiredForTypes: try optionalStrings(),
                        system: try optionalBool(),
                        requiredUnless: try optional { r throws(Damaged) in try r.map { r throws(Damaged) in try r.strings() } },
                        merge: try optionalString())
    }

    mutating func enumValue() throws(Damaged) -> EnumValue {
        EnumValue(key: try string(), zh: try string(), en: try string(), parent: try optionalString())
    }

    mutating func workflow() throws(Damaged) -> WorkflowDefinition {
        WorkflowDefinition(
            initial: try string(),
            roles: try list { r throws(Damaged) in try r.enumValue() },
            statuses: try list { r throws(Damaged) in
                StatusDefinition(key: try r.string(), zh: try r.string(), en: try r.string(),
                                 clock: try r.rawValue(ClockBehaviour.self), terminal: try r.bool())
            },
            transitions: try list { r throws(Damaged) in
                Transition(operation: try r.optionalString(), from: try r.strings(), to: try r.string(),
                           roles: try r.strings(), reason: try r.bool(), restartSLA: try r.bool(),
                           zh: try r.optionalString(), en: try r.optionalString())
            },
            permissions: try map { r throws(Damaged) in try r.strings() },
            automation: try list { r throws(Damaged) in
                AutomationRule(operation: try r.string(), in: try r.strings(), after: try r.string())
            })
    }

    mutating func routing() throws(Damaged) -> RoutingTable {
        RoutingTable(byType: try map { r throws(Damaged) in try r.string() },
                     defaultDepartment: try optionalString(),
                     greenChannel: try optional { r throws(Damaged) in
                         RoutingTable.GreenChannel(priorities: try r.strings(), department: try r.string())
                     },
                     defaultAssignee: try map { r throws(Damaged) in try r.string() })
    }

    mutating func sla() throws(Damaged) -> SLAPolicy {
        let offset = try int()
        let weekdays = try list { r throws(Damaged) in try r.int() }
        let hours = try list { r throws(Damaged) -> Range<Int> in
            let (low, high) = (try r.int(), try r.int())
            guard low <= high else { throw Damaged() }
            return low..<high
        }
        let holidays = try list { r throws(Damaged) in try r.int64() }
        let makeup = try list { r throws(Damaged) in try r.int64() }
        let calendar = BusinessCalendar(offsetMinutes: offset, workingWeekdays: Set(weekdays), hours: hours,
                                        holidays: Set(holidays), makeupDays: Set(makeup))
        return SLAPolicy(calendar: calendar,
                         targets: try map { r throws(Damaged) in
                             SLAPolicy.Targets(respond: try r.target(), resolve: try r.target())
                         },
                         warningAt: try double(), extensionNotice: try int64(), extensionNoticeShare: try double())
    }

    mutating func target() throws(Damaged) -> SLATarget {
        SLATarget(basis: try rawValue(SLATarget.Basis.self), seconds: try int64(),
                  workingDays: try optional { r throws(Damaged) in try r.int() }, text: try string())
    }

    mutating func privacy() throws(Damaged) -> PrivacyPolicy {
        PrivacyPolicy(strict: try bool(), maskedFields: try strings(), scannedFields: try strings(),
                      unscannedTypes: try list { r throws(Damaged) in try r.rawValue(FieldType.self) },
                      commitMessages: try rawValue(PrivacyPolicy.CommitMessages.self),
                      kinds: try list { r throws(Damaged) in try r.rawValue(PIIKind.self) },
                      maxScanBytes: try int())
    }
}
