import TicketCore
import TicketStore

/// The one-line warning `new` and `extend` print when a deadline falls in a
/// year the desk's calendar lists no holidays for (it is then counted as if
/// every weekday were a working day).
enum CalendarNotice {
    static func print(desk: Desk, from: Timestamp, to: Timestamp?) {
        guard let calendar = desk.schema.sla?.calendar else { return }
        let years = calendar.uncoveredYears(from: from, to: max(to ?? from, from))
        guard !years.isEmpty else { return }
        printError(Speech.say(Message(.calendarNotCovered, ["years": .texts(years.map(String.init))])))
    }
}
