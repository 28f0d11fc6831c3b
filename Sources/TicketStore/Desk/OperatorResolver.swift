import Foundation
import TicketCore

/// Works out who is acting: `--as HANDLE`, then `GITDESK_OPERATOR`, then git
/// config `user.email` / `user.name`, each looked up in team.yaml.
public enum OperatorResolver {
    public static func resolve(flag: String?, desk: Desk,
                               environment: [String: String] = ProcessEnvironment.only("GITDESK_OPERATOR")) throws(DeskError) -> Person {
        // Nobody can be looked up in a roster that cannot be read: say why, not "not on the roster".
        if let problem = desk.rosterProblem { throw .configuration(problem) }
        if let handle = flag ?? environment["GITDESK_OPERATOR"], !handle.isEmpty {
            // Name where the handle came from: git config advice cannot fix a typo there.
            guard let person = desk.team.person(handle) else { throw .unknownHandle(handle, fromFlag: flag != nil) }
            return person
        }
        let email = (try? desk.repository.configString("user.email")) ?? nil
        let name = (try? desk.repository.configString("user.name")) ?? nil
        // An e-mail git knows decides: never fall back to a name someone else
        // on the roster may share (the commit would be authored as them).
        if let email, !email.isEmpty {
            if let person = desk.team.person(email: email, name: nil) { return person }
            throw .unknownOperator(Finding.redacted(email))
        }
        if let person = desk.team.person(email: nil, name: name) { return person }
        if let name { throw .unknownOperator(name) }
        throw .noOperator
    }
}

/// The time a command acts at: `GITDESK_NOW` (ISO 8601) when set, for tests,
/// demos and back-filling history; otherwise the clock. Shown in the desk's zone.
public enum DeskClock {
    public static func now(zone: DeskTimeZone,
                           environment: [String: String] = ProcessEnvironment.only("GITDESK_NOW")) throws(DeskError) -> Timestamp {
        if let text = environment["GITDESK_NOW"], !text.isEmpty {
            guard let t = Timestamp.parse(text, defaultOffsetMinutes: zone.currentOffsetMinutes) else {
                throw DeskError.said(Message(.badNow, ["text": .text(text)]))
            }
            return zone.localise(t)
        }
        let seconds = Int64(Date().timeIntervalSince1970)
        return Timestamp(seconds: seconds, offsetMinutes: zone.offsetMinutes(at: seconds))
    }
}
