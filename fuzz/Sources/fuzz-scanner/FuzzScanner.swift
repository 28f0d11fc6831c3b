// fuzz-scanner: the PII scanner's invariants on arbitrary input.
//
// Any input bytes become a String (invalid UTF-8 is repaired, as it would be
// when a ticket file is read). Then:
//   1. scan never crashes; matches are in order, inside the text, on scalar
//      boundaries and never overlap;
//   2. the masked text equals the input outside the replaced ranges;
//   3. the masked text has no findings, and masking it again changes nothing;
//   4. a contact value after maskContact is accepted by isMasked.
// A broken invariant stops the run with a message naming it (the input is
// in the crash file libFuzzer writes, never printed).

import FuzzSupport
import TicketCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScanner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let bytes = Array(text.utf8)

    let matches = PIIScanner.scan(text)
    var last = 0
    for m in matches {
        check(m.utf8Range.lowerBound >= last, "matches overlap or are out of order")
        check(m.utf8Range.upperBound <= bytes.count, "match beyond the end of the text")
        check(!m.utf8Range.isEmpty, "empty match")
        check(isScalarBoundary(bytes, m.utf8Range.lowerBound) && isScalarBoundary(bytes, m.utf8Range.upperBound),
              "match not on scalar boundaries")
        check(!m.masked.isEmpty && m.masked.contains("*"), "mask without stars")
        _ = text[m.range(in: text)]
        last = m.utf8Range.upperBound
    }

    let (masked, maskMatches) = PIIScanner.mask(text)
    check(maskMatches == matches, "mask and scan disagree")
    var rebuilt: [UInt8] = []
    rebuilt.reserveCapacity(bytes.count)
    var pos = 0
    for m in maskMatches {
        rebuilt += bytes[pos..<m.utf8Range.lowerBound]
        rebuilt += Array(m.masked.utf8)
        pos = m.utf8Range.upperBound
    }
    rebuilt += bytes[pos...]
    check(Array(masked.utf8) == rebuilt, "text changed outside the replaced ranges")

    let again = PIIScanner.mask(masked)
    check(again.matches.isEmpty, "masked text still has findings")
    check(again.text == masked, "masking is not idempotent")

    if size <= 256 {
        let stored = ContactMasking.maskContact(text)
        check(ContactMasking.isMasked(stored), "maskContact result is not accepted by isMasked")
    }
    return 0
}

func isScalarBoundary(_ bytes: [UInt8], _ i: Int) -> Bool {
    i == bytes.count || bytes[i] & 0xC0 != 0x80
}

func check(_ condition: Bool, _ invariant: @autoclosure () -> String) {
    if !condition { fatalError("fuzz-scanner invariant broken: \(invariant())") }
}

/// The entry point SwiftPM links as `main`: hands over to libFuzzer.
@_cdecl("fuzz_scanner_main")
public func fuzzScannerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzScanner(data, size)
    }
}
