import Foundation
import PropertyBased
import TestSupport
import Testing
import TicketCore

/// Issue 8 item 9 (the privacy half): no finding, error or JSON output of the
/// privacy checks names a raw value. Every value of the sample corpus is put
/// into a ticket's fields and free text; every message the checks produce is
/// searched for the value as typed and for its bare digits.
@Suite("PII never in a message")
struct PIIMessageTests {
    /// What a message must not contain for `value`: the value as typed, its
    /// digits without separators (10 or more), an e-mail's local part.
    static func rawForms(of value: String) -> [String] {
        var forms = [value]
        let digits = String(value.unicodeScalars.compactMap { u -> Character? in
            let v = u.value >= 0xFF10 && u.value <= 0xFF19 ? u.value - 0xFEE0 : u.value
            return (0x30...0x39).contains(v) ? Character(Unicode.Scalar(v)!) : nil
        })
        if digits.count >= 10 { forms.append(digits) }
        // An e-mail's local part with its @ (the mask keeps only its first
        // character); alone too when long enough not to occur by chance (`pii`).
        if let at = value.firstIndex(where: { $0 == "@" || $0 == "＠" }), value.distance(from: value.startIndex, to: at) > 1 {
            let local = String(value[..<at])
            forms.append(local + "@")
            if local.count >= 5 { forms.append(local) }
        }
        return forms
    }

    static func ticket(_ value: String) throws -> ParsedTicket {
        try TicketFile.parse("""
            ---
            id: CS-20240501-QSHGER
            created: 2024-05-01T14:30:00+08:00
            title: 来电 \(value)
            status: new
            type: complaint
            channel: phone
            priority: high
            module: \(value)
            customer_id: \(value)
            contact: \(value)
            ---

            ## description

            客户说 \(value) 请回电

            """)
    }

    static func messages(for value: String) throws -> [String] {
        let schema = try SchemaLoader.loadDefault()
        let parsed = try ticket(value)
        let findings = PrivacyRule().check(ValidationContext(schema: schema, team: nil, path: "tickets/2024/05/x.md",
                                                             old: nil, new: parsed, author: nil))
        var out = findings.map(\.description)
        if let json = try? JSONEncoder().encode(findings) { out.append(String(decoding: json, as: UTF8.self)) }
        out += PrivacyRule.scanCommitMessage("called \(value)", file: "COMMIT_MSG", policy: schema.privacy).map(\.description)
        var strict = schema.privacy
        strict.strict = true
        for field in ["title", "module", "customer_id", "description"] {
            do { _ = try PrivacyGuard.apply(policy: strict, field: field, text: "客户 \(value)") } catch {
                out.append(error.description)
            }
        }
        var strictSchema = schema
        strictSchema.privacy = strict
        do { _ = try PrivacyGuard.apply(schema: strictSchema, to: parsed.ticket, old: nil) } catch {
            out.append(error.description)
        }
        out += PIIScanner.scan(value).map(\.description)
        return out
    }

    @Test("generated values of every kind and shape")
    func generated() async throws {
        await propertyCheck(count: 120, input: PIIGen.typedValue) { pii in
            let value = pii.context + pii.value
            let messages: [String]
            do { messages = try Self.messages(for: value) } catch {
                Issue.record("\(pii) does not parse as a ticket: \(error)")
                return
            }
            #expect(messages.count >= 5, "\(pii): \(messages)")  // something was found and reported
            for message in messages {
                for raw in Self.rawForms(of: pii.value) {
                    #expect(!message.contains(raw), "\(pii): \(message)")
                }
            }
        }
    }

    @Test("the shapes of issue 8", arguments: [
        "138.1234.5678", "138/1234/5678", "138_1234_5678", "138—1234—5678", "138 - 1234 - 5678",
        "1 3 8 1 2 3 4 5 6 7 8", "QQ13812345678", "wx13812345678", "13812345678a", "name@qq。com",
        "一三八一二三四五六七八", "Tel: 010-62345678", "Phone (office): 021 62345678 ext. 802",
    ])
    func shapes(value: String) throws {
        let messages = try Self.messages(for: value)
        #expect(messages.count >= 5, "\(messages)")
        for message in messages {
            for raw in Self.rawForms(of: value) { #expect(!message.contains(raw), "\(message)") }
            #expect(!message.contains("1234") || message.contains("****"), "\(message)")
            #expect(!message.contains("一三八一二三四"), "\(message)")
        }
    }
}
