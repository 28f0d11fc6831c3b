/// One value of personal data found by ``PIIScanner``.
///
/// The position is given as UTF-8 byte offsets into the string that was
/// scanned (``utf8Range``), because the scanner works over UTF-8 bytes and the
/// offsets stay meaningful when the text is stored or sent elsewhere. Use
/// ``range(in:)`` to get a `Range<String.Index>` for that same string.
///
/// A match never carries the raw value: only its kind, its position and the
/// ``masked`` replacement (`138****5678`), so a match can be logged or shown in
/// an error message without leaking the value.
public struct PIIMatch: Sendable, Hashable, CustomStringConvertible {
    /// What was found.
    public var kind: PIIKind
    /// Where it is, as UTF-8 offsets into the scanned string (always on
    /// Unicode scalar boundaries).
    public var utf8Range: Range<Int>
    /// The text that replaces the value when masking, e.g. `138****5678`.
    public var masked: String

    /// Creates a match; the scanner makes these, tests may too.
    public init(kind: PIIKind, utf8Range: Range<Int>, masked: String) {
        self.kind = kind
        self.utf8Range = utf8Range
        self.masked = masked
    }

    /// The match's range as string indices into `text`, which must be the
    /// string that was scanned.
    public func range(in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
        let upper = utf8.index(lower, offsetBy: utf8Range.count)
        return lower..<upper
    }

    /// `mobile@12..<23 -> 138****5678`: kind, position and mask, never the raw value.
    public var description: String {
        "\(kind.rawValue)@\(utf8Range.lowerBound)..<\(utf8Range.upperBound) -> \(masked)"
    }
}
