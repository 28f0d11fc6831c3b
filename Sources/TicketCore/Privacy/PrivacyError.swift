import Foundation

/// Why a privacy check refused a change. Messages name the field, the kind
/// of data and its position, and show the value only masked: never the raw
/// value.
public enum PrivacyError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Personal data in a scanned field while the policy is strict.
    /// `line` and `column` (1-based, column in characters) locate the first
    /// value; `count` is how many values were found in the field.
    case personalDataNotAllowed(field: String, kind: PIIKind, masked: String, line: Int, column: Int, count: Int)
    /// `privacy.yaml` could not be read.
    case invalidPolicy(reason: String)

    /// One line for the user, e.g. `description: a mobile number (手机号, masked:
    /// 138****5678) at line 1, column 5 is not allowed in strict mode; remove
    /// it or write it masked`.
    public var description: String {
        switch self {
        case let .personalDataNotAllowed(field, kind, masked, line, column, count):
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            return "\(field): \(kind.enWithArticle) (\(kind.zh), masked: \(masked)) at line \(line), column \(column)"
                + "\(more) is not allowed in strict mode; remove it or write it masked, e.g. \(masked)"
        case let .invalidPolicy(reason):
            return "privacy.yaml: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
