import Foundation
import GitKit
import TicketCore

/// Whether a clone still runs the desk's client checks: the hooks (in
/// `.git/gitdesk/hooks`, named by `core.hooksPath` in `.git/config`) and the
/// merge driver (`merge.gitdesk.driver` in `.git/config`). Losing, emptying,
/// editing (an `exit 0` inserted) or `chmod -x` of a hook, or a driver set to
/// something else, turned the checks off without a word; every command now
/// says so. Cheap: a few config reads and three small files.
public enum ClientChecks {
    /// Why the checks are off (hooks and merge driver named), or nil when they
    /// are on, or for a bare repository (a server's hooks are its own business).
    public static func off(_ repository: Repository) -> Message? {
        guard let workdir = repository.workdir else { return nil }
        var missing: [Message] = []
        let configured = ((try? repository.configString("core.hooksPath")) ?? nil).flatMap { $0.isEmpty ? nil : $0 }
        if let configured {
            let directory = configured.hasPrefix("/") ? configured : (workdir.hasSuffix("/") ? workdir : workdir + "/") + configured
            let previous = ((try? repository.configString(HookInstaller.previousKey)) ?? nil).flatMap { $0.isEmpty ? nil : $0 }
            for name in HookScripts.client {
                if let why = problem(hook: name, in: directory, previous: previous) { missing.append(why) }
            }
        } else {
            missing.append(Message(.checksOffNoHooksPath))
        }
        let driver = (try? repository.configString("merge.\(MergeDriverSetup.name).driver")) ?? nil
        if driver == nil {
            missing.append(Message(.checksOffNoDriver))
        } else if let driver, driver != MergeDriverSetup.command {
            missing.append(Message(.checksOffDriverChanged, ["value": .text(driver)]))
        }
        guard !missing.isEmpty else { return nil }
        return Message(.checksOff, ["why": .messages(missing)])
    }

    /// What is wrong with hook `name` of `directory`, or nil when it is the
    /// executable script `hooks install` writes (alone, or chaining to the
    /// hook of the folder that was active before, `previous`).
    static func problem(hook name: String, in directory: String, previous: String?) -> Message? {
        let script = directory + "/" + name
        // BoundedFile refuses a FIFO or device without blocking on it.
        guard let data = BoundedFile.read(script, maximum: 64 << 10) else {
            return Message(.checksOffHookMissing, ["file": .text(script)])
        }
        let text = String(decoding: data, as: UTF8.self)
        var expected = [HookScripts.script(name)]
        if let previous { expected.append(HookScripts.script(name, chainingTo: previous + "/" + name)) }
        guard expected.contains(text) else { return Message(.checksOffHookAltered, ["file": .text(script)]) }
        guard access(script, X_OK) == 0 else { return Message(.checksOffHookNotExecutable, ["file": .text(script)]) }
        return nil
    }
}
