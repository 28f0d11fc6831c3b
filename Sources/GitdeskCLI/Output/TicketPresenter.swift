import TicketCore
import TicketStore

/// How tickets look on screen and in JSON.
struct TicketPresenter {
    let schema: Schema
    let language: Language
    /// Colours for a terminal (none unless the command was given a palette).
    var palette: Palette = .plain

    /// `label  value` lines, indented, the values lined up (CJK-width aware).
    /// Labels and values are escaped here, so a value may be coloured
    /// (`styles`, one per row) and the lines need no further escaping.
    func aligned(_ rows: [(String, String)], styles: [Palette.Style?] = []) -> String {
        let safe = rows.map { ($0.0.terminalSafe, $0.1.terminalSafe) }
        let width = safe.map { TextTable.displayWidth($0.0) }.max() ?? 0
        return safe.enumerated().map { i, row in
            let style = i < styles.count ? styles[i] : nil
            return "  " + row.0 + String(repeating: " ", count: width - TextTable.displayWidth(row.0)) + "  "
                + palette.paint(row.1, style) + "\n"
        }.joined()
    }

    /// The colour of a field's value on screen: status, priority, deadline.
    func style(of key: String, in ticket: Ticket, sla: SLAStatus?) -> Palette.Style? {
        guard palette.enabled, let value = ticket[key] else { return nil }
        switch key {
        case "status": return Palette.style(status: value, workflow: schema.workflow)
        case "priority": return Palette.style(priority: value)
        case "due": return Palette.style(deadline: sla)
        default: return nil
        }
    }

    /// A phrase in the output language.
    func say(_ zh: String, _ en: String) -> String { language.say(zh, en) }

