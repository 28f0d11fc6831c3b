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
        let items = notes.map { note -> Message in
            let kind: Message.Argument = note.kind.map { .piiKindName($0) } ?? .message(Message(.maskedContact))
            let place: Message.Argument = note.field == "log" ? .message(Message(.placeLog))
                : note.field == "contacts" ? .message(Message(.placeContacts)) : .text(schema.label(field: note.field, language))
            return Message(.maskedItem, ["kind": kind, "masked": .text(note.masked), "place": place])
        }
        let list = items.map { $0.render(language, labels: schema) }.joined(separator: language.say("，", ", "))
        printError(Message(.maskNotice, ["prefix": .text(id.map { "\($0): " } ?? ""), "items": .text(list)]).render(language, labels: schema))
    }
}
