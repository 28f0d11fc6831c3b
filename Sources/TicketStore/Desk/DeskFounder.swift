import Foundation
import GitKit
import TicketCore

/// The person who runs `gitdesk init`: put on the roster as admin and
/// supervisor, so their own next step (editing team.yaml and committing it)
/// is allowed by the hooks that `init` installs.
public enum DeskFounder {
    /// The founder from explicit options, else from git's `user.name` /
    /// `user.email` of the repository at `directory` (or the global config);
    /// nil when no e-mail is known.
    public static func resolve(handle: String?, name: String?, email: String?,
                               directory: String) throws(DeskError) -> Person? {
        let configEmail: String?
        let configName: String?
        if let repository = try? Repository.discover(from: directory) {
            configEmail = (try? repository.configString("user.email")) ?? nil
            configName = (try? repository.configString("user.name")) ?? nil
        } else {
            configEmail = (try? Repository.globalConfigString("user.email")) ?? nil
            configName = (try? Repository.globalConfigString("user.name")) ?? nil
        }
        guard let email = (email ?? configEmail)?.trimmed(), !email.isEmpty else {
            if handle != nil || name != nil {
                throw DeskError.said(Message(.founderNeedsEmail))
            }
            return nil
        }
        guard email.contains("@"), !email.contains(where: { $0 == "\n" || $0 == "\"" }) else {
            throw DeskError.said(Message(.founderBadEmail))
        }
        let handle = handle ?? derivedHandle(from: email)
        guard TicketFile.isHandle(handle) else {
            throw DeskError.said(Message(.founderBadHandle, ["handle": .text(handle)]))
        }
        let display = (name ?? configName ?? handle).trimmed()
        guard !display.contains(where: { $0 == "\n" || $0 == "\"" || $0 == "\\" }) else {
            throw DeskError.said(Message(.founderBadName))
        }
        return Person(handle: handle, name: display.isEmpty ? handle : display, email: email,
                      roles: ["admin", "supervisor"], department: "customer_service")
    }

    /// A handle from the e-mail's local part: lower-case ASCII letters,
    /// digits, '.', '_' and '-' (`Li.Ming@corp.example` → `li.ming`).
    static func derivedHandle(from email: String) -> String {
        let local = email.split(separator: "@").first.map(String.init) ?? email
        let kept = String(local.lowercased().unicodeScalars.filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "." || $0 == "_" || $0 == "-"
        }.map(Character.init))
        return kept.isEmpty ? "me" : String(kept.prefix(32))
    }

    /// The roster text with `founder` added first, in place of the example
    /// admin. A founder whose handle is already an example person's gets a
    /// numbered handle (`li` → `li2`); one whose e-mail is, is that person.
    public static func roster(_ exampleTeam: String, adding founder: Person?) throws(DeskError) -> (text: String, founder: Person?) {
        guard var founder else { return (exampleTeam, nil) }
        let example: Team
        do { example = try Team.load(yaml: exampleTeam) } catch { throw .invalidInput(error.description) }
        if example.person(email: founder.email, name: nil) != nil {
            // The founder is one of the example people already (same e-mail): nothing to add.
            return (exampleTeam, nil)
        }
        var handle = founder.handle
        var n = 2
        while example.person(handle) != nil { handle = "\(founder.handle)\(n)"; n += 1 }
        founder.handle = handle
        let entry = """
              - handle: \(founder.handle)
                name: "\(founder.name)"
                email: "\(founder.email)"
                roles: [\(founder.roles.joined(separator: ", "))]
                department: \(founder.department ?? "customer_service")

            """
        // The founder is the desk's admin: the example admin, whose e-mail anyone
        // could set in git to commit as an admin, is left out.
        var text = exampleTeam
        if let start = text.range(of: "  - handle: admin\n"),
           let end = text.range(of: "department: customer_service\n", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        guard let range = text.range(of: "people:\n") else { return (exampleTeam, nil) }
        text.insert(contentsOf: "  # You, who ran gitdesk init (admin and supervisor).\n" + entry, at: range.upperBound)
        return (text, founder)
    }
}
