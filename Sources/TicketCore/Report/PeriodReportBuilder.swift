extension PeriodReport {
    /// The report of `period` at `now` from every ticket that may matter:
    /// those created in the period (the cohort: intake figures), those with
    /// an event between the period's start and `now` (resolutions, SLA
    /// outcomes, ratings, reopens) and those open at `now` (the backlog).
    /// Others are ignored, so a caller may pass more.
    /// `openSince`: creation times of further tickets the caller knows were
    /// open at `now` without reading them (counted in the backlog only).
    public static func build(tickets: [Ticket], openSince: [Timestamp] = [], period: ReportPeriod, now: Timestamp,
                             schema: Schema, lang: Language, name: (String) -> String = { $0 }) -> PeriodReport {
        var cohort: [TicketFacts] = []
        var backlog: [TicketFacts] = []
        var events: [TicketFacts] = []
        for t in tickets {
            guard let f = TicketFacts.read(t, at: now, schema: schema) else { continue }
            if period.contains(f.created) { cohort.append(f) }
            if f.open && !f.invalid { backlog.append(f) }
            events.append(f)
        }
        events.sort { ($0.created, $0.id) < ($1.created, $1.id) }
        cohort.sort { ($0.created, $0.id) < ($1.created, $1.id) }
        let valid = cohort.filter { !$0.invalid }
        let total = valid.count

        func breakdown(_ field: String) -> [Count] {
            var counts: [String: Int] = [:]
            for f in valid {
                let value = FieldHistory.keys.contains(field) ? f.history.value(field, at: now) : f.fields[field]
                counts[value ?? "", default: 0] += 1
            }
            // A free-text value (a module) of a hand-edited file may hold raw personal data: masked for display.
            return counts.map { key, n in
                Count(key: PrivacyGuard.displayed(key, schema: schema),
                      label: key.isEmpty ? "-" : PrivacyGuard.displayed(schema.label(value: key, of: field, lang), schema: schema), count: n,
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
                Problem(module: p.module.isEmpty ? "-" : PrivacyGuard.displayed(p.module, schema: schema), subtype: p.subtype,
                        subtypeLabel: p.subtype.isEmpty ? "-" : schema.label(value: p.subtype, of: "subtype", lang),
                        count: p.count, example: p.example.id, exampleTitle: PrivacyGuard.displayed(p.example.fields["title"] ?? "", schema: schema))
            }

        let responses = valid.compactMap(\.firstResponse)

        // Events (a solution confirmed, a rating, a reopen) count in the period they happen in,
        // whenever the ticket was created, attributed to the handler, department and priority
        // the ticket had at that moment. Events after `now` are not in the facts at all.
        let active = events.filter { !$0.invalid }
        func inPeriod(_ t: Timestamp?) -> Bool { t.map { $0 >= period.start && $0 <= now } ?? false }
        let ended = active.flatMap { f in f.rounds.filter { inPeriod($0.end) }.map { (facts: f, round: $0) } }
        let rated = active.flatMap { f in f.rounds.filter { $0.rating != nil && inPeriod($0.ratedAt) }.map { (facts: f, round: $0) } }

        var slaRows: [SLARow] = schema.values(of: "priority").map {
            SLARow(key: $0.key, label: schema.label(value: $0.key, of: "priority", lang), met: 0, breached: 0)
        }
        var slaTotal = SLARow(key: "all", label: lang == .zh ? "合计" : "All", met: 0, breached: 0)
        for (f, r) in ended {
            guard let outcome = r.sla, let end = r.end else { continue }
            let i = slaRows.firstIndex { $0.key == (f.history.value("priority", at: end) ?? "") }
            if outcome == .met { slaTotal.met += 1; if let i { slaRows[i].met += 1 } }
            if outcome == .breached { slaTotal.breached += 1; if let i { slaRows[i].breached += 1 } }
        }

        let ratings = rated.compactMap(\.round.rating)
        var distribution = [0, 0, 0, 0, 0]
        for r in ratings { distribution[r - 1] += 1 }
        var low: [String] = []
        for (f, r) in rated where (r.rating ?? 5) <= 2 && !low.contains(f.id) { low.append(f.id) }
        let satisfaction = Satisfaction(
            count: ratings.count,
            average: ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count),
            share45: ratings.isEmpty ? nil : Double(ratings.filter { $0 >= 4 }.count) / Double(ratings.count),
            distribution: distribution, low: low)

        let reopenedIDs = Set(active.filter { $0.reopenedAt.contains { inPeriod($0) } }.map(\.id))
        let resolvedIDs = Set(active.filter { $0.resolvedAt.contains { inPeriod($0) } }.map(\.id)).union(reopenedIDs)

        func groups(_ field: String, label: (String) -> String) -> [Group] {
            var byKey: [String: Group] = [:]
            var working: [String: [Int64]] = [:], stars: [String: [Int]] = [:]
            func touch(_ key: String) {
                if byKey[key] == nil {
                    byKey[key] = Group(key: key, label: key.isEmpty ? "-" : label(key), tickets: 0, resolved: 0, open: 0,
                                       resolutionWorkingMean: nil, slaMet: 0, slaBreached: 0, satisfactionAverage: nil)
                }
            }
            for f in valid {
                let key = f.history.value(field, at: now) ?? ""
                touch(key)
                byKey[key]!.tickets += 1
                if f.open { byKey[key]!.open += 1 }
            }
            for (f, r) in ended {
                let key = f.history.value(field, at: r.end!) ?? ""
                touch(key)
                byKey[key]!.resolved += 1
                working[key, default: []].append(r.workingSeconds)
                if r.sla == .met { byKey[key]!.slaMet += 1 }
                if r.sla == .breached { byKey[key]!.slaBreached += 1 }
            }
            for (f, r) in rated {
                let key = f.history.value(field, at: r.ratedAt!) ?? ""
                touch(key)
                stars[key, default: []].append(r.rating!)
            }
            for (key, w) in working { byKey[key]!.resolutionWorkingMean = DurationStats(seconds: w).mean }
            for (key, rs) in stars { byKey[key]!.satisfactionAverage = Double(rs.reduce(0, +)) / Double(rs.count) }
            return byKey.values.sorted { ($1.tickets, $1.resolved, $0.key) < ($0.tickets, $0.resolved, $1.key) }
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

        var report = PeriodReport(
            period: period, now: now, total: total, invalid: cohort.count - total,
            byType: breakdown("type"), bySubtype: breakdown("subtype"), byChannel: breakdown("channel"),
            byDepartment: breakdown("department"), byModule: breakdown("module"), topProblems: Array(top),
            firstResponse: Durations(wall: DurationStats(seconds: responses.map(\.wall)),
                                     working: DurationStats(seconds: responses.map(\.working))),
            resolution: Durations(wall: DurationStats(seconds: ended.map(\.round.wallSeconds)),
                                  working: DurationStats(seconds: ended.map(\.round.workingSeconds))),
            sla: slaRows, slaTotal: slaTotal,
            resolvedOnce: resolvedIDs.count, reopened: reopenedIDs.count,
            satisfaction: satisfaction,
            backlog: Backlog(count: backlog.count + openSince.count,
                             age: DurationStats(seconds: backlog.map { $0.age(at: now) } + openSince.map { max(0, now.seconds - $0.seconds) })),
            byHandler: groups("assignee", label: name),
            byDepartmentGroup: groups("department") { schema.label(value: $0, of: "department", lang) },
            weekly: weeks.map { Week(label: $0.label, count: $0.count) })
        report.uncoveredYears = schema.sla?.calendar.uncoveredYears(from: period.start, to: period.end.adding(seconds: -1)) ?? []
        return report
    }
}
