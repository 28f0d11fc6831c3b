import TicketCore

/// Renders a `PeriodReport` as json, text, md and csv (html: `ReportHTML`).
/// Every figure is rounded to two decimals the same way in every format.
struct ReportPresenter {
    let report: PeriodReport
    let language: Language

    func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    // MARK: JSON

    func json() -> JSONValue {
        let r = report
        func num(_ d: Double?) -> JSONValue { d.map { .double($0.reportRounded) } ?? .null }
        func counts(_ list: [PeriodReport.Count]) -> JSONValue {
            .array(list.map { .object([("key", .string($0.key)), ("label", .string($0.label)), ("count", .int($0.count)),
                                       ("share", num($0.share))]) })
        }
        func stats(_ s: DurationStats) -> JSONValue {
            .object([("count", .int(s.count)), ("mean", num(s.mean)), ("median", num(s.median)), ("p90", num(s.p90))])
        }
        func sla(_ row: PeriodReport.SLARow) -> [(String, JSONValue)] {
            [("achieved", .int(row.met)), ("breached", .int(row.breached)), ("compliance", num(row.compliance))]
        }
        func groups(_ list: [PeriodReport.Group]) -> JSONValue {
            .array(list.map { g in .object([
                ("key", .string(g.key)), ("label", .string(g.label)), ("tickets", .int(g.tickets)),
                ("resolved", .int(g.resolved)), ("open", .int(g.open)),
                ("resolution_working_hours_mean", num(g.resolutionWorkingMean)),
                ("sla_achieved", .int(g.slaMet)), ("sla_breached", .int(g.slaBreached)),
                ("satisfaction_average", num(g.satisfactionAverage)),
            ]) })
        }
        return .object([
            ("period", .object([("from", .string(r.period.fromText)), ("to", .string(r.period.toText))])),
            ("computed_at", .string(r.now.iso8601)),
            ("in_progress", .bool(r.inProgress)),
            ("calendar_uncovered_years", .array(r.uncoveredYears.map { .int($0) })),
            ("total", .int(r.total)),
            ("invalid", .int(r.invalid)),
            ("by_type", counts(r.byType)), ("by_subtype", counts(r.bySubtype)), ("by_channel", counts(r.byChannel)),
            ("by_department", counts(r.byDepartment)), ("by_module", counts(r.byModule)),
            ("top_modules", .array(r.topProblems.map { p in .object([
                ("module", .string(p.module)), ("subtype", .string(p.subtype)), ("subtype_label", .string(p.subtypeLabel)),
                ("count", .int(p.count)), ("example", .string(p.example)), ("example_title", .string(p.exampleTitle)),
            ]) })),
            ("first_response_hours", stats(r.firstResponse.wall)),
            ("first_response_working_hours", stats(r.firstResponse.working)),
            ("resolution_hours", stats(r.resolution.wall)),
            ("resolution_working_hours", stats(r.resolution.working)),
            ("sla", .object(sla(r.slaTotal) + [("by_priority", .array(r.sla.map { row in
                .object([("key", .string(row.key)), ("label", .string(row.label))] + sla(row)) }))])),
            ("reopen_rate", num(r.reopenRate)), ("reopened", .int(r.reopened)), ("resolved", .int(r.resolvedOnce)),
            ("satisfaction", .object([
                ("average", num(r.satisfaction.average)), ("share_4_5", num(r.satisfaction.share45)),
                ("count", .int(r.satisfaction.count)), ("distribution", .array(r.satisfaction.distribution.map { .int($0) })),
                ("low_rated", .array(r.satisfaction.low.map { .string($0) })),
            ])),
            ("backlog_age_hours", .object([("count", .int(r.backlog.count)), ("median", num(r.backlog.age.median)),
                                          ("p90", num(r.backlog.age.p90))])),
            ("by_handler", groups(r.byHandler)), ("departments", groups(r.byDepartmentGroup)),
            ("weekly", .array(r.weekly.map { .object([("week", .string($0.label)), ("count", .int($0.count))]) })),
        ])
    }

    // MARK: Shared figures

    static func number(_ d: Double?) -> String {
        guard let d else { return "-" }
        let r = d.reportRounded
        if r == r.rounded() { return String(Int(r)) }
        let text = String(format: "%.2f", r)
        return text.hasSuffix("0") ? String(text.dropLast()) : text
    }

