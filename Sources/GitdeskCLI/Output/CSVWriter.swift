import TicketCore

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; control
/// characters other than tab and line feed are written escaped (`\u001B`),
/// since CSV is often printed to a terminal.
enum CSVWriter {
    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ raw: String) -> String {
        let field = raw.terminalSafe
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
