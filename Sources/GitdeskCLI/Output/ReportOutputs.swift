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
            var out = CSVWriter.line(["time", "operator", "text"])
            for s in r.steps { out += CSVWriter.line([s.time.iso8601, s.operatorHandle, s.text]) }
            return out
        case .html:
            let body = ReportHTML.escape(r.markdown(language, headingLevel: 0))
            let title = ReportHTML.escape((zh ? "问题处理报告 " : "Processing report ") + r.id)
            return """
                <!DOCTYPE html>
                <html lang="\(zh ? "zh-CN" : "en")">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <title>\(title)</title>
                <style>\(ReportHTML.style) pre{white-space:pre-wrap;font-family:inherit}</style>
                </head>
                <body>
                <h1>\(title)</h1>
                <pre>\(body)</pre>
                </body>
                </html>

                """
        }
    }

    func json() -> JSONValue {
        let r = report
        func steps(_ list: [TicketReport.Step]) -> JSONValue {
            .array(list.map { .object([("time", .string($0.time.iso8601)), ("operator", .string($0.operatorHandle)), ("text", .string($0.text))]) })
        }
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            ("id", .string(r.id)), ("title", .string(r.title)), ("created", .string(r.created.iso8601)),
            ("status", .string(r.statusLabel)), ("type", .string(r.typeLabel)), ("priority", .string(r.priorityLabel)),
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
            return JSONValue.array(result.rows.map { row in
                .object(zip(result.columns, row).map { ($0, $1.map { .string($0) } ?? .null) })
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
