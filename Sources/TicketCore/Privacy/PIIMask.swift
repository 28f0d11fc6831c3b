/// The masked forms that replace found values. Every mask keeps a few
/// digits so people can still tell numbers apart, puts `*` between visible
/// digits (which is what makes a masked value recognisable and never matched
/// again) and is written without separators.
enum PIIMask {
    static func digits(_ v: some Collection<UInt8>) -> String {
        String(decoding: v.map { $0 == 10 ? UInt8(ascii: "X") : $0 + 0x30 }, as: UTF8.self)
    }

    static func stars(_ n: Int) -> String { String(repeating: "*", count: max(0, n)) }

    /// `138****5678`: first 3 and last 4 of the 11-digit national number.
    static func mobile(_ v: [UInt8]) -> String {
        digits(v.prefix(3)) + "****" + digits(v.suffix(4))
    }

    /// `****5678`: the local number with only its last 4 digits; the area
    /// code before it stays as typed (`010-****5678`).
    static func landlineLocal(_ v: [UInt8]) -> String {
        stars(v.count - 4) + digits(v.suffix(4))
    }

    /// `1***************2X`: same length, first 1 and last 2 visible.
    static func residentID(_ v: [UInt8]) -> String {
        digits(v.prefix(1)) + stars(v.count - 3) + digits(v.suffix(2))
    }

    /// `622848******1234`: same length, first 6 and last 4 visible.
    static func bankCard(_ v: [UInt8]) -> String {
        digits(v.prefix(6)) + stars(v.count - 10) + digits(v.suffix(4))
    }
}
