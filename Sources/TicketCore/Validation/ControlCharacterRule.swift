/// `control-character`: ticket text holds no control characters other than
/// tab and line feed (no ESC, BEL, CR, DEL, C1...; see ``ControlCharacters``).
/// Printed raw they would drive the terminal of whoever reads the desk.
/// gitdesk refuses them rather than strip them: text a person typed is never
/// changed behind their back, and the message says where the character is.
/// Only texts the change adds or alters are judged (``ValidationContext/changedTexts()``).
public struct ControlCharacterRule: ValidationRule {
    public let id = "control-character"
    public init() {}

    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for value in context.changedTexts() {
            guard let (scalar, line, column) = ControlCharacters.first(in: value.text) else { continue }
            let fileLine = value.isSection ? value.line + 1 + line : value.line + line - 1
            let at = value.text.hasNewline ? "line \(line), column \(column)" : "column \(column)"
            findings.append(context.finding(id, line: fileLine, field: value.field,
                "\(value.name) holds the control character \(ControlCharacters.name(scalar)) at \(at); remove it (control characters other than tab and line feed are refused)"))
        }
        return findings
    }
}
