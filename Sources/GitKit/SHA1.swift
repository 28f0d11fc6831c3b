/// SHA-1 of a byte buffer: the checksum git puts at the end of its index,
/// pack and pack index files. Used only to tell which file is damaged (on an
/// error path, and once per write for the index), so plain and small.
enum SHA1 {
    static func digest(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
        var w = [UInt32](repeating: 0, count: 80)
        func block(_ bytes: UnsafeRawBufferPointer, _ offset: Int) {
            for i in 0..<16 {
                let b = offset + i * 4
                w[i] = UInt32(bytes[b]) << 24 | UInt32(bytes[b + 1]) << 16 | UInt32(bytes[b + 2]) << 8 | UInt32(bytes[b + 3])
            }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = h
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
                default: f = b ^ c ^ d; k = 0xCA62C1D6
                }
                let t = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[i]
                e = d; d = c; c = b << 30 | b >> 2; b = a; a = t
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
        let whole = data.count / 64 * 64
        var offset = 0
        while offset < whole { block(data, offset); offset += 64 }
        // The tail, the 0x80 bit, zeros and the length in bits (big-endian).
        var tail = Array(data[whole...]) + [0x80]
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = UInt64(data.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBytes { t in
            var o = 0
            while o < t.count { block(t, o); o += 64 }
        }
        var out: [UInt8] = []
        for word in [h.0, h.1, h.2, h.3, h.4] {
            out += [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)]
        }
        return out
    }

    /// True when the file's last 20 bytes are the SHA-1 of the bytes before them.
    static func trailerMatches(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20 else { return false }
        return bytes.withUnsafeBytes { raw in
            digest(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 20)])) == Array(bytes[(bytes.count - 20)...])
        }
    }
}
