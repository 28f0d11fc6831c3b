#if canImport(Glibc)
import Glibc
#endif
internal import CLibGit2

/// Reads every loose object through a defensive reader (`loose_guard.h`), so a
/// damaged object file ends in an error naming the object instead of a hang.
///
/// libgit2 1.5 spins forever in `inflate()` on a truncated loose object
/// (libgit2 #7342); turning strict hash verification on does not help, the
/// hash is checked only after a read that never returns. The guard is added
/// to the object database of every repository GitKit opens: for its objects
/// directory and for each alternate named in `objects/info/alternates` or
/// (for hooks, opened from the environment) `GIT_ALTERNATE_OBJECT_DIRECTORIES`,
/// which is where a pre-receive hook finds the objects already on the server.
enum LooseObjectGuard {
    static func install(on repository: OpaquePointer, gitDir: String, fromEnvironment: Bool) throws {
        var odb: OpaquePointer? = nil
        try check(git_repository_odb(&odb, repository))
        defer { git_odb_free(odb) }
        let env = { (name: String) -> String? in
            guard fromEnvironment, let value = getenv(name) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        let main = env("GIT_OBJECT_DIRECTORY") ?? gitDir + "/objects"
        try check(gitdesk_add_loose_guard(odb, main, 0))
        var alternates = alternatesFile(of: main)
        if let list = env("GIT_ALTERNATE_OBJECT_DIRECTORIES") {
            alternates += list.split(separator: ":").map(String.init)
        }
        var seen: Set<String> = [main]
        for dir in alternates where seen.insert(dir).inserted {
            try check(gitdesk_add_loose_guard(odb, dir, 1))
        }
        // Every full read of an object over Repository.maximumObjectBytes is refused
        // from its header: the loose guard checks its own, this gate the packs'.
        // Reads libgit2 makes itself (a tree walk, a path lookup, a peel) go through
        // here too, so no object lookup anywhere can inflate a 2 GB blob.
        try check(gitdesk_add_pack_gate(odb))
    }

    /// The directories `objects/info/alternates` names (relative ones taken from `objects`).
    private static func alternatesFile(of objects: String) -> [String] {
        guard let file = fopen(objects + "/info/alternates", "r") else { return [] }
        defer { fclose(file) }
        var dirs: [String] = []
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line).trimmingCharacters(of: " \t\r\n")
            if text.isEmpty || text.hasPrefix("#") { continue }
            dirs.append(text.hasPrefix("/") ? text : objects + "/" + text)
        }
        return dirs
    }
}

private extension String {
    func trimmingCharacters(of set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
