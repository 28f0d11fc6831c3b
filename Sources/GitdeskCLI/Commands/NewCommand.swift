import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk new`: record a customer contact (登记).
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Record a new ticket and print its ID.",
        discussion: """
            The ticket is routed by .gitdesk/schema/routing.yaml (department and default \
            handler by type; urgent tickets take the green channel to tech support) and \
            gets its deadline (due) from sla.yaml. Contacts are stored masked \
            (138****5678); personal data in free text is masked or refused per privacy.yaml. \
            Values may be typed as keys or as their labels (--type 投诉, --priority 紧急).
            """
    )

    @Option(help: "Type: consult, complaint, suggestion, fault, other.") var type: String
    @Option(help: "Channel: phone, online_chat, email, social, community, app, web, offline.") var channel: String
    @Option(help: "One-line title.") var title: String
    @Option(help: "The customer's problem in their own words.") var description: String?
    @Option(help: "Product or module, e.g. APP-订单支付.") var module: String?
    @Option(help: "Priority: urgent, high, medium, low.") var priority: String = "medium"
    @Option(help: "Contact detail (stored masked).") var contact: String?
    @Option(help: "Pseudonymous customer ID, e.g. CUST456.") var customer: String?
    @Option(help: "Submitter: nickname, account or 匿名用户.") var submitter: String?
    @Option(help: "Subtype, e.g. hardware for a fault.") var subtype: String?
    @Option(help: ArgumentHelp(HelpText.fitted("Reproduction steps (问题复现说明): what the user did, what went wrong.", width: 53))) var reproduction: String?
    @Option(name: .customLong("expected-by"), help: ArgumentHelp("When the customer expects it solved (期望解决时间): '2024-05-02 18:00'.", valueName: "time"))
    var expectedBy: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let person = try global.person(in: desk)
        let now = try global.now(in: desk)
        guard !title.trimmed().isEmpty else { throw CLIError(.emptyTitle) }
        let expected = try expectedBy.map { text -> String in
            guard let t = desk.parseTime(text, near: now) else {
                throw CLIError(.notADateTime, ["option": .text("--expected-by"), "text": .text(text)])
            }
            return t.iso8601
        }
        let values: [String: String?] = [
            "title": title, "type": type, "channel": channel, "priority": priority,
            "description": description, "module": module, "contact": contact,
            "customer_id": customer, "submitter": submitter, "subtype": subtype,
            "reproduction": reproduction, "expected_by": expected,
        ]
        let request = NewTicketRequest(values: values.compactMapValues { $0 })
        let result = try TicketFactory.record(request, desk: desk, by: person, at: now)
        print(result.id)
        CalendarNotice.print(desk: desk, from: now, to: result.ticket["due"].flatMap { Timestamp.parse($0) })
        MaskNotice.print(result, schema: desk.schema, language: global.language(for: desk))
    }
}
