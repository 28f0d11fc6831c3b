/// A small binary encoding for `Codable` values, used by the settings cache.
///
/// Why not JSONDecoder: every command decodes the schema and roster from the
/// settings cache, and JSONDecoder's first use in a process costs ~3 ms in
/// runtime protocol-conformance scans (its dynamic casts to marker
/// protocols, each a walk over every conformance record of this statically
/// linked binary), more than all the rest of `show`'s own work. This coder
/// makes no dynamic cast: containers read and write a tagged tree of values.
///
/// Layout: one value, tagged: 0 null, 1 false, 2 true, 3 integer (8 bytes,
/// little endian), 4 double (IEEE bits, 8 bytes), 5 string (UInt32 length +
/// UTF-8), 6 array (UInt32 count + values), 7 keyed (UInt32 count + (string,
/// value) pairs). Not a storage format: the cache is rebuilt whenever its
/// format key changes.
enum CompactCoder {
    indirect enum Value {
        case null, bool(Bool), int(Int64), double(Double), string(String)
        case array([Value])
        case keyed([String: Value], order: [String])
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Encodes `value`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        root.finish()
        var out: [UInt8] = []
        write(root.value, to: &out)
        return out
    }

    /// Decodes a `T` from bytes `encode` wrote.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        var reader = Reader(bytes: bytes)
        let value = try reader.value(depth: 0)
        guard reader.position == bytes.count else { throw Failure(description: "trailing bytes") }
        return try T(from: TreeDecoder(value: value, codingPath: []))
    }

    // MARK: bytes

    private static func write(_ value: Value, to out: inout [UInt8]) {
        func u32(_ n: Int) { withUnsafeBytes(of: UInt32(n).littleEndian) { out += $0 } }
        func string(_ s: String) { u32(s.utf8.count); out += s.utf8 }
        switch value {
        case .null: out.append(0)
        case .bool(let b): out.append(b ? 2 : 1)
        case .int(let i): out.append(3); withUnsafeBytes(of: i.littleEndian) { out += $0 }
        case .double(let d): out.append(4); withUnsafeBytes(of: d.bitPattern.littleEndian) { out += $0 }
        case .string(let s): out.append(5); string(s)
        case .array(let items):
            out.append(6); u32(items.count)
            for item in items { write(item, to: &out) }
        case .keyed(let pairs, let order):
            out.append(7); u32(order.count)
            for key in order { string(key); write(pairs[key]!, to: &out) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, bytes.count - position >= n else { throw Failure(description: "truncated") }
            defer { position += n }
            return bytes[position..<position + n]
        }

        mutating func u64() throws -> UInt64 {
            try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }

        mutating func count() throws -> Int {
            Int(try take(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        }

        mutating func string() throws -> String {
            String(decoding: try take(try count()), as: UTF8.self)
        }

        mutating func value(depth: Int) throws -> Value {
            guard depth < 64 else { throw Failure(description: "nested too deep") }
            switch try take(1).first! {
            case 0: return .null
            case 1: return .bool(false)
            case 2: return .bool(true)
            case 3: return .int(Int64(bitPattern: try u64()))
            case 4: return .double(Double(bitPattern: try u64()))
            case 5: return .string(try string())
            case 6:
                let n = try count()
                var items: [Value] = []
                items.reserveCapacity(min(n, bytes.count))
                for _ in 0..<n { items.append(try value(depth: depth + 1)) }
                return .array(items)
            case 7:
                let n = try count()
                var pairs: [String: Value] = [:]
                var order: [String] = []
                for _ in 0..<n {
                    let key = try string()
                    pairs[key] = try value(depth: depth + 1)
                    order.append(key)
                }
                return .keyed(pairs, order: order)
            default:
                throw Failure(description: "unknown tag")
            }
        }
    }

    // MARK: encoding

    /// A value under construction (containers fill it in place).
    final class Node {
        var value: Value = .null
        var items: [Node]? = nil
        var pairs: [(String, Node)]? = nil

        func finish() {
            if let items { items.forEach { $0.finish() }; value = .array(items.map(\.value)) }
            if let pairs {
                pairs.forEach { $0.1.finish() }
                var dict: [String: Value] = [:]
                for (k, n) in pairs { dict[k] = n.value }
                // The last write of a key wins, once, where it was first written.
                var seen = Set<String>()
                value = .keyed(dict, order: pairs.map(\.0).filter { seen.insert($0).inserted })
            }
        }
    }

    private struct TreeEncoder: Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.pairs == nil { node.pairs = [] }
            return KeyedEncodingContainer(KeyedEncoder<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.items == nil { node.items = [] }
            return UnkeyedEncoder(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleEncoder(node: node, codingPath: codingPath)
        }
    }

    private struct KeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        func child(_ key: Key) -> Node {
            let n = Node()
            node.pairs!.append((key.stringValue, n))
            return n
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let n = child(key)
            try value.encode(to: TreeEncoder(node: n, codingPath: codingPath + [key]))
            n.finish()
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            TreeEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { TreeEncoder(node: node, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: child(key), codingPath: codingPath + [key]) }
    }

    private struct UnkeyedEncoder: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.items!.count }

        func child() -> Node {
            let n = Node()
            node.items!.append(n)
            return n
        }

        mutating func encodeNil() throws { child().value = .null }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let n = child()
            try value.encode(to: TreeEncoder(node: n, codingPath: codingPath))
            n.finish()
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(node: child(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            TreeEncoder(node: child(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { TreeEncoder(node: child(), codingPath: codingPath) }
    }

    private struct SingleEncoder: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.value = .null }
        mutating func encode(_ value: Bool) throws { node.value = .bool(value) }
        mutating func encode(_ value: String) throws { node.value = .string(value) }
        mutating func encode(_ value: Double) throws { node.value = .double(value) }
        mutating func encode(_ value: Float) throws { node.value = .double(Double(value)) }
        mutating func encode(_ value: Int) throws { node.value = .int(Int64(value)) }
        mutating func encode(_ value: Int8) throws { node.value = .int(Int64(value)) }
        mutating func encode(_ value: Int16) throws { node.value = .int(Int64(value)) }
        mutating func encode(_ value: Int32) throws { node.value = .int(Int64(value)) }
        mutating func encode(_ value: Int64) throws { node.value = .int(value) }
        mutating func encode(_ value: UInt) throws { node.value = .int(Int64(bitPattern: UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { node.value = .int(Int64(value)) }
        mutating func encode(_ value: UInt16) throws { node.value = .int(Int64(value)) }
        mutating func encode(_ value: UInt32) throws { node.value = .int(Int64(value)) }
        mutating func encode(_ value: UInt64) throws { node.value = .int(Int64(bitPattern: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
            node.finish()
        }
    }

    // MARK: decoding

    private struct TreeDecoder: Decoder {
        let value: Value
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func mismatch(_ expected: String) -> DecodingError {
            .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected)"))
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .keyed(let pairs, let order) = value else { throw mismatch("a keyed value") }
            return KeyedDecodingContainer(KeyedDecoder<Key>(pairs: pairs, order: order, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let items) = value else { throw mismatch("an array") }
            return UnkeyedDecoder(items: items, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleDecoder(value: value, codingPath: codingPath)
        }
    }

    private struct KeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let pairs: [String: Value]
        let order: [String]
        let codingPath: [any CodingKey]
        var allKeys: [Key] { order.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { pairs[key.stringValue] != nil }

        func value(_ key: Key) throws -> Value {
            guard let v = pairs[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value"))
            }
            return v
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try value(key) { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: TreeDecoder(value: try value(key), codingPath: codingPath + [key]))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try TreeDecoder(value: try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try TreeDecoder(value: try value(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { TreeDecoder(value: .keyed(pairs, order: order), codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { TreeDecoder(value: try value(key), codingPath: codingPath + [key]) }
    }

    private struct UnkeyedDecoder: UnkeyedDecodingContainer {
        let items: [Value]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        mutating func next() throws -> Value {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "no more items"))
            }
            defer { currentIndex += 1 }
            return items[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, case .null = items[currentIndex] else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try T(from: TreeDecoder(value: try next(), codingPath: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try TreeDecoder(value: try next(), codingPath: codingPath).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try TreeDecoder(value: try next(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { TreeDecoder(value: try next(), codingPath: codingPath) }
    }

    private struct SingleDecoder: SingleValueDecodingContainer {
        let value: Value
        let codingPath: [any CodingKey]

        func mismatch(_ expected: String) -> DecodingError {
            .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected)"))
        }

        func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            guard case .int(let i) = value else { throw mismatch("an integer") }
            guard let exact = I(exactly: i) ?? (I.isSigned ? nil : I(exactly: UInt64(bitPattern: i))) else {
                throw mismatch("an integer that fits \(I.self)")
            }
            return exact
        }

        func decodeNil() -> Bool { if case .null = value { return true }; return false }
        func decode(_ type: Bool.Type) throws -> Bool { guard case .bool(let b) = value else { throw mismatch("a boolean") }; return b }
        func decode(_ type: String.Type) throws -> String { guard case .string(let s) = value else { throw mismatch("a string") }; return s }
        func decode(_ type: Double.Type) throws -> Double {
            switch value {
            case .double(let d): return d
            case .int(let i): return Double(i)
            default: throw mismatch("a number")
            }
        }
        func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
        func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(Int64.self) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: TreeDecoder(value: value, codingPath: codingPath)) }
    }
}