    /// `show --json` / `list --format json`: every schema field key (null when
    /// empty), then `contacts` and `log`; `show --json` adds `sla`.
    func json(_ ticket: Ticket, sla: SLAStatus? = nil, arrivals: [String: SLAArrival] = [:]) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        for field in schema.fields {
            pairs.append((field.key, value(ticket[field.key], type: field.type)))
        }
        for key in ticket.fields.keys.sorted() where schema.field(key) == nil {
            pairs.append((key, .string(ticket[key]!)))
        }
        pairs.append(("contacts", .array(ticket.contacts.map { c in
            .object([
                ("time", .string(c.time.iso8601)), ("operator", .string(c.operator)),
                ("channel", .string(c.channel)), ("summary", .string(c.summary)),
                ("follow_up", c.followUp.map(JSONValue.string) ?? .null),
                ("by", c.followUpBy.map { .string($0.iso8601) } ?? .null),
                ("done", .bool(c.done)),
            ])
        })))
        pairs.append(("log", .array(ticket.log.map { e in
            .object([("time", .string(e.time.iso8601)), ("operator", .string(e.operator)), ("text", .string(e.text))])
        })))
        if let sla { pairs.append(("sla", json(sla, arrivals: arrivals))) }
        return .object(pairs)
    }

    /// The `sla` object: both clocks, and whether the ticket is paused, overdue or due soon.
    func json(_ sla: SLAStatus, arrivals: [String: SLAArrival] = [:]) -> JSONValue {
        func measure(_ m: SLAMeasure?, _ key: String) -> JSONValue {
            guard let m else { return .null }
            return .object(arrivalJSON(arrivals[key]) + [
                ("state", .string(m.state.rawValue)), ("start", .string(m.start.iso8601)), ("due", .string(m.due.iso8601)),
                ("basis", .string(m.basis.rawValue)), ("elapsed_seconds", .int(Int(m.elapsed))),
                ("remaining_seconds", .int(Int(m.remaining))), ("overrun_seconds", .int(Int(m.overrun))),
                ("paused_seconds", .int(Int(m.paused))), ("stopped", m.stopped.map { .string($0.iso8601) } ?? .null),
            ])
        }
        return .object([
            ("respond", measure(sla.respond, "respond")), ("resolve", measure(sla.resolve, "resolve")),
            ("paused", .bool(sla.pausedNow)), ("overdue", .bool(sla.isOverdue)), ("due_soon", .bool(sla.isDueSoon)),
        ])
    }

    /// The SLA lines of `show`: first response and resolution, each with its
    /// state, deadline, remaining or overrun time and time paused.
    func slaText(_ sla: SLAStatus, expectedBy: Timestamp? = nil, arrivals: [String: SLAArrival] = [:]) -> String {
        let measures = [(say("首次响应", "First response"), sla.respond, "respond"), (say("解决时限", "Resolution"), sla.resolve, "resolve")]
            .compactMap { label, m, key in m.map { (label, $0, key) } }
        var rows = measures.map { label, m, key in (label, summary(m, arrival: arrivals[key])) }
        var styles: [Palette.Style?] = measures.map { _, m, _ in
            m.state == .breached ? .red : m.state == .warning ? .yellow : nil
        }
        if let expectedBy {
            var line = expectedBy.shortDisplay
            if let due = sla.resolve?.due, expectedBy < due { line += say("（早于解决时限）", " (before the SLA deadline)") }
            rows.append((say("客户期望", "Customer expects"), line))
            styles.append(nil)
        }
        guard !rows.isEmpty else { return "" }
        var out = "\n" + say("服务时效", "SLA") + (sla.pausedNow ? say("（等待客户，计时暂停）", " (waiting on the customer: clock paused)") : "") + "\n"
        out += aligned(rows, styles: styles)
        return out
    }

    /// What a write did: `ID: summary`, then each changed field as
    /// `label  old → new` and any contact added, in the output language;
    /// control characters escaped.
    func outcome(_ result: ChangeResult) -> String { outcomeText(result).terminalSafe }

    private func outcomeText(_ result: ChangeResult) -> String {
        // The summary is the commit's subject (English keys, for git log); a
        // Chinese desk reads the operation's name, the changed fields follow by label.
        var out = language == .zh
            ? "\(result.id)：\(Message(.verbatim, ["text": .operation(result.operation)]).render(.zh, labels: schema))\n"
            : "\(result.id): \(result.summary)\n"
        let old = result.previous ?? Ticket()
        let new = result.ticket
        var rows: [(String, String)] = []
        for f in schema.fields where old[f.key] != new[f.key] && f.key != "id" {
            if f.type == .longtext {
                rows.append((f.label(language), new[f.key].map { TextTable.truncate($0, to: 60) } ?? say("（已清除）", "(cleared)")))
                continue
            }
            let before = old[f.key] == nil ? "" : display(old, f.key) + " → "
            rows.append((f.label(language), before + (new[f.key] == nil ? "-" : display(new, f.key))))
        }
        for (i, c) in new.contacts.enumerated() where i >= old.contacts.count || old.contacts[i] != c {
            var line = "#\(i + 1) [\(schema.label(value: c.channel, of: "channel", language))] \(c.summary)"
            if let f = c.followUp { line += " → \(f) · " + (c.done ? say("已完成", "done") : say("待跟进", "open")) }
            rows.append((say("沟通记录", "Contact"), line))
        }
        out += aligned(rows)
        return out
    }

    private func value(_ text: String?, type: FieldType) -> JSONValue {
        guard let text else { return type == .list ? .array([]) : .null }
        switch type {
        case .rating: return Int(text).map(JSONValue.int) ?? .string(text)
        case .list: return .array(text.split(separator: ",").map { .string($0.trimmed()) })
        default: return .string(text)
        }
    }

    /// A field's value with enum labels in the output language. With the
    /// ticket's SLA clocks, `due` is the resolution deadline they count
    /// (pauses added), so one deadline is shown everywhere.
    func display(_ ticket: Ticket, _ key: String, sla: SLAStatus? = nil) -> String {
        if key == "due", let effective = sla?.resolve?.due, ticket["due"] != nil { return effective.shortDisplay }
        guard let v = ticket[key] else { return "" }
        if let type = schema.field(key)?.type, type == .datetime, let t = Timestamp.parse(v) { return t.shortDisplay }
        return schema.label(value: v, of: key, language)
    }

    /// `show` in text: header, fields, SLA, sections, contacts and log;
    /// control characters escaped, so a ticket cannot drive the terminal.
    /// The fields and the SLA lines are escaped piece by piece (their values
    /// may be coloured); the texts, contacts and log as a whole.
    func text(_ ticket: Ticket, sla: SLAStatus? = nil, arrivals: [String: SLAArrival] = [:]) -> String {
        var out = "\(ticket.id)  \(ticket["title"] ?? "")\n".terminalSafe
        let front = schema.fields.filter { $0.type != .longtext && $0.key != "id" && $0.key != "title" && ticket[$0.key] != nil }
        out += aligned(front.map { ($0.label(language), display(ticket, $0.key, sla: sla)) },
                       styles: front.map { style(of: $0.key, in: ticket, sla: sla) })
        if let sla { out += slaText(sla, expectedBy: ticket["expected_by"].flatMap { Timestamp.parse($0) }, arrivals: arrivals) }
        return out + texts(ticket).terminalSafe
    }

    /// The long texts, contacts and log of `show`, unescaped.
    private func texts(_ ticket: Ticket) -> String {
        var out = ""
        for f in schema.fields where f.type == .longtext {
            guard let v = ticket[f.key] else { continue }
            out += "\n\(f.label(language))\n"
            for line in v.split(separator: "\n", omittingEmptySubsequences: false) { out += "  \(line)\n" }
        }
        if !ticket.contacts.isEmpty {
            out += "\n" + say("沟通记录", "Contacts") + "\n"
            for (i, c) in ticket.contacts.enumerated() {
                let channel = schema.label(value: c.channel, of: "channel", language)
                out += "  #\(i + 1) \(c.time.shortDisplay)  \(c.operator)  [\(channel)] \(c.summary)\n"
                if let f = c.followUp {
                    let by = c.followUpBy.map { " (\(say("截止", "by")) \($0.shortDisplay))" } ?? ""
                    let state = c.done ? say("已完成", "done") : say("待跟进", "open")
                    out += "      → \(f)\(by) · \(state)\n"
                }
            }
        }
        if !ticket.log.isEmpty {
            out += "\n" + say("处理记录", "Log") + "\n"
            // Handles are ASCII: pad them so the texts line up.
            let width = ticket.log.map(\.operator.count).max() ?? 0
            let indent = String(repeating: " ", count: 2 + 16 + 2 + width + 2)
            for e in ticket.log {
                // Blank lines and indentation are the writer's (a code block, a pasted trace).
                let lines = e.text.split(separator: "\n", omittingEmptySubsequences: false)
                let who = e.operator + String(repeating: " ", count: width - e.operator.count)
                out += "  \(e.time.shortDisplay)  \(who)  \(lines.first ?? "")\n"
                for more in lines.dropFirst() { out += more.isEmpty ? "\n" : indent + more + "\n" }
            }
        }
        return out
    }
}
