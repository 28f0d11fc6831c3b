/// Applies a ``PrivacyPolicy`` to the value of one field before it is written.
public enum PrivacyGuard {
    /// The field name under which commit messages are checked.
    public static let commitMessageField = "commit_message"

    /// The text to store for `field`, whose schema type is `type` (nil when
    /// the schema does not define it):
    /// - a field in `masked_fields` (`contact`): ``ContactMasking/maskContact(_:)``,
    ///   strict or not;
    /// - a scanned field (``PrivacyPolicy/scans(field:type:)``: every field
    ///   whose type is not in `unscanned_types`), and commit messages unless
    ///   `commit_messages: off`: the text with personal data masked, or, when
    ///   the policy is strict and something was found, an error;
    /// - a field whose type may skip the scan: `text` unchanged.
    ///
    /// - Throws: ``PrivacyError/personalDataNotAllowed(field:kind:masked:line:column:count:)``
    ///   in strict mode; the error shows the value only masked.
    public static func apply(
        policy: PrivacyPolicy, field: String, type: FieldType? = nil, text: String
    ) throws(PrivacyError) -> String {
        if policy.maskedFields.contains(field) {
            return ContactMasking.maskContact(text, kinds: Set(policy.kinds))
        }
        let scanned = field == commitMessageField
            ? policy.commitMessages == .scan
            : policy.scans(field: field, type: type)
        guard scanned else { return text }
        let result = PIIScanner.mask(text, options: policy.scanOptions)
        guard policy.strict, let first = result.matches.first else { return result.text }
        let (line, column) = position(of: first.utf8Range.lowerBound, in: text)
        throw .personalDataNotAllowed(
            field: field, kind: first.kind, masked: first.masked, line: line, column: column,
            count: result.matches.count)
    }

    /// 1-based line and column (in characters) of a UTF-8 offset.
    static func position(of offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        let target = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        var i = text.startIndex
        while i < target {
            if text[i] == "\n" || text[i] == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i = text.index(after: i)
        }
        return (line, column)
    }
}
