import TicketCore

/// The report as one self-contained HTML page: no script, no external
/// resource (a CSP of `default-src 'none'` forbids any request), inline SVG
/// charts, the system's CJK fonts by name (no web font), and print styles.
struct ReportHTML {
    let presenter: ReportPresenter
    var report: PeriodReport { presenter.report }
    func say(_ zh: String, _ en: String) -> String { presenter.say(zh, en) }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.terminalSafe {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.5}
        h1{font-size:1.6em;border-bottom:2px solid #345;padding-bottom:.3em}
        h2{font-size:1.2em;margin-top:1.6em;color:#345}
        table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
        th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left;vertical-align:top}
        th{background:#eef2f6}
        .charts{display:flex;flex-wrap:wrap;gap:1.5em}
        figure{margin:0;border:1px solid #ddd;padding:.6em;page-break-inside:avoid;break-inside:avoid}
        figcaption{font-weight:bold;margin-bottom:.3em}
        svg text{font-family:inherit;font-size:12px}
        @media print{body{margin:0;max-width:none;font-size:10.5pt}h2{page-break-after:avoid;break-after:avoid}table,figure{page-break-inside:avoid;break-inside:avoid}th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{size:A4;margin:15mm}}
        """

    func render() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(presenter.language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(presenter.title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>\(Self.escape(presenter.title))</h1>\(presenter.calendarNote.map { "\n<p><strong>\(Self.escape($0))</strong></p>" } ?? "")

            """
        out += "<div class=\"charts\">\n"
        out += figure(say("问题类型占比", "Share by type"),
                      horizontalBars(report.byType.map { ($0.label, $0.share * 100, "\($0.count) · \(ReportPresenter.percent($0.share))") }, maximum: 100))
        out += figure(say("每周工单量", "Weekly volume"),
                      columns(report.weekly.map { ($0.label, Double($0.count), String($0.count)) }, maximum: nil, slot: 76))
        out += figure(say("各优先级 SLA 达标率", "SLA compliance by priority"),
                      columns((report.sla + [report.slaTotal]).map { ($0.label, ($0.compliance ?? 0) * 100, ReportPresenter.percent($0.compliance)) },
                              maximum: 100))
        out += figure(say("满意度分布", "Satisfaction distribution"),
                      columns((1...5).map { ("\($0)★", Double(report.satisfaction.distribution[$0 - 1]), String(report.satisfaction.distribution[$0 - 1])) },
                              maximum: nil))
        out += "</div>\n"
        for s in presenter.sections() {
            out += "<h2>\(Self.escape(s.title))</h2>\n<table>\n<thead><tr>"
            out += s.headers.map { "<th>\(Self.escape($0))</th>" }.joined()
            out += "</tr></thead>\n<tbody>\n"
            for row in s.rows { out += "<tr>" + row.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>\n" }
            out += "</tbody>\n</table>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    func figure(_ caption: String, _ svg: String) -> String {
        "<figure><figcaption>\(Self.escape(caption))</figcaption>\n\(svg)</figure>\n"
    }

    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"]

    /// One bar per row, labels on the left.
    /// `maximum` is the full width (100 for shares: a bar shows its share of the whole).
    func horizontalBars(_ rows: [(label: String, value: Double, text: String)], maximum: Double) -> String {
        let width = 420, labelWidth = 110, barMax = 210, rowHeight = 24
        let height = max(rows.count, 1) * rowHeight + 10
        let top = maximum
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">\n"
        if rows.isEmpty { svg += "<text x=\"10\" y=\"20\">\(Self.escape(say("（无数据）", "(no data)")))</text>\n" }
        for (i, row) in rows.enumerated() {
            let y = 5 + i * rowHeight
            let w = top > 0 ? Int((row.value / top * Double(barMax)).rounded()) : 0
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 16)\" text-anchor=\"end\">\(Self.escape(row.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"\(Self.palette[i % Self.palette.count])\"/>"
            svg += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 16)\">\(Self.escape(row.text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Vertical columns with a baseline; `maximum` fixes the scale (100 for percentages).
    func columns(_ rows: [(label: String, value: Double, text: String)], maximum: Double?, slot: Int = 56) -> String {
        let chartHeight = 150, base = chartHeight + 10
        let width = max(rows.count, 1) * slot + 20, height = base + 30
        let top = maximum ?? (rows.map(\.value).max() ?? 0)
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">\n"
        svg += "<line x1=\"10\" y1=\"\(base)\" x2=\"\(width - 10)\" y2=\"\(base)\" stroke=\"#555\"/>\n"
        for (i, row) in rows.enumerated() {
            let x = 10 + i * slot + 8
            let h = top > 0 ? Int((row.value / top * Double(chartHeight - 20)).rounded()) : 0
            svg += "<rect x=\"\(x)\" y=\"\(base - h)\" width=\"\(slot - 16)\" height=\"\(h)\" fill=\"\(Self.palette[i % Self.palette.count])\"/>"
            svg += "<text x=\"\(x + (slot - 16) / 2)\" y=\"\(base - h - 4)\" text-anchor=\"middle\">\(Self.escape(row.text))</text>"
            svg += "<text x=\"\(x + (slot - 16) / 2)\" y=\"\(base + 18)\" text-anchor=\"middle\">\(Self.escape(row.label))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
