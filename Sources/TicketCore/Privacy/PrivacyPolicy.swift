import Yams

/// A repository's privacy policy (`.gitdesk/schema/privacy.yaml`): which
/// fields are masked, which are scanned, and whether personal data in free
/// text is masked or refused.
///
/// The default policy ships in the binary (`DefaultSchema/privacy.yaml`,
/// which documents every key); ``default`` is the same policy as a value.
public struct PrivacyPolicy: Sendable, Equatable, Codable {
    /// What to do with personal data in commit messages.
    public enum CommitMessages: String, Sendable, Codable, Equatable {
        /// Treat them like a free-text field.
        case scan
        /// Leave them alone.
        case off
    }

    /// Refuse (true) or mask (false) personal data in ``scannedFields``.
    public var strict: Bool
    /// Fields that only ever hold masked contact details; always masked.
    public var maskedFields: [String]
    /// Free-text fields checked for personal data.
    public var scannedFields: [String]
    /// Whether commit messages are checked.
    public var commitMessages: CommitMessages
    /// The kinds looked for.
    public var kinds: [PIIKind]

    /// Creates a policy; omitted values are those of ``default``.
    public init(
        strict: Bool = false,
        maskedFields: [String] = ["contact"],
        scannedFields: [String] = [
            "title", "description", "root_cause", "solution", "compensation", "feedback", "notes", "log",
            "contacts",
        ],
        commitMessages: CommitMessages = .scan,
        kinds: [PIIKind] = PIIKind.allCases
    ) {
        self.strict = strict
        self.maskedFields = maskedFields
        self.scannedFields = scannedFields
        self.commitMessages = commitMessages
        self.kinds = kinds
    }

    /// The default policy: mask, never refuse; `contact` masked; every free-text field scanned.
    public static let `default` = PrivacyPolicy()

    /// The text of the default `privacy.yaml`, as embedded in the binary.
    public static var defaultYAML: String {
        String(decoding: PackageResources.privacy_yaml, as: UTF8.self)
    }

    /// The scanner options this policy asks for.
    public var scanOptions: PIIScanOptions { PIIScanOptions(kinds: Set(kinds)) }

    /// Reads a policy from the text of a `privacy.yaml`. Keys left out take
    /// their default; unknown keys are refused, so a typo (`stict: true`)
    /// does not silently weaken the policy.
    public static func decode(yaml: String) throws(PrivacyError) -> PrivacyPolicy {
        if yaml.allSatisfy({ $0.isWhitespace }) { return .default }
        do {
            return try YAMLDecoder().decode(PrivacyPolicy.self, from: yaml)
        } catch let error as PrivacyError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            if let inner = context.underlyingError as? PrivacyError { throw inner }
            if case let .dataCorrupted(c)? = context.underlyingError as? DecodingError,
               let inner = c.underlyingError as? PrivacyError { throw inner }
            if let yaml = context.underlyingError as? YamlError { throw .invalidPolicy(reason: "not valid YAML: \(yaml)") }
            throw .invalidPolicy(reason: Self.describe(context))
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalidPolicy(reason: Self.describe(context))
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalidPolicy(reason: Self.describe(context))
        } catch {
            throw .invalidPolicy(reason: "not valid YAML (\(error))")
        }
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case strict
        case maskedFields = "masked_fields"
        case scannedFields = "scanned_fields"
        case commitMessages = "commit_messages"
        case kinds
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes from a mapping; see ``decode(yaml:)``.
    public init(from decoder: any Decoder) throws {
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        let all = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = all.allKeys.map(\.stringValue).first(where: { !known.contains($0) }) {
            throw PrivacyError.invalidPolicy(
                reason: "unknown key '\(unknown)' (known keys: \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PrivacyPolicy.default
        strict = try c.decodeIfPresent(Bool.self, forKey: .strict) ?? d.strict
        maskedFields = try c.decodeIfPresent([String].self, forKey: .maskedFields) ?? d.maskedFields
        scannedFields = try c.decodeIfPresent([String].self, forKey: .scannedFields) ?? d.scannedFields
        commitMessages = try c.decodeIfPresent(CommitMessages.self, forKey: .commitMessages) ?? d.commitMessages
        if let names = try c.decodeIfPresent([String].self, forKey: .kinds) {
            kinds = try names.map { name in
                guard let kind = PIIKind(rawValue: name) else {
                    throw PrivacyError.invalidPolicy(
                        reason: "kinds: unknown kind '\(name)' (known kinds: \(PIIKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return kind
            }
        } else {
            kinds = d.kinds
        }
    }
}
