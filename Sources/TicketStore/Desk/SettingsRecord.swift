/// The byte format of the settings cache: a flat stream of values written and
/// read by hand, in a fixed order, with no Codable.
///
/// Why not Codable: every keyed container Codable instantiates at run time
/// costs protocol-conformance scans over the whole static binary, whatever the
/// coder (a compact binary Codable coder measured no faster than JSON). Reading
/// this stream is plain byte work.
///
/// Each value ends in a newline so a damaged file is easy to look at:
/// an integer is its decimal digits (`42\n`), a string its UTF-8 byte count,
/// `:`, the bytes (`6:上海\n`), a Bool `1`/`0`, an optional `-` (nil) or `+`
/// then the value, a list or a map its count then its elements (maps sorted by
/// key, so equal settings give equal bytes).
struct SettingsRecordWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
        bytes.append(10)
    }

    mutating func int64(_ value: Int64) { int(Int(value)) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 49 : 48); bytes.append(10) }

    /// A Double by its bit pattern, so it reads back exactly.
    mutating func double(_ value: Double) {
        bytes.append(contentsOf: String(value.bitPattern).utf8)
        bytes.append(10)
    }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        bytes.append(contentsOf: String(utf8.count).utf8)
        bytes.append(58)
        bytes.append(contentsOf: utf8)
        bytes.append(10)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout SettingsRecordWriter, T) -> Void) {
        guard let value else { bytes.append(45); bytes.append(10); return }
        bytes.append(43); bytes.append(10)
        write(&self, value)
    }

    mutating func list<T>(_ values: [T], _ write: (inout SettingsRecordWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { list(values) { $0.string($1) } }

    mutating func map<T>(_ values: [String: T], _ write: (inout SettingsRecordWriter, T) -> Void) {
        int(values.count)
        for key in values.keys.sorted() {
            string(key)
            write(&self, values[key]!)
        }
    }
}

/// Reads what ``SettingsRecordWriter`` wrote; any deviation throws ``Damaged``.
struct SettingsRecordReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    /// Decimal digits (an optional leading `-`) up to `end`.
    private mutating func number(until end: UInt8) throws(Damaged) -> Int {
        var negative = false
        if offset < bytes.count, bytes[offset] == 45 { negative = true; offset += 1 }
        let magnitude = try digits(until: end)
        guard magnitude <= UInt64(Int.max) else { throw Damaged() }
        return negative ? -Int(magnitude) : Int(magnitude)
    }

    /// At least one decimal digit up to `end` (consumed), without overflow.
    private mutating func digits(until end: UInt8) throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var digits = 0
        while offset < bytes.count, bytes[offset] != end {
            let d = bytes[offset] &- 48
            guard d < 10 else { throw Damaged() }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(d))
            guard !o1, !o2 else { throw Damaged() }
            value = sum
            digits += 1
            offset += 1
        }
        guard digits > 0, offset < bytes.count else { throw Damaged() }
        offset += 1
        return value
    }

    mutating func int() throws(Damaged) -> Int { try number(until: 10) }

    mutating func int64() throws(Damaged) -> Int64 { Int64(try int()) }

    mutating func count() throws(Damaged) -> Int {
        let n = try int()
        // Every element takes at least two bytes: a count past that is damage.
        guard n >= 0, n <= (bytes.count - offset) / 2 else { throw Damaged() }
        return n
    }

    private mutating func mark() throws(Damaged) -> UInt8 {
        guard offset + 1 < bytes.count, bytes[offset + 1] == 10 else { throw Damaged() }
        defer { offset += 2 }
        return bytes[offset]
    }

    mutating func bool() throws(Damaged) -> Bool {
        switch try mark() {
        case 49: return true
        case 48: return false
        default: throw Damaged()
        }
    }

    mutating func double() throws(Damaged) -> Double {
        Double(bitPattern: try digits(until: 10))
    }

    mutating func string() throws(Damaged) -> String {
        let length = try number(until: 58)
        guard length >= 0, length < bytes.count - offset, bytes[offset + length] == 10 else { throw Damaged() }
        let text = bytes[offset..<(offset + length)]
        offset += length + 1
        guard let value = String(validating: text, as: UTF8.self) else { throw Damaged() }
        return value
    }

    mutating func optional<T>(_ read: (inout SettingsRecordReader) throws(Damaged) -> T) throws(Damaged) -> T? {
        switch try mark() {
        case 45: return nil
        case 43: return try read(&self)
        default: throw Damaged()
        }
    }

    mutating func list<T>(_ read: (inout SettingsRecordReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws(Damaged) -> [String] { try list { r throws(Damaged) in try r.string() } }

    mutating func map<T>(_ read: (inout SettingsRecordReader) throws(Damaged) -> T) throws(Damaged) -> [String: T] {
        let n = try count()
        var values: [String: T] = Dictionary(minimumCapacity: n)
        for _ in 0..<n {
            let key = try string()
            guard values.updateValue(try read(&self), forKey: key) == nil else { throw Damaged() }
        }
        return values
    }

    /// A raw-value enum's case; an unknown raw value is damage.
    mutating func rawValue<T: RawRepresentable>(_: T.Type) throws(Damaged) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Damaged() }
        return value
    }
}
