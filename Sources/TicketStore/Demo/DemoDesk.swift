import TicketCore

/// Fills a desk with the seed stories from the process documents and with
/// generated tickets, every change one commit at its own time.
public struct DemoDesk {
    public let path: String

    public init(path: String) { self.path = path }

    /// One step of a story: who did what, when.
    public struct Step: Sendable {
        public var time: String
        public var by: String
        public var action: DemoAction
    }

    /// What a step does.
    public enum DemoAction: Sendable {
        case create(id: String, NewTicketRequest)
        case comment(String)
        case set([String: String])
        case workflow(WorkflowStep)
    }

    /// A workflow operation in a story, run through the `WorkflowEngine`
    /// exactly as the command of the same name runs it.
    public enum WorkflowStep: Sendable {
        case move(String, reason: String?)
        case assign(String, department: String?)
        case resolve(solution: String, rootCause: String?)
        case confirm(rating: Int, feedback: String?)
        case close
        case archive
        case contact(channel: String, summary: String, followUp: String?, by: String?)
        case followUpDone(Int, note: String?)

        /// The engine's result for this step on `ticket`.
        func run(_ engine: WorkflowEngine, _ ticket: Ticket, by person: Person, at time: Timestamp) throws(WorkflowError) -> WorkflowResult {
            switch self {
            case .move(let status, let reason):
                return try engine.move(ticket, to: status, reason: reason, by: person, at: time)
            case .assign(let handle, let department):
                return try engine.assign(ticket, to: handle, department: department, by: person, at: time)
            case .resolve(let solution, let rootCause):
                return try engine.resolve(ticket, solution: solution, rootCause: rootCause, by: person, at: time)
            case .confirm(let rating, let feedback):
                return try engine.confirm(ticket, rating: rating, feedback: feedback, by: person, at: time)
            case .close:
                return try engine.close(ticket, by: person, at: time)
            case .archive:
                return try engine.archive(ticket, by: person, at: time)
            case .contact(let channel, let summary, let followUp, let by):
                return try engine.contact(ticket, channel: channel, summary: summary, followUp: followUp,
                                          followUpBy: by.flatMap { Timestamp.parse($0) }, by: person, at: time)
            case .followUpDone(let number, let note):
                return try engine.completeFollowUp(ticket, number: number, note: note, by: person, at: time)
            }
        }
    }

    /// Replays every seed story.
    public func replaySeeds() throws(DeskError) {
        for story in SeedStories.all { try replay(story) }
    }

    /// Replays one story on the desk, each step one commit by its operator.
    public func replay(_ steps: [Step]) throws(DeskError) {
        var id = ""
        for step in steps {
            let desk = try Desk.open(at: path)
            guard let person = desk.team.person(step.by) else { throw .unknownOperator(step.by) }
            guard let time = Timestamp.parse(step.time) else { throw .invalidInput("bad seed time \(step.time)") }
            switch step.action {
            case .create(let seedID, let request):
                var r = request
                r.id = seedID
                id = try TicketFactory.record(r, desk: desk, by: person, at: time).id
            case .comment(let text):
                _ = try desk.apply(id, by: person, at: time) { engine, ticket in
                    try engine.comment(ticket, text: text, by: person, at: time)
                }
            case .set(let values):
                _ = try desk.update(id, operation: "set", by: person, at: time) { old in
                    var t = old
                    for (k, v) in values { t[k] = v }
                    t.log.append(LogEntry(time: time, operator: person.handle, text: "修改 (set) " + values.keys.sorted().joined(separator: ", ")))
                    return (t, "set " + values.keys.sorted().joined(separator: ", "))
                }
            case .workflow(let op):
                _ = try desk.apply(id, by: person, at: time) { engine, ticket in
                    try op.run(engine, ticket, by: person, at: time)
                }
            }
        }
    }

    /// Adds `count` generated tickets, each with a generated history (`DemoHistory`),
    /// written in bulk in-process: the tickets are worked in memory and committed
    /// through `importTickets` (validated and masked as any import), 2,000 a commit,
    /// by the desk's admin. A ticket's steps are not separate commits here: the
    /// history is in its log, which is what reports and `show` read.
    public func generate(count: Int, seed: UInt64) throws(DeskError) {
        var generator = DemoGenerator(seed: seed)
        let desk = try Desk.open(at: path)
        let team = desk.team
        let people = team.people.filter { $0.has(role: "agent") }
        guard let agent = people.first ?? team.people.first else { throw .noOperator }
        guard let admin = team.people.first(where: { $0.has(role: "admin") }) else { throw .noOperator }
        let history = DemoHistory(engine: desk.engine, team: team)
        var time = Timestamp.parse("2024-01-01T09:00:00+08:00")!
        var rows: [TicketImport.Row] = []
        var latest = time
        func flush() throws(DeskError) {
            guard !rows.isEmpty else { return }
            _ = try Desk.open(at: path).importTickets(rows, file: "demo", each: false, by: admin, at: latest)
            rows.removeAll(keepingCapacity: true)
        }
        for i in 0..<count {
            time = time.adding(seconds: generator.nextGap())
            var request = generator.nextRequest()
            var rng = generator.random
            request.id = TicketID.generate(prefix: desk.config.prefix, created: time, using: &rng)
            generator.random = rng
            let made = try TicketFactory.make(request, desk: desk, by: agent, at: time)
            let worked = history.work(made.ticket, created: time, generator: &generator)
            latest = max(latest, worked.last)
            rows.append(TicketImport.Row(line: i + 1, ticket: worked.ticket))
            if rows.count == 2_000 { try flush() }
        }
        try flush()
    }
}
