/// Something a person must act on (`gitdesk remind`).
public struct Reminder: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        /// Past the resolution deadline (已超时).
        case overdue
        /// Past the warning share of the resolution target (即将到期).
        case dueSoon = "due_soon"
        /// Still `new` past the first-response target (未及时响应).
        case responseOverdue = "response_overdue"
        /// An open follow-up from the communication log (待跟进事项).
        case followUp = "follow_up"
        /// An extension waiting for a supervisor (延期待审批).
        case extensionAwaitingApproval = "extension_pending"
        /// The customer's expected time (期望解决时间), earlier than the SLA
        /// deadline, is within the warning window or past.
        case customerExpectation = "expected_by"

        /// How the kind reads.
        public func label(_ lang: Language) -> String {
            switch self {
            case .overdue: return lang == .zh ? "已超时" : "Overdue"
            case .dueSoon: return lang == .zh ? "即将到期" : "Due soon"
            case .responseOverdue: return lang == .zh ? "未及时响应" : "First response overdue"
            case .followUp: return lang == .zh ? "待跟进" : "Follow-up"
            case .extensionAwaitingApproval: return lang == .zh ? "延期待审批" : "Extension awaiting approval"
            case .customerExpectation: return lang == .zh ? "客户期望时间" : "Customer's expected time"
            }
        }
    }

    public var kind: Kind
    public var ticketID: String
    /// Who must act.
    public var handle: String
    /// The time it is (or was) due, if any.
    public var due: Timestamp?
    /// What to do, in one line (a follow-up's action, an extension's reason...).
    public var detail: String

    public init(kind: Kind, ticketID: String, handle: String, due: Timestamp?, detail: String) {
        self.kind = kind; self.ticketID = ticketID; self.handle = handle; self.due = due; self.detail = detail
    }
}

/// Works out who must act on what: overdue and due-soon tickets go to their
/// assignee (unassigned ones to the supervisors who approve), open
/// follow-ups to whoever logged them, pending extensions to the approvers.
public enum Reminders {
    /// Reminders at `now`, for one handle or (nil) everyone, most urgent first.
    public static func compute(tickets: [Ticket], team: Team, now: Timestamp, for handle: String? = nil,
                               schema: Schema) -> [Reminder] {
        let workflow = schema.workflow
        let approvers = team.people.filter { workflow.permits("approve", $0) && !$0.roles.isEmpty }.map(\.handle)
        var out: [Reminder] = []
        for ticket in tickets where !workflow.isTerminal(ticket.status) {
            let owners = ticket["assignee"].map { [$0] } ?? approvers
            let title = ticket["title"] ?? ""
            let sla = SLAClock.status(of: ticket, at: now, schema: schema)
            if sla.isOverdue || sla.isDueSoon, let due = sla.resolve?.due {
                for h in owners {
                    out.append(Reminder(kind: sla.isOverdue ? .overdue : .dueSoon, ticketID: ticket.id, handle: h, due: due, detail: title))
                }
            }
            if let expected = ticket["expected_by"].flatMap({ Timestamp.parse($0) }),
               sla.resolve.map({ expected < $0.due && $0.stopped == nil }) ?? true,
               now >= expected.adding(seconds: -(schema.sla?.extensionNotice ?? 4 * 3600)) {
                let when = now > expected ? "已过" : "将到"
                for h in owners {
                    out.append(Reminder(kind: .customerExpectation, ticketID: ticket.id, handle: h, due: expected,
                                        detail: "客户期望时间\(when)（早于解决时限）：\(title)"))
                }
            }
            if ticket.status == workflow.initial, let respond = sla.respond, respond.stopped == nil, respond.state == .breached {
                for h in owners {
                    out.append(Reminder(kind: .responseOverdue, ticketID: ticket.id, handle: h, due: respond.due, detail: title))
                }
            }
            if let until = ticket["extension_until"] {
                let detail = "\(ticket["extension_by"] ?? "?") → \(Timestamp.parse(until)?.shortDisplay ?? until): \(ticket["extension_reason"] ?? "")"
                for h in approvers {
                    out.append(Reminder(kind: .extensionAwaitingApproval, ticketID: ticket.id, handle: h,
                                        due: ticket["due"].flatMap { Timestamp.parse($0) }, detail: detail))
                }
            }
        }
        for ticket in tickets {
            for c in ticket.contacts where !c.done {
                guard let action = c.followUp else { continue }
                out.append(Reminder(kind: .followUp, ticketID: ticket.id, handle: c.operator, due: c.followUpBy, detail: action))
            }
        }
        if let handle { out = out.filter { $0.handle == handle } }
        let order = Reminder.Kind.allCases
        return out.sorted { a, b in
            let ka = order.firstIndex(of: a.kind)!, kb = order.firstIndex(of: b.kind)!
            if ka != kb { return ka < kb }
            if let da = a.due, let db = b.due, da != db { return da < db }
            return a.ticketID < b.ticketID
        }
    }
}