    static func percent(_ d: Double?) -> String {
        guard let d else { return "-" }
        return number(d * 100) + "%"
    }

    /// The report as titled tables: (title, headers, rows).
    func sections() -> [(title: String, headers: [String], rows: [[String]])] {
        let r = report
        let n = Self.number, p = Self.percent
        var out: [(String, [String], [[String]])] = []
        // Each section says which basis it counts by: intake by creation, outcomes by the
        // time they happened (docs/reports.md, "Two bases").
        let created = say("（按创建时间）", " (by creation)"), happened = say("（按发生时间）", " (by event time)")
        out.append((say("概览", "Overview") + created, [say("指标", "Metric"), say("数值", "Value")], [
            [say("统计周期", "Period"), "\(r.period.fromText) ~ \(r.period.toText)"],
            [say("计算时刻", "Computed at"), r.now.shortDisplay
                + (r.inProgress ? say("（周期进行中：截至此刻）", " (period in progress: as of now)") : "")],
            [say("有效工单", "Valid tickets"), String(r.total)],
            [say("无效工单（不计入比率）", "Invalid (excluded from rates)"), String(r.invalid)],
            [say("积压（未结）工单（计算时刻）", "Backlog (open at the moment computed)"), String(r.backlog.count)],
            [say("积压时长 中位数/P90（小时）", "Backlog age median/P90 (h)"), "\(n(r.backlog.age.median)) / \(n(r.backlog.age.p90))"],
        ]))
        out.append((say("重开与满意度", "Reopens and satisfaction") + happened, [say("指标", "Metric"), say("数值", "Value")], [
            [say("重开率", "Reopen rate"), p(r.reopenRate) + " (\(r.reopened)/\(r.resolvedOnce))"],
            [say("满意度均值", "Mean satisfaction"), n(r.satisfaction.average) + (r.satisfaction.average == nil ? "" : "★")],
            [say("4–5 星占比", "Share of 4–5★"), p(r.satisfaction.share45)],
            [say("评分数", "Ratings"), String(r.satisfaction.count)],
            [say("1–2 星工单", "Tickets rated 1–2★"), r.satisfaction.low.isEmpty ? "-" : r.satisfaction.low.joined(separator: " ")],
        ]))
        let countHeaders = [say("分类", "Value"), say("数量", "Count"), say("占比", "Share")]
        for (title, list) in [(say("按问题类型", "By type"), r.byType), (say("按子类型", "By subtype"), r.bySubtype),
                              (say("按渠道", "By channel"), r.byChannel), (say("按责任部门", "By department"), r.byDepartment),
                              (say("按模块", "By module"), r.byModule)] {
            out.append((title + created, countHeaders, list.map { [$0.label, String($0.count), p($0.share)] }))
        }
        out.append((say("高频问题 Top 5", "Top 5 frequent problems") + created,
                    [say("模块", "Module"), say("子类型", "Subtype"), say("数量", "Count"), say("示例工单", "Example")],
                    r.topProblems.map { [$0.module, $0.subtypeLabel, String($0.count), "\($0.example) \($0.exampleTitle)"] }))
        func d(_ count: String) -> [String] { [say("时长（小时）", "Hours"), count, say("均值", "Mean"), say("中位数", "Median"), "P90"] }
        func row(_ label: String, _ s: DurationStats) -> [String] { [label, String(s.count), n(s.mean), n(s.median), n(s.p90)] }
        out.append((say("首次响应", "First response") + created, d(say("工单数", "Tickets")), [
            row(say("首次响应（自然时间）", "First response (wall clock)"), r.firstResponse.wall),
            row(say("首次响应（工作时间）", "First response (working hours)"), r.firstResponse.working),
        ]))
        out.append((say("解决时长（每轮解决）", "Resolution time (each round resolved)") + happened, d(say("轮次", "Rounds")), [
            row(say("解决（自然时间）", "Resolution (wall clock)"), r.resolution.wall),
            row(say("解决（工作时间）", "Resolution (working hours)"), r.resolution.working),
        ]))
        out.append((say("SLA 达标率（按优先级）", "SLA compliance by priority") + happened,
                    [say("优先级", "Priority"), say("达标", "Met"), say("超时", "Breached"), say("达标率", "Compliance")],
                    (r.sla + [r.slaTotal]).map { [$0.label, String($0.met), String($0.breached), p($0.compliance)] }))
        out.append((say("满意度分布", "Satisfaction distribution") + happened, [say("星级", "Stars"), say("数量", "Count")],
                    (1...5).map { ["\($0)★", String(r.satisfaction.distribution[$0 - 1])] }))
        let g = [say("名称", "Name"), say("新建工单", "Tickets created"), say("已解决轮次", "Rounds resolved"), say("未结", "Open"),
                 say("平均解决（工作小时）", "Mean resolution (working h)"), say("SLA 达标/超时", "SLA met/breached"),
                 say("满意度", "Satisfaction")]
        func groupRows(_ list: [PeriodReport.Group]) -> [[String]] {
            list.map { [$0.label, String($0.tickets), String($0.resolved), String($0.open), n($0.resolutionWorkingMean),
                        "\($0.slaMet)/\($0.slaBreached)", n($0.satisfactionAverage)] }
        }
        let mixed = say("（新建、未结按创建时间；其余按发生时间，归属取当时的处理人/部门）",
                        " (created and open by creation; the rest by event time, to the handler/department at the time)")
        out.append((say("按处理人", "By handler") + mixed, g, groupRows(r.byHandler)))
        out.append((say("按部门", "By department (figures)") + mixed, g, groupRows(r.byDepartmentGroup)))
        out.append((say("每周工单量", "Weekly volume") + created, [say("周", "Week"), say("数量", "Count")], r.weekly.map { [$0.label, String($0.count)] }))
        return out
    }

