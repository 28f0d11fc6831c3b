import Foundation
import TicketCore
import TicketStore

/// Templates as text (labels in zh or en) and as JSON (stable keys).
struct TemplatePresenter {
    let schema: Schema
    let language: Language

    private func say(_ zh: String, _ en: String) -> String { language.say(zh, en) }
    private func label(_ key: String) -> String { TemplateFields.label(key, language) }

    /// 已批准 / 待批准 / - : where the template stands for `resolve --template`.
    func state(_ t: SolutionTemplate) -> String {
        if t.isApproved { return say("已批准", "approved") }
        if t.isMajor { return say("待批准（重大方案）", "needs approval (major)") }
        return "-"
    }

    private func typeText(_ t: SolutionTemplate) -> String {
        var s = t.type.map { schema.label(value: $0, of: "type", language) } ?? "-"
        if let sub = t.subtype { s += "/" + schema.label(value: sub, of: "subtype", language) }
        return s
    }

    // MARK: Text

    func table(_ templates: [SolutionTemplate]) -> String {
        var table = TextTable(headers: [label("id"), label("title"), label("type"), label("module"), label("tags"), say("状态", "State")])
        for t in templates {
            table.append([t.slug, t.title, typeText(t), t.module ?? "-", t.tags.joined(separator: ", "), state(t)])
        }
        return table.render()
    }

    func text(_ t: SolutionTemplate) -> String {
        var out = "\(label("id")): \(t.slug)\n"
        var rows: [(String, String)] = [
            (label("title"), t.title), (label("type"), typeText(t)), (label("module"), t.module ?? "-"),
            (label("tags"), t.tags.isEmpty ? "-" : t.tags.joined(separator: ", ")),
            (label("major"), t.isMajor ? say("是", "yes") : say("否", "no")),
            (say("状态", "State"), state(t)),
        ]
        if let a = t.approval {
            let at = Timestamp.parse(a.at)?.shortDisplay ?? a.at
            rows.append((label("approved_by"), t.isApproved ? "\(a.by) \(at)"
                : say("\(a.by) \(at)（内容已改，批准失效）", "\(a.by) \(at) (content changed since: not valid)")))
        }
        if let s = t.source { rows.append((label("source"), s)) }
        let width = rows.map { TextTable.displayWidth($0.0) }.max() ?? 0
        for (k, v) in rows { out += k + String(repeating: " ", count: width - TextTable.displayWidth(k)) + "  " + v + "\n" }
        for key in ["root_cause", "steps", "customer_wording", "notes"] {
            guard let v = t[key] else { continue }
            out += "\n## \(label(key))\n\(v)\n"
        }
        if !t.document.log.isEmpty {
            out += "\n## \(say("记录", "Log"))\n"
            for e in t.document.log { out += "- \(e.time.shortDisplay) \(e.operator): \(e.text.replacingOccurrences(of: "\n", with: " / "))\n" }
        }
        return out.terminalSafe
    }

    /// `ID: summary` and what a change did to the template.
    func outcome(_ result: Desk.TemplateChangeResult) -> String {
        var out = "\(result.template.slug): \(result.change.summary)\n"
        out += "\(say("状态", "State")): \(state(result.template))\n"
        return out.terminalSafe
    }

    /// On stderr: what customer data was replaced by placeholders (masked forms only).
    func removalNotice(_ removed: [TemplateScrub.Removal]) -> String? {
        guard !removed.isEmpty else { return nil }
        let items = removed.map { "\($0.kind) \($0.masked)（\(label($0.field))）" }
        return say("gitdesk: 模板不保存客户信息，已替换为占位符：\(items.joined(separator: "，"))",
                   "gitdesk: templates keep no customer data; replaced by placeholders: \(items.joined(separator: ", "))")
    }

    /// On stderr after `template from` on a ticket without feedback: the wording was left empty on purpose.
    func emptyWordingNotice(_ slug: String) -> String {
        say("gitdesk: 工单没有反馈结果，客户话术留空（处理步骤是内部内容，不直接告诉客户）：用 gitdesk template edit \(slug) customer_wording=… 补上",
            "gitdesk: the ticket has no feedback, so the customer wording is left empty (the steps are internal, not a reply): fill it with gitdesk template edit \(slug) customer_wording=…")
    }

    func suggestions(ticket: Ticket, ranked: [(template: SolutionTemplate, score: TemplateSimilarity.Score)]) -> String {
        guard !ranked.isEmpty else { return say("没有相近的模板\n", "no similar template\n") }
        var table = TextTable(headers: [say("得分", "Score"), label("id"), label("title"),
                                        say("类型", "Type") + "×0.3", say("模块", "Module") + "×0.2", say("文本", "Text") + "×0.5", say("状态", "State")])
        for (t, s) in ranked {
            table.append([Self.fixed(s.total), t.slug, t.title, Self.fixed(s.type), Self.fixed(s.module), Self.fixed(s.text), state(t)])
        }
        return table.render()
    }

    static func fixed(_ d: Double) -> String { String(format: "%.3f", d) }

    // MARK: JSON

    func json(_ t: SolutionTemplate, full: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(t.slug)), ("title", .string(t.title)),
            ("type", t.type.map(JSONValue.string) ?? .null), ("subtype", t.subtype.map(JSONValue.string) ?? .null),
            ("module", t.module.map(JSONValue.string) ?? .null), ("tags", .array(t.tags.map(JSONValue.string))),
            ("major", .bool(t.isMajor)), ("approved", .bool(t.isApproved)), ("usable", .bool(t.isUsable)),
            ("approved_by", t.approval.map { .string($0.by) } ?? .null), ("approved_at", t.approval.map { .string($0.at) } ?? .null),
            ("source", t.source.map(JSONValue.string) ?? .null),
        ]
        if full {
            for key in ["root_cause", "steps", "customer_wording", "notes"] { pairs.append((key, t[key].map(JSONValue.string) ?? .null)) }
            pairs.append(("log", .array(t.document.log.map { e in
                .object([("time", .string(e.time.iso8601)), ("operator", .string(e.operator)), ("text", .string(e.text))])
            })))
        }
        return .object(pairs)
    }

    func suggestionsJSON(ticket: Ticket, ranked: [(template: SolutionTemplate, score: TemplateSimilarity.Score)]) -> JSONValue {
        .object([
            ("ticket", .string(ticket.id)),
            ("templates", .array(ranked.map { t, s in
                .object([("id", .string(t.slug)), ("title", .string(t.title)), ("score", .double(Self.rounded(s.total))),
                         ("parts", .object([("type", .double(s.type)), ("module", .double(s.module)), ("text", .double(Self.rounded(s.text)))])),
                         ("usable", .bool(t.isUsable))])
            })),
        ])
    }

    static func rounded(_ d: Double) -> Double { (d * 1000).rounded() / 1000 }
}
