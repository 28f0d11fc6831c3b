/// Personal data masked on its way out: what `show`, `list`, `search` and
/// `report` print. The write path masks before anything is stored, but a
/// file edited by hand in a clone and committed with the hooks off can still
/// hold a raw phone number; every display path passes the ticket through
/// here, so such a value is never printed raw.
extension PrivacyGuard {
    /// Field types whose values cannot be mistaken for personal data and are
    /// shown as they are (an ID, a time, a duration, a rating).
    static let displayedAsIs: Set<FieldType> = [.id, .datetime, .duration, .rating]

    /// `ticket` with `masked_fields` (`contact`) masked as the write path
    /// masks them and personal data in every other field, log entry and
    /// contact entry masked; never refuses (strict mode is for writes).
    public static func displayed(_ ticket: Ticket, schema: Schema) -> Ticket {
        let policy = schema.privacy
        let options = policy.scanOptions
        var result = ticket
        for (key, value) in ticket.fields {
            if policy.maskedFields.contains(key) {
                result[key] = ContactMasking.maskContact(value, kinds: Set(policy.kinds))
            } else if let type = schema.field(key)?.type, displayedAsIs.contains(type) {
                continue
            } else {
                result[key] = PIIScanner.mask(value, options: options).text
            }
        }
        for i in result.log.indices { result.log[i].text = PIIScanner.mask(result.log[i].text, options: options).text }
        for i in result.contacts.indices {
            result.contacts[i].summary = PIIScanner.mask(result.contacts[i].summary, options: options).text
            if let f = result.contacts[i].followUp { result.contacts[i].followUp = PIIScanner.mask(f, options: options).text }
        }
        return result
    }

    /// Free text on its way out (a search snippet, a report's example title), masked.
    public static func displayed(_ text: String, schema: Schema) -> String {
        PIIScanner.mask(text, options: schema.privacy.scanOptions).text
    }
}
