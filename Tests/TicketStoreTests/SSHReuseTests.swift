import Foundation
import Testing
import GitKit
@testable import TicketStore

/// Which transports sync shares one ssh connection for, and how it extends the user's command.
@Suite struct SSHReuseTests {
    @Test func recognisesSSHURLsAsGitDoes() {
        for url in ["ssh://git@example.com/desk.git", "git+ssh://h/d", "li@127.0.0.1:/srv/desk.git", "example.com:desk.git"] {
            #expect(SSHReuse.isSSH(url), "\(url)")
        }
        for url in ["/srv/desk.git", "../server.git", "https://example.com/desk.git", "file:///srv/desk.git", "./a:b", ":x"] {
            #expect(!SSHReuse.isSSH(url), "\(url)")
        }
    }

    @Test func extendsOnlyOpenSSHCommandsAndLetsTheUsersOptionsWin() throws {
        let repo = try StoreTestEnvironment.newRepository()
        try repo.setConfig("remote.origin.url", to: "li@127.0.0.1:/srv/desk.git")

        let user = "ssh -F /dev/null -i key -o ControlMaster=no"
        let shared = try #require(SSHReuse.start(repository: repo, remote: "origin", environment: ["GIT_SSH_COMMAND": user]))
        defer { shared.finish() }
        // The user's command first (ssh keeps the first value of an option), then the sharing.
        #expect(shared.command.hasPrefix(user + " -o ControlMaster=auto -o 'ControlPath=\(shared.directory)/%C' -o ControlPersist="))
        var info = stat()
        #expect(stat(shared.directory, &info) == 0 && info.st_mode & 0o777 == 0o700)
        shared.finish()
        #expect(!FileManager.default.fileExists(atPath: shared.directory))

        // Plain ssh when nothing is configured; core.sshCommand when set.
        #expect(SSHReuse.start(repository: repo, remote: "origin", environment: [:]).map { r in r.finish(); return r.command.hasPrefix("ssh -o ControlMaster=auto") } == true)
        try repo.setConfig("core.sshCommand", to: "/usr/bin/ssh -p 2222")
        #expect(SSHReuse.start(repository: repo, remote: "origin", environment: [:]).map { r in r.finish(); return r.command.hasPrefix("/usr/bin/ssh -p 2222 -o ControlMaster=auto") } == true)

        // Another program, GIT_SSH, a local remote, or the switch off: git's transport untouched.
        #expect(SSHReuse.start(repository: repo, remote: "origin", environment: ["GIT_SSH_COMMAND": "plink -batch"]) == nil)
        #expect(SSHReuse.start(repository: repo, remote: "origin", environment: ["GIT_SSH": "/usr/local/bin/my-ssh"]) == nil)
        try repo.setConfig("gitdesk.sshReuse", to: false)
        #expect(SSHReuse.start(repository: repo, remote: "origin", environment: [:]) == nil)
        try repo.setConfig("gitdesk.sshReuse", to: true)
        try repo.setConfig("remote.origin.url", to: "/srv/desk.git")
        #expect(SSHReuse.start(repository: repo, remote: "origin", environment: [:]) == nil)
    }
}
