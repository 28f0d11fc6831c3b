import TicketCore

/// Writes a generated desk's history: the stories of `count` tickets
/// (`DemoHistory`), interleaved in time order, one commit per change.
///
/// Each change goes the way `Desk.write` takes it — privacy (`prepare`),
/// render, parse, validate against the previous version by its operator, the
/// commit message with its trailers — and then to one `git fast-import`
/// child rather than through libgit2 one commit at a time (`DemoFastImport`
/// says why). The desk's write lock is held throughout.
struct DemoBulkWriter {
    let desk: Desk

    /// A change waiting for its turn, and the ticket it belongs to.
    private struct Pending {
        var change: DemoChange
        var ticket: Int
        var last: Bool
        var order: Int
    }

    func write(count: Int, seed: UInt64) throws(DeskError) {
        guard count > 0 else { return }
        guard let branch = desk.branch else { throw .detachedHead }
        let team = desk.team
        guard let agent = team.people.first(where: { $0.has(role: "agent") }) ?? team.people.first else { throw .noOperator }
        let start = try desk.beginWrite(branch: branch)
        defer { withExtendedLifetime(start.lock) {} }
        let repository = desk.repository
        let tip: String
        do {
            guard let head = try repository.referenceTarget(branch) else { throw DeskError.unbornBranch }
            tip = head.hex
        } catch let error as DeskError { throw error } catch { throw DeskError.from(error) }
        let stream = try DemoFastImport(gitDir: repository.gitDir, branch: branch, tip: tip)
        let format = ChangeFormat.ticket(schema: desk.schema, team: team)
        let history = DemoHistory(engine: desk.engine, team: team)
        var generator = DemoGenerator(seed: seed)
        var time = Timestamp.parse("2024-01-01T09:00:00+08:00")!
        var pending: [Pending] = []
        var stored: [Int: Ticket] = [:]
        var order = 0

        /// Commits every pending change before `limit` (all of them when nil), oldest first.
        func emit(before limit: Int64?) throws(DeskError) {
            pending.sort { ($0.change.time.seconds, $0.order) < ($1.change.time.seconds, $1.order) }
            var n = 0
            while n < pending.count, limit.map({ pending[n].change.time.seconds < $0 }) ?? true {
                let p = pending[n]
                stored[p.ticket] = try commit(p.change, old: stored[p.ticket], format: format, to: stream)
                if p.last { stored[p.ticket] = nil }
                n += 1
            }
            pending.removeFirst(n)
        }

        for i in 0..<count {
            time = time.adding(seconds: generator.nextGap())
            var request = generator.nextRequest()
            var rng = generator.random
            request.id = TicketID.generate(prefix: desk.config.prefix, created: time, using: &rng)
            generator.random = rng
            let made = try TicketFactory.make(request, desk: desk, by: agent, at: time)
            let created = DemoChange(time: time, person: agent, result: WorkflowResult(
                ticket: made.ticket, summary: "new \(made.ticket["type"] ?? "ticket"): \(made.ticket["title"] ?? "")",
                operation: made.operation))
            let changes = history.work(created, generator: &generator)
            for (k, change) in changes.enumerated() {
                pending.append(Pending(change: change, ticket: i, last: k == changes.count - 1, order: order))
                order += 1
            }
            // Later tickets start after `time`: what happened before it can be written.
            if i % 512 == 511 { try emit(before: time.seconds) }
        }
        try emit(before: nil)
        try stream.finish()
        guard let workdir = repository.workdir else { return }
        let newTip: String
        do {
            guard let head = try repository.referenceTarget(branch) else { throw DeskError.unbornBranch }
            newTip = head.hex
        } catch let error as DeskError { throw error } catch { throw DeskError.from(error) }
        try DemoFastImport.checkout(gitDir: repository.gitDir, workdir: workdir, from: tip, to: newTip)
    }

    /// Streams one change as a commit; returns the stored version.
    private func commit(_ change: DemoChange, old: Ticket?, format: ChangeFormat, to stream: DemoFastImport) throws(DeskError) -> Ticket {
        let typed = change.result.ticket
        guard let path = TicketPath.path(of: typed) else { throw .unknownTicket(typed.id) }
        // The write path's own builder: mask, render, parse back, validate once.
        let built: BuiltChange
        do {
            built = try ChangeBuilder(format: format).build(id: typed.id, path: path, old: old, oldBytes: nil, by: change.person) { _ in
                ChangeDraft(ticket: typed, summary: change.result.summary, operation: change.result.operation)
            }
        } catch let refusal as ChangeRefusal { throw DeskError(refusal) } catch { throw DeskError.from(error) }
        let (ticket, text, summary) = (built.ticket, built.text, built.summary)
        let backdated = try desk.backdateTrailer(for: change.time, by: change.person)
        let message = format.message(ticket.id, summary.replacingNewlines(), change.result.operation) + (backdated.map { "\($0)\n" } ?? "")
        try stream.commit(author: .init(change.person, at: change.time), message: message, path: path, bytes: Array(text.utf8))
        return ticket
    }
}
