/// What ``PIIScanner`` looks for.
public struct PIIScanOptions: Sendable, Hashable {
    /// The kinds reported; values of other kinds are still recognised (so
    /// they are not misread as something else) but neither reported nor masked.
    public var kinds: Set<PIIKind>
    /// Treat every number as if a phone word stood before it. Used for the
    /// `contact` field, where a bare `010-12345678` is a landline.
    public var assumesPhoneContext: Bool

    /// Options with every kind and no assumed context.
    public init(kinds: Set<PIIKind> = Set(PIIKind.allCases), assumesPhoneContext: Bool = false) {
        self.kinds = kinds
        self.assumesPhoneContext = assumesPhoneContext
    }

    /// Every kind, no assumed context: what free-text fields use.
    public static let standard = PIIScanOptions()
}

/// Finds and masks personal data (mobile and landline numbers, e-mail
/// addresses, resident ID numbers, bank card numbers) in text, following the
/// privacy rules of DOMAIN.md.
///
/// The scanner reads the UTF-8 bytes of the text once, normalising on the fly
/// (full-width characters, zero-width characters, one space or hyphen between
/// digit groups: see `PIINormalization.swift`), and reports positions in the
/// original text. Masking replaces only the values found and leaves every
/// other byte exactly as typed.
///
/// Guarantees, checked by property tests and a fuzzer:
/// - masking is idempotent: `mask(mask(t).text).text == mask(t).text`;
/// - masked text has no findings: `scan(mask(t).text).isEmpty`;
/// - outside the replaced ranges the output equals the input.
///
/// No regular expressions and no allocation per byte: plain text is skipped
/// two compares per byte. Thread-safe (no shared mutable state).
public enum PIIScanner {
    /// The personal data in `text`, in order, never overlapping.
    public static func scan(_ text: String, options: PIIScanOptions = .standard) -> [PIIMatch] {
        withUTF8(text) { buffer in scan(buffer, options: options) }
    }

    /// True when `text` contains personal data.
    public static func containsPII(_ text: String, options: PIIScanOptions = .standard) -> Bool {
        !scan(text, options: options).isEmpty
    }

    /// `text` with every value found replaced by its mask (`138****5678`,
    /// `z***@example.com`, `1***************2X`, `622848******1234`,
    /// `010-****5678`), and the matches (positions in the original `text`).
    public static func mask(
        _ text: String, options: PIIScanOptions = .standard
    ) -> (text: String, matches: [PIIMatch]) {
        withUTF8(text) { buffer in
            let matches = scan(buffer, options: options)
            if matches.isEmpty { return (text, matches) }
            return (apply(matches, to: buffer), matches)
        }
    }

    /// `text` (as UTF-8 bytes) with `matches` replaced by their masks.
    static func apply(_ matches: [PIIMatch], to buffer: UnsafeBufferPointer<UInt8>) -> String {
        var capacity = buffer.count
        for m in matches { capacity += m.masked.utf8.count - m.utf8Range.count }
        return String(unsafeUninitializedCapacity: capacity) { out in
            var pos = 0
            var written = 0
            func copy(_ src: UnsafeBufferPointer<UInt8>) {
                guard let from = src.baseAddress, src.count > 0 else { return }
                (out.baseAddress! + written).update(from: from, count: src.count)
                written += src.count
            }
            for m in matches {
                copy(UnsafeBufferPointer(rebasing: buffer[pos..<m.utf8Range.lowerBound]))
                var mask = m.masked
                mask.withUTF8 { copy($0) }
                pos = m.utf8Range.upperBound
            }
            copy(UnsafeBufferPointer(rebasing: buffer[pos..<buffer.count]))
            return written
        }
    }

    /// Scans UTF-8 bytes, which must be valid UTF-8 (as a `String`'s are).
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, options: PIIScanOptions) -> [PIIMatch] {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return [] }
        var engine = PIIScanEngine(reader: UTF8Reader(p: base, n: buffer.count), options: options)
        defer { engine.deallocate() }
        engine.run()
        return engine.matches
    }

    /// The scan's work on `text` in steps (characters looked at, each look
    /// counted): linearity tests compare it for inputs of different sizes.
    static func steps(_ text: String, options: PIIScanOptions = .standard) -> Int {
        withUTF8(text) { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
            var engine = PIIScanEngine(reader: UTF8Reader(p: base, n: buffer.count), options: options)
            defer { engine.deallocate() }
            engine.run()
            return engine.steps
        }
    }

    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
