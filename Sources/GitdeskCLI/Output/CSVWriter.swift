import TicketCore

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; control
/// characters other than tab and line feed are written escaped (`\u001B`),
/// since CSV is often printed to a terminal.
///
/// A cell Excel would read as a formula (starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return: OWASP's CSV injection) is written with a
/// leading `'`, and so is a cell that starts with `'` itself, so `import`
/// removes exactly one and a round trip is exact.
enum CSVWriter {
    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ raw: String) -> String {
        var field = raw.terminalSafe
        if let first = field.unicodeScalars.first, CSVReader.formulaStarts.contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
