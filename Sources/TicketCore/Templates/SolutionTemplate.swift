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

    /// A short digest (FNV-1a, 64 bits, hex) of ``content``: binds an
    /// approval to the text approved, so any later change of the content
    /// (by gitdesk, by hand, by a merge) shows as a stale approval. Not a
    /// security measure: who may write an approval is the validator's job.
    public var contentDigest: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for key in content.keys.sorted() {
            for byte in "\(key)=\(content[key]!)\n".utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

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
