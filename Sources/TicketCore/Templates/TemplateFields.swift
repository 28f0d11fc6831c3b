/// The template's fields as people name them: key, Chinese and English label.
public enum TemplateFields {
    public struct Field: Sendable {
        public var key: String
        public var zh: String
        public var en: String
    }

    public static let all: [Field] = [
        Field(key: "id", zh: "模板编号", en: "Template"),
        Field(key: "title", zh: "标题", en: "Title"),
        Field(key: "type", zh: "问题类型", en: "Type"),
        Field(key: "subtype", zh: "问题子类型", en: "Subtype"),
        Field(key: "module", zh: "涉及模块", en: "Module"),
        Field(key: "tags", zh: "标签", en: "Tags"),
        Field(key: "major", zh: "重大方案", en: "Major"),
        Field(key: "source", zh: "来源工单", en: "Source ticket"),
        Field(key: "approved_by", zh: "批准人", en: "Approved by"),
        Field(key: "approved_at", zh: "批准时间", en: "Approved at"),
        Field(key: "approved_hash", zh: "批准内容摘要", en: "Approved digest"),
        Field(key: "root_cause", zh: "根因分析", en: "Root cause"),
        Field(key: "steps", zh: "处理步骤", en: "Steps"),
        Field(key: "customer_wording", zh: "客户话术", en: "Customer wording"),
        Field(key: "notes", zh: "备注", en: "Notes"),
    ]

    /// The label of `key` in `language`.
    public static func label(_ key: String, _ language: Language) -> String {
        guard let f = all.first(where: { $0.key == key }) else { return key }
        return language == .zh ? f.zh : f.en
    }

    /// The key a person typed (key, or label in either language); nil if none.
    public static func key(typed: String) -> String? {
        let t = typed.trimmed()
        return all.first { $0.key == t || $0.zh == t || $0.en.lowercased() == t.lowercased() }?.key
    }

    /// The fields `template edit`/`add` may set (source and approval are written by their commands).
    public static let editable = ["title", "type", "subtype", "module", "tags", "major", "root_cause", "steps", "customer_wording", "notes"]
}
