import Foundation
import Testing
import PropertyBased
@testable import GitdeskCLI

/// The JSON gitdesk prints is read by scripts: every string must come back
/// exactly as it went in, whatever it holds.
@Suite struct JSONValueTests {
    static let pieces: [String] = ["客户", "支付成功但订单未生成", "a", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}",
                                   "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{3000}", "é", "👩‍💻", "/",
                                   "\u{202E}", "\u{2066}", "\u{200F}", "\u{2069}", "\u{2030}", "\u{2065}"]
    static let strings = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...16).map { $0.joined() }

    func decoded(_ value: JSONValue) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(value.serialised(pretty: false).utf8), options: [.fragmentsAllowed])
    }

    @Test func everyStringRoundTripsAndNoRawControlCharacterIsPrinted() async {
        await propertyCheck(count: 2000, input: Self.strings) { text in
            let printed = JSONValue.string(text).serialised(pretty: false)
            #expect((try? decoded(.string(text))) as? String == text, "\(printed)")
            // No raw control character, line separator or bidi control (they reorder a terminal's line).
            let bidi: Set<UInt32> = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
            #expect(!printed.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 || $0.value == 0x2029 || bidi.contains($0.value) },
                    "\(printed.debugDescription)")
        }
    }

    @Test func escapesAreTheShortOnes() {
        #expect(JSONValue.string("a\"b\\c\nd\te\u{1}\u{2028}").serialised(pretty: false)
                == #""a\"b\\c\nd\te\u0001\u2028""#)
        #expect(JSONValue.string("工单").serialised(pretty: false) == "\"工单\"")
    }

    @Test func objectsKeepTheirKeyOrder() throws {
        let value = JSONValue.object([("id", .string("CS-1")), ("title", .string("标题")), ("log", .array([.null, .int(3)]))])
        #expect(value.serialised(pretty: false).hasPrefix(#"{"id":"CS-1","title":"标题","log":[null,3]"#))
    }
}
