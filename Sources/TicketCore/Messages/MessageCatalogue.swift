/// The words of every ``MessageKey`` in every ``Language``.
///
/// The texts are Swift tables rather than a resource file: they are compiled
/// into the one static binary (no bundle to find at run time, nothing parsed
/// at start-up), and a key that is misspelt or removed fails the build. One
/// file per language keeps a translator's work in one place; placeholders are
/// `{name}` and filled by ``Message/render(_:labels:)``.
public enum MessageCatalogue {
    /// The text of `key` in `lang` (the English one if a language lacks it;
    /// a test keeps that from happening).
    public static func template(_ key: MessageKey, _ lang: Language) -> String {
        table(lang)[key] ?? en[key] ?? key.rawValue
    }

    /// The table of a language.
    public static func table(_ lang: Language) -> [MessageKey: String] {
        switch lang {
        case .zh: return zh
        case .en: return en
        }
    }

    /// An operation of the workflow as a verb phrase ("may not …" / "无权…").
    static func operation(_ key: String, _ lang: Language, _ labels: (any MessageLabels)?) -> String {
        switch lang {
        case .en: return operationsEN[key] ?? key
        case .zh: return operationsZH[key] ?? labels?.operationLabel(key, lang) ?? key
        }
    }

    /// Operations whose key does not read as a verb phrase on its own.
    static let operationsEN: [String: String] = [
        "priority": "change a recorded ticket's priority", "backdate": "write at a time other than the clock's",
        "delete": "delete a ticket file", "create": "record tickets", "contact": "log contacts",
        "sweep": "run sweep", "request_info": "ask for information",
        "repair": "repair a ticket holding a value the schema does not know",
    ]

    /// Fields of a solution template that are not fields of the schema, in Chinese.
    static let templateFieldsZH: [String: String] = ["steps": "处理步骤", "customer_wording": "客户话术", "tags": "标签", "major": "重大方案"]

    /// Every operation gitdesk names, in Chinese (transitions of a custom
    /// workflow fall back to their `zh` label in workflow.yaml).
    static let operationsZH: [String: String] = [
        "priority": "修改已登记工单的优先级", "backdate": "以非当前时钟的时间写入", "delete": "删除工单文件",
        "create": "登记工单", "contact": "记录联系", "sweep": "运行 sweep", "request_info": "退回补充信息",
        "assign": "分派工单", "extend": "申请延期", "approve": "审批延期", "archive": "归档",
        "start": "开始处理", "supplement": "标记信息已补充", "resolve": "提交解决方案", "confirm": "确认解决",
        "reopen": "重新打开", "close": "关闭工单", "invalid": "标记为无效", "follow_up": "转入跟进",
        "move": "变更状态", "set": "修改字段", "comment": "添加备注", "import": "导入工单",
        "repair": "修复含有未知取值的工单",
    ]
}
