import Foundation
import TicketCore

/// Who may write at a time other than the clock's (``ClockPolicy``), for the
/// one write path: a write whose time strays from the real clock is refused
/// unless the desk is a clock-override desk or the operator holds `backdate`.
/// A permitted one carries a `Backdated: <real clock time>` trailer; on a
/// clock-override desk (tests, demos) time is not governed and no trailer is
/// written, so a demo made twice from the same seed is the same commits.
extension Desk {
    /// The `Backdated:` trailer line a write at `time` must carry (nil when
    /// `time` is the clock's), or a refusal.
    func backdateTrailer(for time: Timestamp, by person: Person,
                         clock: Int64 = Int64(Date().timeIntervalSince1970)) throws(DeskError) -> String? {
        guard !config.clockOverride, ClockPolicy.strays(time, from: clock) else { return nil }
        let now = timeZone.localise(Timestamp(seconds: clock, offsetMinutes: 0))
        if !ClockPolicy.mayBackdate(person, workflow: schema.workflow) {
            throw .backdateNotAllowed(handle: person.handle, time: time, clock: now,
                                      roles: ClockPolicy.roles(in: schema.workflow))
        }
        return ClockPolicy.trailerLine(clock: now)
    }
}
