import Yams

/// A repository's privacy policy (`.gitdesk/schema/privacy.yaml`): which
/// fields are masked, which may skip the scan, whether personal data in
/// free text is masked or refused, and how much text one push may ask the
/// server to scan.
///
/// Every field is scanned unless its type is in ``unscannedTypes`` (types
/// whose values cannot hold personal data: enum keys, handles, times,
/// ratings): the list says what may skip the scan, never what is scanned, so
/// a field added to the schema, a hand-written front-matter key or an old
/// desk's privacy.yaml without the key is scanned.
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

    /// Refuse (true) or mask (false) personal data in scanned fields.
    public var strict: Bool
    /// Fields that only ever hold masked contact details; always masked.
    public var maskedFields: [String]
    /// Fields scanned whatever their type (`scanned_fields`, kept from the
    /// first privacy.yaml: it can no longer exempt a field, only add one).
    public var scannedFields: [String]
    /// Field types that may skip the scan (`unscanned_types`): only types
    /// whose values the validator holds to a closed form (enum keys,
    /// handles, times, durations, ratings). Left out of a privacy.yaml:
    /// none, every field is scanned.
    public var unscannedTypes: [FieldType]
    /// At most this many bytes of text one push may ask the server to scan
    /// (`max_scan_bytes`): the pre-receive hook refuses a larger push with
    /// a message rather than hold the server.
    public var maxScanBytes: Int
    /// Whether commit messages are checked.
    public var commitMessages: CommitMessages
    /// The kinds looked for.
    public var kinds: [PIIKind]

    /// Creates a policy; omitted values are those of ``default``.
    public init(
        strict: Bool = false,
        maskedFields: [String] = ["contact"],
        scannedFields: [String] = [],
        unscannedTypes: [FieldType] = PrivacyPolicy.closedTypes,
        commitMessages: CommitMessages = .scan,
        kinds: [PIIKind] = PIIKind.allCases,
        maxScanBytes: Int = PrivacyPolicy.defaultMaxScanBytes
    ) {
        self.strict = strict
        self.maskedFields = maskedFields
        self.scannedFields = scannedFields
        self.unscannedTypes = unscannedTypes
        self.maxScanBytes = maxScanBytes
        self.commitMessages = commitMessages
        self.kinds = kinds
    }

    /// The types whose values cannot hold personal data, because validation
    /// holds them to a closed form: what the default policy lets skip the scan.
    /// `text`, `longtext`, `list` and `contact` can hold anything a person types.
    public static let closedTypes: [FieldType] = [.id, .enum, .person, .department, .datetime, .duration, .rating]

    /// 8 MB: far above any real push of tickets (a ticket is a few KB), low
    /// enough that the scan stays well under a second on the server.
    public static let defaultMaxScanBytes = 8 * 1024 * 1024

    /// True when `field` (of schema type `type`, nil when the schema does not
    /// define it, as for the log and contact sections) is scanned for
    /// personal data. Fields in ``maskedFields`` are masked instead.
    public func scans(field: String, type: FieldType?) -> Bool {
        if maskedFields.contains(field) { return false }
        if scannedFields.contains(field) { return true }
        guard let type else { return true }
        return !unscannedTypes.contains(type)
    }

    /// True when `field` is scanned in `schema`'s tickets.
    public func scans(field: String, in schema: Schema) -> Bool {
        scans(field: field, type: schema.field(field)?.type)
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
        case unscannedTypes = "unscanned_types"
        case commitMessages = "commit_messages"
        case kinds
        case maxScanBytes = "max_scan_bytes"
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
        // Left out (a privacy.yaml written before the key existed): nothing skips the scan.
        unscannedTypes = try c.decodeIfPresent([FieldType].self, forKey: .unscannedTypes) ?? []
        maxScanBytes = try c.decodeIfPresent(Int.self, forKey: .maxScanBytes) ?? d.maxScanBytes
        guard maxScanBytes > 0 else {
            throw PrivacyError.invalidPolicy(reason: "max_scan_bytes: must be a positive number of bytes")
        }
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
