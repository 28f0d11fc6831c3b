import Foundation
import Testing
@testable import TicketCore

@Suite("Schema")
struct SchemaTests {
    @Test func defaultSchemaLoadsWithLabels() throws {
        let schema = try SchemaLoader.loadDefault()
        #expect(schema.field("title")?.zh == "标题")
        #expect(schema.label(value: "complaint", of: "type", .zh) == "投诉")
        #expect(schema.label(value: "in_progress", of: "status", .en) == "In progress")
        #expect(schema.layout.sections.contains("description"))
        #expect(!schema.layout.frontMatter.contains("description"))
    }

    @Test func anUnknownEnumNamesTheFileAndLine() {
        var files = SchemaLoader.defaultFiles
        files["fields.yaml"] = "fields:\n  - key: id\n    zh: 编号\n    en: ID\n    type: id\n  - key: mood\n    zh: 心情\n    en: Mood\n    type: enum\n    enum: moods\n"
        #expect {
            _ = try SchemaLoader.load(files: files)
        } throws: { error in
            guard let e = error as? ConfigurationError else { return false }
            return e.file == "fields.yaml" && e.line == 10 && e.message.contains("moods")
        }
    }

    @Test func brokenYAMLNamesTheLine() {
        var files = SchemaLoader.defaultFiles
        files["enums.yaml"] = "enums:\n  type:\n    - { key: a, zh: 甲, en: A\n"
        #expect {
            _ = try SchemaLoader.load(files: files)
        } throws: { error in
            (error as? ConfigurationError).map { $0.file == "enums.yaml" && $0.line >= 3 } ?? false
        }
    }

    @Test func aWrongTypeNamesTheLine() {
        var files = SchemaLoader.defaultFiles
        files["fields.yaml"] = "fields:\n  - key: id\n    zh: 编号\n    en: ID\n    type: identifier\n"
        #expect {
            _ = try SchemaLoader.load(files: files)
        } throws: { error in
            (error as? ConfigurationError).map { $0.file == "fields.yaml" && $0.line == 5 } ?? false
        }
    }

    @Test func fieldValuesAreChecked() throws {
        let schema = try SchemaLoader.loadDefault()
        #expect(FieldValueCheck.problem(key: "priority", value: "urgent", schema: schema, team: nil) == nil)
        #expect(FieldValueCheck.problem(key: "priority", value: "asap", schema: schema, team: nil)?.contains("urgent") == true)
        #expect(FieldValueCheck.problem(key: "satisfaction", value: "6", schema: schema, team: nil) != nil)
        #expect(FieldValueCheck.problem(key: "nonsense", value: "x", schema: schema, team: nil)?.contains("unknown field") == true)
        #expect(FieldValueCheck.problem(key: "subtype", value: "hardware", schema: schema, team: nil, ticketType: "consult")?.contains("belongs to") == true)
        #expect(FieldValueCheck.problem(key: "collaborators", value: "logistics, product", schema: schema, team: nil) == nil)
    }
}

@Suite("Schema cache encoding")
struct SchemaCodingTests {
    @Test func theDefaultSchemaSurvivesAJSONRoundTrip() throws {
        let schema = try SchemaLoader.loadDefault()
        let data = try JSONEncoder().encode(schema)
        let back = try JSONDecoder().decode(Schema.self, from: data)
        #expect(back.fields == schema.fields)
        #expect(back.workflow == schema.workflow)
        #expect(back.routing == schema.routing)
        #expect(back.sla == schema.sla)
        #expect(back.layout == schema.layout)
    }
}
