import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a table file as text: UTF-8 (with or without a byte-order mark), or
/// GB18030/GBK — what Excel saves as "CSV" on Chinese Windows — converted
/// with the C library's iconv.
enum TextDecoding {
    enum Encoding: String { case utf8 = "UTF-8", gb18030 = "GB18030" }

    static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        if let text = String(validatingUTF8: data) { return (text, .utf8) }
        if let text = convert(data, from: "GB18030") { return (text, .gb18030) }
        return nil
    }

    private static func convert(_ data: Data, from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = [CChar](repeating: 0, count: data.count)
        _ = input.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        var produced = 0
        let ok = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Bool in
                var inPtr = inBuf.baseAddress
                var outPtr = outBuf.baseAddress
                var inLeft = inBuf.count
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                return r != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        return String(validating: output.prefix(produced).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

private extension String {
    init?(validatingUTF8 data: Data) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        self = s
    }
}
