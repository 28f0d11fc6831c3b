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
            guard let time = Timestamp.parse(step.time) else { throw .said(Message(.seedBadTime, ["time": .text(step.time)])) }
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

    /// Adds `count` generated tickets, each with a generated history
    /// (`DemoHistory`): every change one commit by the operator who made it at
    /// its back-dated time, with the message and trailers `Desk.write` gives it,
    /// the ticket masked, rendered and validated as `Desk.write` does it. The
    /// commits of all tickets are interleaved in time order and written in
    /// bulk (`DemoBulkWriter`). Tickets arrive every 2 to 19 minutes from
    /// 2024-01-01, so 100,000 of them span two years.
    public func generate(count: Int, seed: UInt64) throws(DeskError) {
        let desk = try Desk.open(at: path)
        try DemoBulkWriter(desk: desk).write(count: count, seed: seed)
    }
}
