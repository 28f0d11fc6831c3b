import TicketCore
import TicketStore

/// `report ID` in every format.
struct TicketReportOutput {
    let report: TicketReport
    let language: Language

    func render(_ format: ReportCommand.Format) -> String {
        let r = report
        let zh = language == .zh
        switch format {
        case .md: return r.markdown(language)
        case .text: return ((zh ? "问题处理报告 " : "Processing report ") + r.id + "\n\n" + r.markdown(language, headingLevel: 0)).terminalSafe
        case .json: return json().serialised() + "\n"
        case .csv:
            var out = "\u{FEFF}" + CSVWriter.line(["time", "operator", "text"])
            for s in r.steps { out += CSVWriter.line([s.time.iso8601, s.operatorHandle, TicketReport.readable(s.text, language)]) }
            return out
        case .html: return html()
        }
    }

    /// Sections, a table of facts and a table of steps, markers said in words.
    func html() -> String {
        let r = report
        let zh = language == .zh
        func e(_ s: String) -> String { ReportHTML.escape(s) }
        func say(_ z: String, _ en: String) -> String { zh ? z : en }
        let title = e(say("问题处理报告 ", "Processing report ") + r.id)
        let none = "-"
        let facts: [(String, String)] = [
            (say("标题", "Title"), r.title),
            (say("类型 / 优先级 / 状态", "Type / priority / status"), "\(r.typeLabel) / \(r.priorityLabel) / \(r.statusLabel)"),
            (say("提交时间", "Created"), r.created.shortDisplay),
            (say("总时长（小时）", "Duration (hours)"), TicketReport.hours(r.durationSeconds)),
            (say("处理用时（小时，不含等待客户）", "Handling time (hours, customer waits removed)"),
             TicketReport.hours(r.handlingWall) + say("，工作时间 ", ", working hours ") + TicketReport.hours(r.handlingWorking)),
            (say("处理轮次", "Rounds"), String(r.rounds)),
            (say("参与人", "Participants"), r.participants.isEmpty ? none : r.participants.joined(separator: ", ")),
            (say("根因", "Root cause"), r.rootCause ?? none),
            (say("解决方案", "Solution"), r.solution ?? none),
            (say("补偿方案", "Compensation"), r.compensation ?? none),
            (say("反馈结果", "Feedback"), r.feedback ?? none),
            (say("满意度", "Satisfaction"), r.ratings.isEmpty ? none : r.ratings.map { "\($0)★" }.joined(separator: " → ")),
            ("SLA", TicketReport.outcomeLabel(r.slaOutcome, language)),
        ]
        var out = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(title)</title>
            <style>\(ReportHTML.style) td{white-space:pre-wrap}</style>
            </head>
            <body>
            <h1>\(title)</h1>
            <h2>\(say("概要", "Summary"))</h2>
            <table>

            """
        for (k, v) in facts { out += "<tr><th>\(e(k))</th><td>\(e(v))</td></tr>\n" }
        out += "</table>\n"
        func steps(_ heading: String, _ list: [TicketReport.Step]) {
            out += "<h2>\(e(heading))</h2>\n<table>\n<tr><th>\(say("时间", "Time"))</th><th>\(say("操作人", "Operator"))</th><th>\(say("内容", "What"))</th></tr>\n"
            for s in list {
                out += "<tr><td>\(e(s.time.shortDisplay))</td><td>\(e(s.operatorHandle))</td><td>\(e(TicketReport.readable(s.text, language)))</td></tr>\n"
            }
            out += "</table>\n"
        }
        steps(say("处理步骤", "Steps"), r.steps)
        if !r.communication.isEmpty { steps(say("沟通记录", "Communication"), r.communication) }
        return out + "</body>\n</html>\n"
    }

    func json() -> JSONValue {
        let r = report
        func steps(_ list: [TicketReport.Step]) -> JSONValue {
            .array(list.map { .object([("time", .string($0.time.iso8601)), ("operator", .string($0.operatorHandle)), ("text", .string($0.text))]) })
        }
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            ("id", .string(r.id)), ("title", .string(r.title)), ("created", .string(r.created.iso8601)),
            // Keys whatever the language, with their labels alongside (as the period JSON gives them).
            ("status", .string(r.statusKey)), ("status_label", .string(r.statusLabel)),
            ("type", opt(r.typeKey)), ("type_label", .string(r.typeLabel)),
            ("priority", opt(r.priorityKey)), ("priority_label", .string(r.priorityLabel)),
            ("duration_hours", .double((Double(r.durationSeconds) / 3600).reportRounded)),
            ("handling_hours", .double((Double(r.handlingWall) / 3600).reportRounded)),
            ("handling_working_hours", .double((Double(r.handlingWorking) / 3600).reportRounded)),
            ("rounds", .int(r.rounds)), ("participants", .array(r.participants.map { .string($0) })),
            ("root_cause", opt(r.rootCause)), ("solution", opt(r.solution)), ("compensation", opt(r.compensation)),
            ("feedback", opt(r.feedback)), ("ratings", .array(r.ratings.map { .int($0) })),
            ("sla", .string(r.slaOutcome)), ("steps", steps(r.steps)), ("communication", steps(r.communication)),
        ])
    }
}

/// `report --query NAME` in every format.
struct QueryReportOutput {
    let desk: Desk
    let name: String
    let format: ReportCommand.Format
    let language: Language
    var timeout: Double = 10

    func render() throws -> String {
        let result: CustomReportResult
        do { result = try desk.runCustomReport(named: name, limits: CustomReportLimits(seconds: timeout)) } catch { throw CLIError(error.description) }
        let cells = result.rows.map { $0.map { $0 ?? "" } }
        switch format {
        case .csv:
            return CSVWriter.line(result.columns) + cells.map(CSVWriter.line).joined()
        case .json:
            // Numbers SQLite returned as numbers stay numbers; text stays text ("00123" too).
            return JSONValue.array(result.rows.enumerated().map { r, row in
                .object(zip(result.columns, row).enumerated().map { c, pair in
                    let (column, cell) = pair
                    guard let cell else { return (column, .null) }
                    if result.numeric.indices.contains(r), result.numeric[r][c] {
                        if let i = Int(cell) { return (column, .int(i)) }
                        if let d = Double(cell), d.isFinite { return (column, .double(d)) }
                    }
                    return (column, .string(cell))
                })
            }).serialised() + "\n"
        case .md:
            func c(_ s: String) -> String { s.replacingNewlines().split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
            var out = "# \(name)\n\n| " + result.columns.map(c).joined(separator: " | ") + " |\n|" + result.columns.map { _ in "---|" }.joined() + "\n"
            for row in cells { out += "| " + row.map(c).joined(separator: " | ") + " |\n" }
            return out
        case .text:
            var table = TextTable(headers: result.columns)
            for row in cells { table.append(row) }
            return table.render()
        case .html:
            var out = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                + "<title>\(ReportHTML.escape(name))</title>\n<style>\(ReportHTML.style)</style>\n</head>\n<body>\n<h1>\(ReportHTML.escape(name))</h1>\n<table>\n<tr>"
            out += result.columns.map { "<th>\(ReportHTML.escape($0))</th>" }.joined() + "</tr>\n"
            for row in cells { out += "<tr>" + row.map { "<td>\(ReportHTML.escape($0))</td>" }.joined() + "</tr>\n" }
            return out + "</table>\n</body>\n</html>\n"
        }
    }
}
