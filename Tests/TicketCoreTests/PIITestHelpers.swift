import TicketCore

/// `first17` plus its MOD 11-2 check character (X for 10).
func idWithCheck(_ first17: String) -> String {
    let v = first17.utf8.map { $0 - 0x30 }
    let c = PIIChecksum.residentIDCheck(for: v)
    return first17 + (c == 10 ? "X" : String(c))
}

/// `first17` with a check character that is wrong.
func idWithWrongCheck(_ first17: String) -> String {
    let v = first17.utf8.map { $0 - 0x30 }
    let c = PIIChecksum.residentIDCheck(for: v)
    return first17 + String((c + 1) % 10)
}

/// `payload` plus its Luhn check digit.
func withLuhn(_ payload: String) -> String {
    let v = payload.utf8.map { $0 - 0x30 }
    return payload + String(PIIChecksum.luhnCheckDigit(for: Array(v)))
}

/// `payload` plus a digit that makes the Luhn check fail.
func withWrongLuhn(_ payload: String) -> String {
    let v = payload.utf8.map { $0 - 0x30 }
    return payload + String((PIIChecksum.luhnCheckDigit(for: Array(v)) + 1) % 10)
}

func kinds(_ text: String) -> [PIIKind] { PIIScanner.scan(text).map(\.kind) }
func masked(_ text: String) -> String { PIIScanner.mask(text).text }
