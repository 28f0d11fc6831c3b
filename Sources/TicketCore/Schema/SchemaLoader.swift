/// Reads and checks a schema from its YAML files.
public enum SchemaLoader {
    /// The default schema compiled into the binary (the files of `schema/`).
    public static var defaultFiles: [String: String] {
        [
            "fields.yaml": String(decoding: PackageResources.fields_yaml, as: UTF8.self),
            "enums.yaml": String(decoding: PackageResources.enums_yaml, as: UTF8.self),
            "workflow.yaml": String(decoding: PackageResources.workflow_yaml, as: UTF8.self),
            "routing.yaml": String(decoding: PackageResources.routing_yaml, as: UTF8.self),
            "sla.yaml": String(decoding: PackageResources.sla_yaml, as: UTF8.self),
            "privacy.yaml": String(decoding: PackageResources.privacy_yaml, as: UTF8.self),
        ]
    }

    /// The default schema, loaded.
    public static func loadDefault() throws(ConfigurationError) -> Schema {
        try load(files: defaultFiles)
    }

    struct FieldsFile: Decodable { var fields: [FieldDefinition] }
    struct EnumsFile: Decodable { var enums: [String: [EnumValue]] }

    /// Loads a schema from file name → YAML text, and checks that its parts
    /// agree (known enums, statuses and types; unique keys), naming the
    /// file and line of the first problem.
    public static func load(files: [String: String]) throws(ConfigurationError) -> Schema {
        func file(_ name: String) throws(ConfigurationError) -> YAMLFile {
            guard let text = files[name] else {
                throw ConfigurationError(file: name, line: 1, Message(.schemaFileMissing))
            }
            return try YAMLFile(name: name, text: text)
        }
        let fieldsFile = try file("fields.yaml")
        let enumsFile = try file("enums.yaml")
        let workflowFile = try file("workflow.yaml")
        let fields = try fieldsFile.decode(FieldsFile.self).fields
        let enums = try enumsFile.decode(EnumsFile.self).enums
        let workflow = try workflowFile.decode(WorkflowDefinition.self)
        var schema = Schema(fields: fields, enums: enums, workflow: workflow)
        try check(schema, fieldsFile: fieldsFile, enumsFile: enumsFile, workflowFile: workflowFile)
        try WorkflowChecks.check(workflow, schema: schema, file: workflowFile)
        // routing.yaml and sla.yaml are optional: a desk without them has no
        // automatic routing and no deadlines.
        if let text = files["routing.yaml"] {
            let routingFile = try YAMLFile(name: "routing.yaml", text: text)
            if routingFile.root != nil {
                schema.routing = try routingFile.decode(RoutingTable.self)
                try WorkflowChecks.check(schema.routing, schema: schema, file: routingFile)
            }
        }
        if let text = files["sla.yaml"] {
            let slaFile = try YAMLFile(name: "sla.yaml", text: text)
            if slaFile.root != nil {
                schema.sla = try SLAPolicyLoader.load(slaFile, priorities: schema.values(of: "priority"))
            }
        }
        if let text = files["privacy.yaml"] {
            do {
                schema.privacy = try PrivacyPolicy.decode(yaml: text)
            } catch {
                let reason: String
                if case .invalidPolicy(let r) = error { reason = r } else { reason = error.description }
                throw ConfigurationError(file: "privacy.yaml", line: 1, message: reason)
            }
        }
        return schema
    }

    static func check(_ schema: Schema, fieldsFile: YAMLFile, enumsFile: YAMLFile, workflowFile: YAMLFile) throws(ConfigurationError) {
        var seen = Set<String>()
        for (i, f) in schema.fields.enumerated() {
            func fail(_ key: YAMLFile.PathComponent, _ message: Message) -> ConfigurationError {
                ConfigurationError(file: fieldsFile.name, line: fieldsFile.line(at: ["fields", .index(i), key]), message)
            }
            guard TicketFile.isFieldKey(f.key), f.key != TicketFile.logSection, f.key != TicketFile.contactsSection else {
                throw fail("key", Message(.schemaBadFieldKey, ["key": .text(f.key)]))
            }
            guard seen.insert(f.key).inserted else { throw fail("key", Message(.schemaFieldTwice, ["key": .text(f.key)])) }
            if let name = f.enumName, schema.enums[name] == nil, !(f.key == "status" && name == "status") {
                throw fail("enum", Message(.schemaFieldUnknownEnum, ["key": .text(f.key), "name": .text(name)]))
            }
            if f.type == .enum && f.enumName == nil {
                throw fail("type", Message(.schemaFieldNoEnum, ["key": .text(f.key)]))
            }
            for s in f.requiredIn ?? [] where schema.workflow.status(s) == nil {
                throw fail("required_in", Message(.schemaFieldUnknownStatus, ["key": .text(f.key), "value": .text(s)]))
            }
            for t in f.requiredForTypes ?? [] where !schema.values(of: "type").contains(where: { $0.key == t }) {
                throw fail("required_for_types", Message(.schemaFieldUnknownType, ["key": .text(f.key), "value": .text(t)]))
            }
            for other in (f.requiredUnless ?? [:]).keys where !schema.fields.contains(where: { $0.key == other }) {
                throw fail("required_unless", Message(.schemaFieldUnknownField, ["key": .text(f.key), "value": .text(other)]))
            }
            if let rule = f.merge, MergeRule(rawValue: rule) == nil {
                throw fail("merge", Message(.schemaFieldUnknownMerge, ["key": .text(f.key), "value": .text(rule), "allowed": .texts(MergeRule.allCases.map(\.rawValue))]))
            }
        }
        for required in ["id", "created", "title", "status"] where schema.field(required) == nil {
            throw ConfigurationError(file: fieldsFile.name, line: 1, Message(.schemaNeedsField, ["key": .text(required)]))
        }
        for (name, values) in schema.enums {
            var keys = Set<String>()
            for (i, v) in values.enumerated() {
                guard keys.insert(v.key).inserted else {
                    throw ConfigurationError(file: enumsFile.name, line: enumsFile.line(at: ["enums", .key(name), .index(i)]),
                                             Message(.schemaEnumValueTwice, ["name": .text(name), "value": .text(v.key)]))
                }
            }
        }
        var statusKeys = Set<String>()
        for (i, s) in schema.workflow.statuses.enumerated() where !statusKeys.insert(s.key).inserted {
            throw ConfigurationError(file: workflowFile.name, line: workflowFile.line(at: ["statuses", .index(i)]),
                                     Message(.schemaStatusTwice, ["status": .text(s.key)]))
        }
        guard schema.workflow.status(schema.workflow.initial) != nil else {
            throw ConfigurationError(file: workflowFile.name, line: workflowFile.line(at: ["initial"]),
                                     Message(.schemaInitialUnknown, ["status": .text(schema.workflow.initial)]))
        }
    }
}
