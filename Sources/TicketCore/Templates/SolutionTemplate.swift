/// One solution template (解决方案模板) of the desk's library (`templates/<slug>.md`).
///
/// Kept as a ``Ticket`` document (fields + an append-only log of who added,
/// edited and approved it) so the file is read and written by ``TicketFile``
/// exactly like a ticket, with ``TemplateFile/layout`` for its field order.
public struct SolutionTemplate: Equatable, Sendable {
    /// The fields and the history log.
    public var document: Ticket

    public init(_ document: Ticket = Ticket()) { self.document = document }

    public subscript(key: String) -> String? {
        get { document[key] }
        set { document[key] = newValue }
    }

    /// The template's name: its file is `templates/<slug>.md`.
    public var slug: String { document["id"] ?? "" }
    public var title: String { document["title"] ?? "" }
    public var type: String? { document["type"] }
    public var subtype: String? { document["subtype"] }
    public var module: String? { document["module"] }
    public var rootCause: String { document["root_cause"] ?? "" }
    public var steps: String { document["steps"] ?? "" }
    public var customerWording: String { document["customer_wording"] ?? "" }
    /// The ticket the template was made from (`template from`).
    public var source: String? { document["source"] }
    /// Tags, written `支付, 订单` in the file.
    public var tags: [String] { Self.tags(document["tags"]) }
    /// A major solution (重大方案: cost, large change): used only once a supervisor approved it.
    public var isMajor: Bool { document["major"] == "true" }

    /// The approval a supervisor recorded, if complete.
    public var approval: Approval? {
        guard let by = document["approved_by"], let at = document["approved_at"], let hash = document["approved_hash"] else { return nil }
        return Approval(by: by, at: at, hash: hash)
    }

    /// True if an approval is recorded and it covers the content as it stands.
    public var isApproved: Bool { approval.map { $0.hash == contentDigest } ?? false }

    /// A major template may be used only when approved.
    public var isUsable: Bool { !isMajor || isApproved }

    /// Who approved, when, and the digest of the content approved.
    public struct Approval: Equatable, Sendable {
        public var by: String
        public var at: String
        public var hash: String
    }

    /// The approval fields; everything else (and not the log) is content.
    public static let approvalKeys = ["approved_by", "approved_at", "approved_hash"]

    /// The content an approval covers: every field but the approval's own.
    public var content: [String: String] {
        document.fields.filter { !Self.approvalKeys.contains($0.key) }
    }

    /// The digest of ``content`` an approval records: `sha256:` and 64 hex
    /// digits of SHA-256 over every content field the format knows, in key
    /// order, each key and value length-prefixed (an absent field marked as
    /// such), so no text can move from one field into another, nor a field
    /// appear or vanish, keeping the digest.
    public var contentDigest: String {
        var bytes: [UInt8] = Array("gitdesk-template-v2\n".utf8)
        func put(_ s: String) { bytes += Array("\(s.utf8.count):".utf8) + Array(s.utf8) }
        let keys = Set(TemplateFile.knownFields).union(content.keys).subtracting(Self.approvalKeys).sorted()
        for key in keys {
            put(key)
            if let value = content[key] { bytes.append(UInt8(ascii: "=")); put(value) } else { bytes.append(UInt8(ascii: "-")) }
        }
        return Self.digestPrefix + SHA256.hex(bytes)
    }

    /// How a current digest starts; a digest without it is of the old form
    /// (FNV-1a, 16 hex digits), which no longer counts as an approval.
    public static let digestPrefix = "sha256:"

    /// True when the recorded approval has the old digest form: shown as
    /// stale with its own reason (a supervisor approves again).
    public var hasOldFormApproval: Bool { approval.map { !$0.hash.hasPrefix(Self.digestPrefix) } ?? false }

    /// Tags from their file form (comma, 、 or ， separated), trimmed, without repeats.
    public static func tags(_ text: String?) -> [String] {
        guard let text else { return [] }
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmed() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Tags in their file form.
    public static func tagsText(_ tags: [String]) -> String { tags.joined(separator: ", ") }
}
