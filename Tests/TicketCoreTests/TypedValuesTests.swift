import Testing
@testable import TicketCore

/// Values and field names typed by key or by their Chinese or English label.
@Suite("Typed values: keys and labels")
struct TypedValuesTests {
    @Test func labelsResolveToKeys() throws {
        let schema = try SchemaLoader.loadDefault()
        #expect(try schema.valueKey(typed: "已关闭", of: "status") == "closed")
        #expect(try schema.valueKey(typed: "closed", of: "status") == "closed")
        #expect(try schema.valueKey(typed: "In progress", of: "status") == "in_progress")
        #expect(try schema.valueKey(typed: "in PROGRESS", of: "status") == "in_progress")
        #expect(try schema.valueKey(typed: "投诉", of: "type") == "complaint")
        #expect(try schema.valueKey(typed: "紧急", of: "priority") == "urgent")
        #expect(try schema.valueKey(typed: "技术支持", of: "department") == "tech_support")
        #expect(try schema.fieldKey(typed: "备注") == "notes")
        #expect(try schema.fieldKey(typed: "Priority") == "priority")
        // Free text and unknown names come back as typed, for the caller's own message.
        #expect(try schema.valueKey(typed: "已关闭", of: "title") == "已关闭")
        #expect(try schema.valueKey(typed: "没有这个", of: "type") == "没有这个")
        #expect(try schema.fieldKey(typed: "心情") == "心情")
    }

    @Test func anAmbiguousLabelListsTheChoices() throws {
        var files = SchemaLoader.defaultFiles
        let enums = try #require(files["enums.yaml"])
        // Two channels sharing the label 线上.
        files["enums.yaml"] = enums.replacingOccurrences(of: "zh: 在线客服", with: "zh: 线上")
            .replacingOccurrences(of: "zh: 官网", with: "zh: 线上")
        let schema = try SchemaLoader.load(files: files)
        #expect(throws: Schema.TypedNameError.ambiguous(what: "channel", typed: "线上", choices: ["online_chat", "web"])) {
            _ = try schema.valueKey(typed: "线上", of: "channel")
        }
        #expect(try schema.valueKey(typed: "web", of: "channel") == "web")
    }
}
