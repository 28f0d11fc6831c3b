extension PeriodReport {
    /// The report of `period` at `now` from every ticket that may matter:
    /// those created in the period (the cohort) and those open at `now`
    /// (the backlog). Others are ignored, so a caller may pass more.
    /// `openSince`: creation times of further tickets the caller knows were
    /// open at `now` without reading them (counted in the backlog only).
    public static func build(tickets: [Ticket], openSince: [Timestamp] = [], period: ReportPeriod, now: Timestamp,
                             schema: Schema, lang: Language) -> PeriodReport {
        var cohort: [TicketFacts] = []
        var backlog: [TicketFacts] = []
        for t in tickets {
            guard let f = TicketFacts.read(t, at: now, schema: schema) else { continue }
            if period.contains(f.created) { cohort.append(f) }
            if f.open && !f.invalid { backlog.append(f) }
        }
        cohort.sort { ($0.created, $0.id) < ($1.created, $1.id) }
        let valid = cohort.filter { !$0.invalid }
        let total = valid.count

        func breakdown(_ field: String) -> [Count] {
            var counts: [String: Int] = [:]
            for f in valid { counts[f.fields[field] ?? "", default: 0] += 1 }
            return counts.map { key, n in
                Count(key: key, label: key.isEmpty ? "-" : schema.label(value: key, of: field, lang), count: n,
                      share: Double(n) / Double(max(total, 1)))
            }.sorted { ($1.count, $0.key) < ($0.count, $1.key) }
        }

        var problems: [String: (module: String, subtype: String, count: Int, example: TicketFacts)] = [:]
        for f in valid {
            let module = f.fields["module"] ?? "", subtype = f.fields["subtype"] ?? ""
            let key = module + "\u{1}" + subtype
            if let p = problems[key] { problems[key]!.count = p.count + 1 } else { problems[key] = (module, subtype, 1, f) }
        }
        let top = problems.values.sorted { ($1.count, $0.module, $0.subtype) < ($0.count, $1.module, $1.subtype) }
            .prefix(5).map { p in
                Problem(module: p.module.isEmpty ? "-" : p.module, subtype: p.subtype,
                        subtypeLabel: p.subtype.isEmpty ? "-" : schema.label(value: p.subtype, of: "subtype", lang),
                        count: p.count, example: p.example.id, exampleTitle: p.example.fields["title"] ?? "")
            }

        let responses = valid.compactMap(\.firstResponse)
        let resolutions = valid.compactMap(\.resolution)
        var slaRows: [SLARow] = schema.values(of: "priority").map {
            SLARow(key: $0.key, label: schema.label(value: $0.key, of: "priority", lang), met: 0, breached: 0)
        }
        var slaTotal = SLARow(key: "all", label: lang == .zh ? "合计" : "All", met: 0, breached: 0)
        for f in valid {
            guard let outcome = f.slaOutcome else { continue }
            let i = slaRows.firstIndex { $0.key == (f.fields["priority"] ?? "") }
            if outcome == .met { slaTotal.met += 1; if let i { slaRows[i].met += 1 } }
            if outcome == .breached { slaTotal.breached += 1; if let i { slaRows[i].breached += 1 } }
        }

        let ratings = valid.flatMap(\.ratings)
        var distribution = [0, 0, 0, 0, 0]
        for r in ratings { distribution[r - 1] += 1 }
        let satisfaction = Satisfaction(
            count: ratings.count,
            average: ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count),
            share45: ratings.isEmpty ? nil : Double(ratings.filter { $0 >= 4 }.count) / Double(ratings.count),
            distribution: distribution,
            low: valid.filter { $0.ratings.contains { $0 <= 2 } }.map(\.id))

        func groups(_ field: String, label: (String) -> String) -> [Group] {
            var byKey: [String: [TicketFacts]] = [:]
            for f in valid { byKey[f.fields[field] ?? "", default: []].append(f) }
            return byKey.map { key, fs in
                let res = fs.compactMap(\.resolution)
                let rs = fs.flatMap(\.ratings)
                return Group(key: key, label: key.isEmpty ? "-" : label(key), tickets: fs.count,
                             resolved: res.count, open: fs.filter(\.open).count,
                             resolutionWorkingMean: DurationStats(seconds: res.map(\.working)).mean,
                             slaMet: fs.filter { $0.slaOutcome == .met }.count,
                             slaBreached: fs.filter { $0.slaOutcome == .breached }.count,
                             satisfactionAverage: rs.isEmpty ? nil : Double(rs.reduce(0, +)) / Double(rs.count))
            }.sorted { ($1.tickets, $0.key) < ($0.tickets, $1.key) }
        }

        var weeks: [(key: Int, label: String, count: Int)] = []
        var day = period.firstDay
        while day <= period.lastDay {
            let w = ReportPeriod.isoWeek(day)
            let key = w.year * 100 + w.week
            if weeks.last?.key != key { weeks.append((key, "\(w.year)-W\(w.week < 10 ? "0" : "")\(w.week)", 0)) }
            day += 1
        }
        for f in valid {
            let w = ReportPeriod.isoWeek(period.day(of: f.created))
            if let i = weeks.firstIndex(where: { $0.key == w.year * 100 + w.week }) { weeks[i].count += 1 }
        }

        return PeriodReport(
            period: period, now: now, total: total, invalid: cohort.count - total,
            byType: breakdown("type"), bySubtype: breakdown("subtype"), byChannel: breakdown("channel"),
            byDepartment: breakdown("department"), byModule: breakdown("module"), topProblems: Array(top),
            firstResponse: Durations(wall: DurationStats(seconds: responses.map(\.wall)),
                                     working: DurationStats(seconds: responses.map(\.working))),
            resolution: Durations(wall: DurationStats(seconds: resolutions.map(\.wall)),
                                  working: DurationStats(seconds: resolutions.map(\.working))),
            sla: slaRows, slaTotal: slaTotal,
            resolvedOnce: valid.filter(\.everResolved).count, reopened: valid.filter { $0.everResolved && $0.reopens > 0 }.count,
            satisfaction: satisfaction,
            backlog: Backlog(count: backlog.count + openSince.count,
                             age: DurationStats(seconds: backlog.map { $0.age(at: now) } + openSince.map { max(0, now.seconds - $0.seconds) })),
            byHandler: groups("assignee") { $0 },
            byDepartmentGroup: groups("department") { schema.label(value: $0, of: "department", lang) },
            weekly: weeks.map { Week(label: $0.label, count: $0.count) })
    }
}
