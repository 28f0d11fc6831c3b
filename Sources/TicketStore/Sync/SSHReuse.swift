import Foundation
import GitKit
import TicketCore

/// One ssh connection for a whole sync: the fetch opens it and the push (and
/// a raced retry) reuse it through OpenSSH's connection sharing
/// (ControlMaster), instead of a new key exchange and login each time — on a
/// loaded 2-core machine each new connection cost ~0.8 s, 40% of a sync.
///
/// Used only when git would run OpenSSH's `ssh` itself for an ssh URL
/// (GIT_SSH_COMMAND or core.sshCommand starting with `ssh`, or neither and
/// no GIT_SSH). The user's command and options come first and ssh keeps the
/// first value it reads for an option, so a ControlMaster or ControlPath
/// the user chose still wins; their ssh config, keys and agent work as
/// before. The socket lives in a private directory removed when the sync
/// ends, and the shared connection closes itself a few seconds after its
/// last use (ControlPersist). `git config gitdesk.sshReuse false` turns it off.
struct SSHReuse {
    /// The private directory holding the control socket.
    let directory: String
    /// What git gets as GIT_SSH_COMMAND.
    let command: String

    /// Seconds the shared connection stays open after its last session.
    static let persistSeconds = 5

    /// The sharing for `remote`'s URL, or nil when git would not run OpenSSH for it.
    static func start(repository: Repository, remote: String,
                      environment: [String: String] = ProcessInfo.processInfo.environment) -> SSHReuse? {
        if (try? enabled(repository)) == false { return nil }
        guard let url = (try? repository.configString("remote.\(remote).url")) ?? nil, isSSH(url) else { return nil }
        let pushURL = (try? repository.configString("remote.\(remote).pushurl")) ?? nil
        if let pushURL, !isSSH(pushURL) { return nil }
        let base: String
        if let command = environment["GIT_SSH_COMMAND"], !command.trimmed().isEmpty {
            base = command
        } else if environment["GIT_SSH"].map({ !$0.isEmpty }) ?? false {
            return nil  // a program of the user's, not a shell command we may extend
        } else if let configured = (try? repository.configString("core.sshCommand")) ?? nil, !configured.trimmed().isEmpty {
            base = configured
        } else {
            base = "ssh"
        }
        guard let program = base.trimmed().split(separator: " ").first,
              program.split(separator: "/").last == "ssh" else { return nil }
        // A short path: a unix socket's path is limited to ~100 bytes.
        var template = Array("/tmp/gitdesk-ssh.XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        let directory = String(cString: made)
        let options = " -o ControlMaster=auto -o 'ControlPath=\(directory)/%C' -o ControlPersist=\(persistSeconds)"
        return SSHReuse(directory: directory, command: base + options)
    }

    /// git config `gitdesk.sshReuse` as git reads a boolean (unset: on); any
    /// other value is refused in one line, never read as "on" by default.
    static func enabled(_ repository: Repository) throws(SyncError) -> Bool {
        guard let value = (try? repository.configString("gitdesk.sshReuse")) ?? nil else { return true }
        switch value.trimmed().lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0", "": return false
        default:
            throw .said(Message(.settingValueInvalid, ["name": .text("git config gitdesk.sshReuse"), "value": .text(value),
                                                       "valid": .text("true or false (yes/no, on/off, 1/0)")]))
        }
    }

    /// Removes the socket's directory (the connection ends by itself).
    func finish() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// ssh://, git+ssh://, ssh+git:// and scp-like `[user@]host:path` URLs
    /// (a colon before any slash, as git reads them).
    static func isSSH(_ url: String) -> Bool {
        for scheme in ["ssh://", "git+ssh://", "ssh+git://"] where url.hasPrefix(scheme) { return true }
        if url.contains("://") { return false }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let host = url[..<colon]
        return !host.isEmpty && !host.contains("/")
    }
}