    var title: String { say("客服分析报告", "Customer service report") + " \(report.period.fromText) ~ \(report.period.toText)" }

    /// The calendar warning, once, when the period reaches a year without holidays.
    var calendarNote: String? {
        report.uncoveredYears.isEmpty ? nil
            : Message(.calendarNotCovered, ["years": .texts(report.uncoveredYears.map(String.init))]).render(language)
    }

    // MARK: text, md, csv

    func text() -> String {
        var out = title + "\n" + (calendarNote.map { $0 + "\n" } ?? "")
        for s in sections() {
            out += "\n" + s.title + "\n"
            var table = TextTable(headers: s.headers)
            table.maxColumnWidth = 60
            for row in s.rows { table.append(row) }
            out += table.render()
        }
        return out
    }

    func markdown() -> String {
        func cell(_ s: String) -> String { s.replacingNewlines().split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
        var out = "# " + title + "\n" + (calendarNote.map { "\n> " + $0 + "\n" } ?? "")
        for s in sections() {
            out += "\n## " + s.title + "\n\n"
            out += "| " + s.headers.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + s.headers.map { _ in "---|" }.joined() + "\n"
            for row in s.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        }
        return out
    }

    /// One figure per cell, `section,item,metric,value,numerator,denominator`
    /// (a share or rate with the counts it divides; empty where none): every
    /// table of the report in one long shape a spreadsheet can pivot. A UTF-8
    /// BOM first, as `export` writes, so Excel reads the Chinese; values are
    /// plain numbers (`0.5`, never `50% (2/4)` or `2/1`, which Excel turns into
    /// a date); an empty value is empty.
    func csv() -> String {
        let r = report
        var out = "\u{FEFF}" + CSVWriter.line(["section", "item", "metric", "value", "numerator", "denominator"])
        func num(_ d: Double?) -> String { d.map { ReportPresenter.number($0) } ?? "" }
        func add(_ section: String, _ item: String, _ metric: String, _ value: String, _ n: Int? = nil, _ d: Int? = nil) {
            // A missing value is an empty cell (the text formats' `-` would read as a formula guard `'-`).
            out += CSVWriter.line([section, item == "-" ? "" : item, metric, value == "-" ? "" : value,
                                   n.map(String.init) ?? "", d.map(String.init) ?? ""])
        }
        let created = say("（按创建时间）", " (by creation)"), happened = say("（按发生时间）", " (by event time)")
        let overview = say("概览", "Overview") + created
        add(overview, say("统计周期", "Period"), "from", r.period.fromText)
        add(overview, say("统计周期", "Period"), "to", r.period.toText)
        add(overview, say("计算时刻", "Computed at"), "computed_at", r.now.iso8601)
        if let note = calendarNote { add(overview, say("工作日历", "Calendar"), "note", note) }
        add(overview, say("有效工单", "Valid tickets"), "total", String(r.total))
        add(overview, say("无效工单", "Invalid"), "invalid", String(r.invalid))
        add(overview, say("积压（未结）工单", "Backlog (open)"), "count", String(r.backlog.count))
        add(overview, say("积压时长（小时）", "Backlog age (h)"), "median", num(r.backlog.age.median))
        add(overview, say("积压时长（小时）", "Backlog age (h)"), "p90", num(r.backlog.age.p90))
        let events = say("重开与满意度", "Reopens and satisfaction") + happened
        add(events, say("重开率", "Reopen rate"), "rate", num(r.reopenRate), r.reopened, r.resolvedOnce)
        add(events, say("满意度", "Satisfaction"), "average", num(r.satisfaction.average))
        add(events, say("满意度", "Satisfaction"), "share_4_5", num(r.satisfaction.share45),
            r.satisfaction.distribution[3] + r.satisfaction.distribution[4], r.satisfaction.count)
        add(events, say("满意度", "Satisfaction"), "count", String(r.satisfaction.count))
        for id in r.satisfaction.low { add(events, say("1–2 星工单", "Tickets rated 1–2★"), "ticket", id) }
        for star in 1...5 {
            add(say("满意度分布", "Satisfaction distribution") + happened, "\(star)★", "count", String(r.satisfaction.distribution[star - 1]))
        }
        for (title, list) in [(say("按问题类型", "By type"), r.byType), (say("按子类型", "By subtype"), r.bySubtype),
                              (say("按渠道", "By channel"), r.byChannel), (say("按责任部门", "By department"), r.byDepartment),
                              (say("按模块", "By module"), r.byModule)] {
            for c in list { add(title + created, c.label, "share", num(c.share), c.count, r.total) }
        }
        for (i, p) in r.topProblems.enumerated() {
            let item = "\(i + 1). \(p.module) / \(p.subtypeLabel)"
            add(say("高频问题 Top 5", "Top 5 frequent problems") + created, item, "count", String(p.count))
            add(say("高频问题 Top 5", "Top 5 frequent problems") + created, item, "example", "\(p.example) \(p.exampleTitle)")
        }
        func stats(_ section: String, _ item: String, _ s: DurationStats) {
            add(section, item, "count", String(s.count))
            add(section, item, "mean_hours", num(s.mean))
            add(section, item, "median_hours", num(s.median))
            add(section, item, "p90_hours", num(s.p90))
        }
        stats(say("首次响应", "First response") + created, say("自然时间", "Wall clock"), r.firstResponse.wall)
        stats(say("首次响应", "First response") + created, say("工作时间", "Working hours"), r.firstResponse.working)
        stats(say("解决时长（每轮解决）", "Resolution time (each round resolved)") + happened, say("自然时间", "Wall clock"), r.resolution.wall)
        stats(say("解决时长（每轮解决）", "Resolution time (each round resolved)") + happened, say("工作时间", "Working hours"), r.resolution.working)
        for row in r.sla + [r.slaTotal] {
            add(say("SLA 达标率（按优先级）", "SLA compliance by priority") + happened, row.label, "compliance", num(row.compliance),
                row.met, row.met + row.breached)
        }
        for (title, list) in [(say("按处理人", "By handler"), r.byHandler), (say("按部门", "By department (figures)"), r.byDepartmentGroup)] {
            for g in list {
                add(title, g.label, "tickets_created", String(g.tickets))
                add(title, g.label, "rounds_resolved", String(g.resolved))
                add(title, g.label, "open", String(g.open))
                add(title, g.label, "resolution_working_hours_mean", num(g.resolutionWorkingMean))
                add(title, g.label, "sla_met", String(g.slaMet))
                add(title, g.label, "sla_breached", String(g.slaBreached))
                add(title, g.label, "satisfaction_average", num(g.satisfactionAverage))
            }
        }
        for w in r.weekly { add(say("每周工单量", "Weekly volume") + created, w.label, "count", String(w.count)) }
        return out
    }
}
