import TestSupport
import Testing
import TicketCore

@Suite("Privacy policy, guard and contact masking")
struct PrivacyPolicyTests {
    @Test("the embedded privacy.yaml is the default policy")
    func embeddedDefault() throws {
        let yaml = PrivacyPolicy.defaultYAML
        #expect(yaml.contains("strict: false"))
        #expect(try PrivacyPolicy.decode(yaml: yaml) == .default)
        #expect(PrivacyPolicy.default.maskedFields == ["contact"])
        #expect(PrivacyPolicy.default.unscannedTypes == [.id, .enum, .person, .department, .datetime, .duration, .rating])
        #expect(PrivacyPolicy.default.maxScanBytes == 8 * 1024 * 1024)
        #expect(PrivacyPolicy.default.commitMessages == .scan)
    }

    @Test("every field is scanned but those whose type cannot hold personal data")
    func scannedFields() throws {
        let schema = try SchemaLoader.loadDefault()
        let policy = schema.privacy
        for field in ["title", "module", "submitter", "customer_id", "extension_reason", "attachments", "description",
                      "notes", "log", "contacts", "a_key_added_by_hand"] {
            #expect(policy.scans(field: field, in: schema), "\(field)")
        }
        for field in ["id", "created", "status", "type", "priority", "assignee", "department", "due", "satisfaction",
                      "contact"] {
            #expect(!policy.scans(field: field, in: schema), "\(field)")
        }
        // A policy written before unscanned_types existed skips nothing, whatever its scanned_fields say.
        let old = try PrivacyPolicy.decode(yaml: "scanned_fields: [title, description]\n")
        #expect(old.unscannedTypes.isEmpty)
        #expect(old.scans(field: "module", in: schema) && old.scans(field: "status", in: schema))
        // scanned_fields can add a field, never exempt one.
        var forced = PrivacyPolicy.default
        forced.scannedFields = ["assignee"]
        #expect(forced.scans(field: "assignee", type: .person))
        #expect(try PrivacyPolicy.decode(yaml: "max_scan_bytes: 1000\n").maxScanBytes == 1000)
        #expect(throws: PrivacyError.self) { try PrivacyPolicy.decode(yaml: "max_scan_bytes: 0\n") }
        #expect(throws: PrivacyError.self) { try PrivacyPolicy.decode(yaml: "unscanned_types: [text]\nx: 1\n") }
        #expect(throws: PrivacyError.self) { try PrivacyPolicy.decode(yaml: "unscanned_types: [nonsense]\n") }
    }

    @Test("keys left out take their default; bad values and unknown keys are refused")
    func decoding() throws {
        let strict = try PrivacyPolicy.decode(yaml: "strict: true\n")
        #expect(strict.strict && strict.maskedFields == ["contact"])
        let some = try PrivacyPolicy.decode(yaml: "kinds: [mobile, email]\ncommit_messages: off\n")
        #expect(some.kinds == [.mobile, .email] && some.commitMessages == .off)
        #expect(try PrivacyPolicy.decode(yaml: "") == .default)
        #expect(throws: PrivacyError.self) { try PrivacyPolicy.decode(yaml: "stict: true\n") }
        #expect(throws: PrivacyError.self) { try PrivacyPolicy.decode(yaml: "kinds: [passport]\n") }
        #expect(throws: PrivacyError.self) { try PrivacyPolicy.decode(yaml: "strict: [\n") }
        do {
            _ = try PrivacyPolicy.decode(yaml: "stict: true\n")
        } catch {
            #expect(error.description.contains("unknown key 'stict'"))
        }
    }

    @Test("free text is masked by default")
    func masksByDefault() throws {
        let out = try PrivacyGuard.apply(policy: .default, field: "description", text: "客户电话13812345678，要求回电")
        #expect(out == "客户电话138****5678，要求回电")
        #expect(try PrivacyGuard.apply(policy: .default, field: "status", type: .enum, text: "13812345678") == "13812345678")
        // A field of unknown type is scanned.
        #expect(try PrivacyGuard.apply(policy: .default, field: "status", text: "13812345678") == "138****5678")
        #expect(try PrivacyGuard.apply(policy: .default, field: PrivacyGuard.commitMessageField,
                                       text: "call 13812345678") == "call 138****5678")
        var off = PrivacyPolicy.default
        off.commitMessages = .off
        #expect(try PrivacyGuard.apply(policy: off, field: PrivacyGuard.commitMessageField,
                                       text: "call 13812345678") == "call 13812345678")
    }

    @Test("strict mode refuses, and the message never shows the raw value")
    func strictRefuses() {
        var policy = PrivacyPolicy.default
        policy.strict = true
        let text = "第一行\n客户电话13812345678，邮箱 li@example.com"
        do {
            _ = try PrivacyGuard.apply(policy: policy, field: "description", text: text)
            Issue.record("expected a refusal")
        } catch {
            #expect(error == .personalDataNotAllowed(field: "description", kind: .mobile, masked: "138****5678",
                                                     line: 2, column: 5, count: 2))
            let message = error.description
            #expect(message.hasPrefix("description: a mobile number (masked: 138****5678) at line 2, column 5"))
            #expect(message.contains("not allowed in strict mode"))
            #expect(!message.contains("13812345678"))
            #expect(!message.contains("li@example.com"))
        }
        // Contact fields are masked, never refused.
        #expect((try? PrivacyGuard.apply(policy: policy, field: "contact", text: "13812345678")) == "138****5678")
        // Clean text passes.
        #expect((try? PrivacyGuard.apply(policy: policy, field: "title", text: "订单未生成")) == "订单未生成")
    }

    @Test("contact values: what counts as masked", arguments: [
        ("138****5678", true), ("尾号5678", true), ("手机尾号5678", true), ("z***@example.com", true),
        ("账号U*456", true), ("-", true), ("", true), ("  ", true), ("微信用户", true),
        ("13812345678", false), ("138 1234 5678", false), ("zhang@example.com", false),
        ("010-62345678", false), ("QQ 12345678", false), ("１３８１２３４５６７８", false),
    ])
    func isMasked(value: String, expected: Bool) {
        #expect(ContactMasking.isMasked(value) == expected)
    }

    @Test("contact values: raw values become their masks", arguments: [
        ("13812345678", "138****5678"), ("+86 138-1234-5678", "+86 138****5678"),
        ("zhang.san@example.com", "z***@example.com"), ("010-62345678", "010-****5678"),
        ("QQ 12345678", "QQ ****5678"), ("尾号5678", "尾号5678"), ("账号U*456", "账号U*456"), ("-", "-"),
        ("张女士 13812345678", "张女士 138****5678"),
    ])
    func maskContact(raw: String, expected: String) {
        let stored = ContactMasking.maskContact(raw)
        #expect(stored == expected)
        #expect(ContactMasking.isMasked(stored))
        #expect(ContactMasking.maskContact(stored) == stored)
    }
}

@Test("policy errors name the key and what is wrong", arguments: [
    ("kinds: [passport]\n", "privacy.yaml: kinds: unknown kind 'passport' (known kinds: mobile, landline, email, resident_id, bank_card)"),
    ("stict: true\n", "privacy.yaml: unknown key 'stict'"),
    ("strict: maybe\n", "privacy.yaml: strict:"),
    ("strict: [\n", "privacy.yaml: not valid YAML"),
    ("masked_fields: contact\n", "privacy.yaml: masked_fields:"),
])
func policyErrorMessages(yaml: String, message: String) {
    #expect {
        _ = try PrivacyPolicy.decode(yaml: yaml)
    } throws: { error in
        (error as? PrivacyError)?.description.hasPrefix(message) == true
    }
}
