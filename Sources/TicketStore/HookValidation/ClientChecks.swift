import Foundation
import GitKit
import TicketCore

/// Whether a clone still runs the desk's client checks: the hooks (in
/// `.git/gitdesk/hooks`, named by `core.hooksPath` in `.git/config`) and the
/// merge driver (`merge.gitdesk.driver` in `.git/config`). Losing either
/// folder or file turned the checks off without a word; every command now
/// says so. Cheap: two config reads and one small file.
public enum ClientChecks {
    /// Why the checks are off (hooks and merge driver named), or nil when they
    /// are on, or for a bare repository (a server's hooks are its own business).
    public static func off(_ repository: Repository) -> Message? {
        guard let workdir = repository.workdir else { return nil }
        var missing: [Message] = []
        let configured = ((try? repository.configString("core.hooksPath")) ?? nil).flatMap { $0.isEmpty ? nil : $0 }
        if let configured {
            let directory = configured.hasPrefix("/") ? configured : (workdir.hasSuffix("/") ? workdir : workdir + "/") + configured
            let script = directory + "/pre-commit"
            let holdsCheck = BoundedFile.read(script, maximum: 64 << 10)
                .map { String(decoding: $0, as: UTF8.self).contains("gitdesk hook") } ?? false
            if !holdsCheck { missing.append(Message(.checksOffHookMissing, ["file": .text(script)])) }
        } else {
            missing.append(Message(.checksOffNoHooksPath))
        }
        if !MergeDriverSetup.isRegistered(in: repository) { missing.append(Message(.checksOffNoDriver)) }
        guard !missing.isEmpty else { return nil }
        return Message(.checksOff, ["why": .messages(missing)])
    }
}
