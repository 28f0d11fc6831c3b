import Foundation

/// Why a privacy check refused a change. Messages name the field, the kind
/// of data and its position, and show the value only masked: never the raw
/// value.
public enum PrivacyError: Error, Equatable, Sendable, CataloguedMessage, LocalizedError {
    /// Personal data in a scanned field while the policy is strict.
    /// `line` and `column` (1-based, column in characters) locate the first
    /// value; `count` is how many values were found in the field.
    case personalDataNotAllowed(field: String, kind: PIIKind, masked: String, line: Int, column: Int, count: Int)
    /// `privacy.yaml` could not be read.
    case invalidPolicy(reason: String)

    /// One line for the user, e.g. `description: a mobile number (masked:
    /// 138****5678) at line 1, column 5 is not allowed in strict mode; remove
    /// it or write it masked`.
    public var message: Message {
        switch self {
        case let .personalDataNotAllowed(field, kind, masked, line, column, count):
            return Message(.personalDataNotAllowed, [
                "field": .field(field), "kind": .piiKind(kind), "masked": .text(masked),
                "line": .number(line), "column": .number(column), "more": .andMore(count),
            ])
        case let .invalidPolicy(reason):
            return Message(.invalidPolicy, ["problem": .text(reason)])
        }
    }

    public var errorDescription: String? { description }
}
