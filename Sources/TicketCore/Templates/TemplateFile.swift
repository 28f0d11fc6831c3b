/// The template file: the ticket file format (``TicketFile``) with the
/// template's own field order.
///
/// ```
/// ---
/// id: order-missing-after-payment
/// title: 支付成功但订单未生成
/// type: complaint
/// module: APP-订单支付
/// tags: 支付, 订单
/// major: true
/// approved_by: wang
/// approved_at: 2024-05-02T10:00:00+08:00
/// approved_hash: 5c1d0f5e2b8a9e71
/// ---
///
/// ## root_cause
///
/// 支付回调接口超时，订单未同步
///
/// ## steps
///
/// 1. 核对支付流水 ...
///
/// ## customer_wording
///
/// 您好，您的订单已补发 ...
///
/// ## log
///
/// - 2024-05-01T16:00:00+08:00 zhang: 新建模板
/// ```
public enum TemplateFile {
    /// The folder of the library.
    public static let directory = "templates"

    /// One-line fields in the front matter, then the long texts as sections.
    public static let layout = TicketLayout(
        frontMatter: ["id", "title", "type", "subtype", "module", "tags", "major", "source",
                      "approved_by", "approved_at", "approved_hash"],
        sections: ["root_cause", "steps", "customer_wording", "notes"])

    /// Fields a template must have.
    public static let required = ["id", "title", "type", "root_cause", "steps"]

    /// Every field a template may hold.
    public static var knownFields: [String] { layout.frontMatter + layout.sections }

    /// The path of template `slug`.
    public static func path(slug: String) -> String { "\(directory)/\(slug).md" }

    /// The slug of `templates/<slug>.md`; nil for any other path (README.md included).
    public static func slug(fromPath path: String) -> String? {
        guard path.hasPrefix(directory + "/"), path.hasSuffix(".md") else { return nil }
        let name = String(path.dropFirst(directory.count + 1).dropLast(3))
        guard !name.contains("/"), name != "README" else { return nil }
        return name
    }

    /// True for a path the library's rules judge: a Markdown file directly in templates/, README.md aside.
    public static func isTemplatePath(_ path: String) -> Bool {
        guard path.hasPrefix(directory + "/"), path.hasSuffix(".md") else { return false }
        let name = path.dropFirst(directory.count + 1)
        return !name.contains("/") && name != "README.md"
    }

    /// True if `bytes` declare a template: the first line that is not blank
    /// is `---` (a front matter). Other Markdown under templates/ (a masking
    /// guide, free-form notes from before the library had a format) is free
    /// text: never offered by `template list` or `resolve --template`, and
    /// judged only by the privacy scan of files outside tickets/.
    public static func declaresTemplate(_ bytes: [UInt8]) -> Bool {
        var text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let first = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first { !$0.trimmed().isEmpty }
        return first?.trimmed() == "---"
    }

    /// Slugs: lowercase ASCII letters, digits and `-`, 1–64 long, starting with a letter or digit
    /// (a file name that reads the same on every system and in a URL).
    public static func isValidSlug(_ s: String) -> Bool {
        guard let f = s.utf8.first, s.utf8.count <= 64, (f >= 97 && f <= 122) || (f >= 48 && f <= 57) else { return false }
        return s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    public static func render(_ template: SolutionTemplate) -> String {
        TicketFile.render(template.document, layout: layout)
    }

    /// Reads a template file; a parse error speaks of a template, not a ticket.
    public static func parse(bytes: [UInt8]) throws(TicketFileError) -> (template: SolutionTemplate, lines: ParsedTicket) {
        do {
            let parsed = try TicketFile.parse(bytes: bytes)
            return (SolutionTemplate(parsed.ticket), parsed)
        } catch {
            if case .malformed(let line, let message) = error, message.key == .parseNoOpeningDashes {
                throw .malformed(line: line, Message(.parseTemplateNoOpeningDashes))
            }
            throw error
        }
    }
}
