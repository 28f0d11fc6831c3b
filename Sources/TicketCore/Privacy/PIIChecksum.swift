import Foundation

/// The check-digit and structure rules behind ``PIIScanner``, public so that
/// tests, benchmarks and fuzzers can generate valid values.
///
/// Digits are passed as values `0...9`; in a resident ID the check character
/// `X` is the value `10`.
public enum PIIChecksum {
    // MARK: Luhn (bank cards)

    /// True when `digits` pass the Luhn (mod 10) check.
    public static func luhnIsValid(_ digits: some Collection<UInt8>) -> Bool {
        var sum = 0
        var double = false
        for d in digits.reversed() {
            guard d <= 9 else { return false }
            var v = Int(d)
            if double {
                v *= 2
                if v > 9 { v -= 9 }
            }
            sum += v
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// The Luhn check digit that makes `payload + [digit]` valid.
    public static func luhnCheckDigit(for payload: [UInt8]) -> UInt8 {
        for d: UInt8 in 0...9 where luhnIsValid(payload + [d]) { return d }
        return 0  // unreachable: exactly one digit fits
    }

    /// True when a card number of this length starts with an issuer prefix
    /// used by cards issued in China: 3 (JCB/Amex), 4 (Visa), 5 (Mastercard),
    /// 6 (UnionPay 62, Discover), 9 (legacy domestic cards), or Mastercard's
    /// 2221–2720 range. Order numbers and timestamps (2024…, 1…) fail it.
    public static func cardPrefixIsPlausible(_ digits: some Collection<UInt8>) -> Bool {
        guard let first = digits.first else { return false }
        switch first {
        case 3, 4, 5, 6, 9: return true
        case 2:
            var v = 0
            for d in digits.prefix(4) { v = v * 10 + Int(d) }
            return (2221...2720).contains(v)
        default: return false
        }
    }

    // MARK: Resident ID (ISO 7064 MOD 11-2)

    private static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let idCheckTable: [UInt8] = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The ISO 7064 MOD 11-2 check character (`0...9`, or `10` for `X`) of the
    /// first 17 digits of an 18-digit resident ID.
    public static func residentIDCheck(for first17: some Collection<UInt8>) -> UInt8 {
        var sum = 0
        for (d, w) in zip(first17, idWeights) { sum += Int(d) * w }
        return idCheckTable[sum % 11]
    }

    /// Province codes (the first two digits) that resident IDs start with:
    /// 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 and the residence-permit
    /// codes 81–83.
    public static func provinceIsValid(_ code: Int) -> Bool {
        switch code {
        case 11...15, 21...23, 31...37, 41...46, 50...54, 61...65, 71, 81...83: true
        default: false
        }
    }

    /// The current year (UTC), the latest plausible birth year.
    public static let currentYear: Int = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: Date())
    }()

    /// True for a real calendar date between 1900-01-01 and the end of the current year.
    public static func birthDateIsValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...currentYear).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// True when 18 values (17 digits and a check value `0...10`) form a
    /// valid resident ID: known province, real birth date, correct check character.
    public static func residentID18IsValid(_ v: [UInt8]) -> Bool {
        guard v.count == 18 else { return false }
        for d in v.prefix(17) where d > 9 { return false }
        guard provinceIsValid(Int(v[0]) * 10 + Int(v[1])) else { return false }
        let year = Int(v[6]) * 1000 + Int(v[7]) * 100 + Int(v[8]) * 10 + Int(v[9])
        let month = Int(v[10]) * 10 + Int(v[11])
        let day = Int(v[12]) * 10 + Int(v[13])
        guard birthDateIsValid(year: year, month: month, day: day) else { return false }
        return residentIDCheck(for: v.prefix(17)) == v[17]
    }

    /// True when 15 digits form a plausible legacy (1st-generation) resident
    /// ID: known province and a real birth date `YYMMDD` in the 1900s. Such
    /// IDs carry no check digit, so the scanner also wants a context word.
    public static func residentID15IsValid(_ v: [UInt8]) -> Bool {
        guard v.count == 15 else { return false }
        for d in v where d > 9 { return false }
        guard provinceIsValid(Int(v[0]) * 10 + Int(v[1])) else { return false }
        let year = 1900 + Int(v[6]) * 10 + Int(v[7])
        let month = Int(v[8]) * 10 + Int(v[9])
        let day = Int(v[10]) * 10 + Int(v[11])
        return birthDateIsValid(year: year, month: month, day: day)
    }
}
