import TicketCore
import TicketStore

/// Tells the operator, on stderr, what a write stored masked: the kind and
/// the masked form (never the raw value), and where raw contacts belong.
enum MaskNotice {
    static func print(_ result: ChangeResult, schema: Schema, language: Language) {
        print(result.masked, of: nil, schema: schema, language: language)
    }

    /// The notice for `notes`; `id` names the ticket when several were written (import).
    static func print(_ notes: [MaskNote], of id: String?, schema: Schema, language: Language) {
        guard !notes.isEmpty else { return }
        let items = notes.map { note -> String in
            let kind = note.kind.map { language == .zh ? $0.zh : $0.en } ?? language.say("联系方式", "contact")
            let place = note.field == "log" ? language.say("处理记录", "log")
                : note.field == "contacts" ? language.say("沟通记录", "contacts") : schema.label(field: note.field, language)
            return language == .zh ? "\(kind) \(note.masked)（\(place)）" : "\(kind) \(note.masked) (\(place))"
        }
        let prefix = id.map { "\($0): " } ?? ""
        printError(language.say(
            "gitdesk: \(prefix)已遮蔽个人信息：\(items.joined(separator: "，"))。原始联系方式请记在团队的客户系统中，工单里只记客户ID（customer_id）。",
            "gitdesk: \(prefix)masked personal data: \(items.joined(separator: ", ")). Keep raw contact details in your CRM; the ticket holds the customer ID (customer_id)."))
    }
}
