internal import CLibGit2

/// A git object id: the 20-byte SHA-1 of a blob, tree, commit or tag.
///
/// A plain value (three machine words), cheap to hash and compare.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    private var w0: UInt64
    private var w1: UInt64
    private var w2: UInt32

    /// Parses 40 hexadecimal digits (either case); nil for anything else.
    public init?(hex: String) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        var high: UInt8? = nil
        for c in hex.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil else { return nil }
        self.init(bytes: bytes)
    }

    /// Wraps 20 raw bytes; nil unless there are exactly 20.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 20 else { return nil }
        (w0, w1, w2) = bytes.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    init(_ oid: git_oid) {
        (w0, w1, w2) = withUnsafeBytes(of: oid.id) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self.init(oid.pointee)
    }

    /// The libgit2 form, for passing to C.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: w0, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: w1, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: w2, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        var value = (w0, w1, w2)
        return withUnsafeBytes(of: &value) { Array($0.prefix(20)) }
    }

    /// The 40 lowercase hexadecimal digits.
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        let raw = bytes
        return String(unsafeUninitializedCapacity: 40) { buffer in
            for (i, byte) in raw.enumerated() {
                buffer[2 * i] = digits[Int(byte >> 4)]
                buffer[2 * i + 1] = digits[Int(byte & 0x0f)]
            }
            return 40
        }
    }

    /// The first `length` hex digits, like `git log --oneline` shows.
    public func shortHex(_ length: Int = 7) -> String {
        String(hex.prefix(length))
    }

    /// Same as ``hex``.
    public var description: String { hex }
}
