/// SHA-1 of a byte buffer: the checksum git puts at the end of its index,
/// pack and pack index files. Used only to tell which file is damaged (on an
/// error path, and once per write for the index), so plain and small.
enum SHA1 {
    static func digest(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        var state = State()
        let whole = data.count / 64 * 64
        if let base = data.baseAddress {
            var offset = 0
            while offset < whole { state.block(base + offset); offset += 64 }
        }
        // The tail, the 0x80 bit, zeros and the length in bits (big-endian).
        var tail = Array(data[whole...]) + [0x80]
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = UInt64(data.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBytes { t in
            var o = 0
            while o < t.count { state.block(t.baseAddress! + o); o += 64 }
        }
        var out: [UInt8] = []
        for word in [state.h0, state.h1, state.h2, state.h3, state.h4] {
            out += [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)]
        }
        return out
    }

    private struct State {
        var h0: UInt32 = 0x67452301, h1: UInt32 = 0xEFCDAB89, h2: UInt32 = 0x98BADCFE, h3: UInt32 = 0x10325476, h4: UInt32 = 0xC3D2E1F0
        /// The message schedule: 16 words, rolled (w[i & 15]), not 80.
        var w = (UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0),
                 UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0))

        @inline(__always)
        mutating func block(_ p: UnsafeRawPointer) {
            var a = h0, b = h1, c = h2, d = h3, e = h4
            withUnsafeMutableBytes(of: &w) { raw in
                let w = raw.baseAddress!.assumingMemoryBound(to: UInt32.self)
                for i in 0..<16 { w[i] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
                @inline(__always) func word(_ i: Int) -> UInt32 {
                    if i < 16 { return w[i] }
                    let x = w[(i &- 3) & 15] ^ w[(i &- 8) & 15] ^ w[(i &- 14) & 15] ^ w[i & 15]
                    w[i & 15] = x << 1 | x >> 31
                    return w[i & 15]
                }
                @inline(__always) func round(_ f: UInt32, _ k: UInt32, _ i: Int) {
                    let t = (a << 5 | a >> 27) &+ f &+ e &+ k &+ word(i)
                    e = d; d = c; c = b << 30 | b >> 2; b = a; a = t
                }
                // Four loops, one per round function: no branch per round.
                for i in 0..<20 { round((b & c) | (~b & d), 0x5A827999, i) }
                for i in 20..<40 { round(b ^ c ^ d, 0x6ED9EBA1, i) }
                for i in 40..<60 { round((b & c) | (b & d) | (c & d), 0x8F1BBCDC, i) }
                for i in 60..<80 { round(b ^ c ^ d, 0xCA62C1D6, i) }
            }
            h0 = h0 &+ a; h1 = h1 &+ b; h2 = h2 &+ c; h3 = h3 &+ d; h4 = h4 &+ e
        }
    }

    /// True when the file's last 20 bytes are the SHA-1 of the bytes before them.
    static func trailerMatches(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20 else { return false }
        return bytes.withUnsafeBytes { raw in
            digest(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 20)])) == Array(bytes[(bytes.count - 20)...])
        }
    }
}
