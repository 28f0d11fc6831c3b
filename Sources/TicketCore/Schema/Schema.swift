/// A desk's schema: its fields, enums and workflow, read from
/// `.gitdesk/schema/*.yaml` so a desk can change them without a rebuild.
public struct Schema: Sendable, Codable {
    public var fields: [FieldDefinition]
    public var enums: [String: [EnumValue]]
    public var workflow: WorkflowDefinition
    /// Routing of new tickets (routing.yaml; empty when the desk has none).
    public var routing: RoutingTable
    /// The SLA policy (sla.yaml; nil when the desk has none: no deadlines).
    public var sla: SLAPolicy?
    /// The privacy policy (privacy.yaml; the built-in default when the desk has none).
    public var privacy: PrivacyPolicy

    /// The file names a schema is read from, in load order.
    public static let fileNames = ["fields.yaml", "enums.yaml", "workflow.yaml", "routing.yaml", "sla.yaml", "privacy.yaml"]

    public init(fields: [FieldDefinition], enums: [String: [EnumValue]], workflow: WorkflowDefinition,
                routing: RoutingTable = RoutingTable(), sla: SLAPolicy? = nil, privacy: PrivacyPolicy = .default) {
        self.fields = fields
        self.enums = enums
        self.workflow = workflow
        self.routing = routing
        self.sla = sla
        self.privacy = privacy
        self.fieldIndex = Dictionary(fields.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private var fieldIndex: [String: Int]

    enum CodingKeys: String, CodingKey { case fields, enums, workflow, routing, sla, privacy }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(fields: try c.decode([FieldDefinition].self, forKey: .fields),
                  enums: try c.decode([String: [EnumValue]].self, forKey: .enums),
                  workflow: try c.decode(WorkflowDefinition.self, forKey: .workflow),
                  routing: try c.decode(RoutingTable.self, forKey: .routing),
                  sla: try c.decodeIfPresent(SLAPolicy.self, forKey: .sla),
                  privacy: try c.decodeIfPresent(PrivacyPolicy.self, forKey: .privacy) ?? .default)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fields, forKey: .fields)
        try c.encode(enums, forKey: .enums)
        try c.encode(workflow, forKey: .workflow)
        try c.encode(routing, forKey: .routing)
        try c.encodeIfPresent(sla, forKey: .sla)
        try c.encode(privacy, forKey: .privacy)
    }

    /// The definition of a field, if the schema has it.
    public func field(_ key: String) -> FieldDefinition? {
        fieldIndex[key].map { fields[$0] }
    }

    /// The values of an enum (empty if unknown).
    public func values(of enumName: String) -> [EnumValue] { enums[enumName] ?? [] }

    /// Where each field goes in a ticket file.
    public var layout: TicketLayout {
        TicketLayout(
            frontMatter: fields.filter { $0.type != .longtext }.map(\.key),
            sections: fields.filter { $0.type == .longtext }.map(\.key)
        )
    }

    /// A field's label (its key if unknown).
    public func label(field key: String, _ lang: Language) -> String {
        field(key)?.label(lang) ?? key
    }

    /// The label of a field's value: enum values get their label, others stay as written.
    public func label(value: String, of key: String, _ lang: Language) -> String {
        guard let def = field(key) else { return value }
        if key == "status" { return workflow.status(value)?.label(lang) ?? value }
        guard let name = def.enumName else { return value }
        if def.type == .list {
            return value.split(separator: ",").map { part in
                let k = part.trimmed()
                return values(of: name).first { $0.key == k }?.label(lang) ?? k
            }.joined(separator: ", ")
        }
        return values(of: name).first { $0.key == value }?.label(lang) ?? value
    }
}
