internal import CLibGit2

enum GitRemote: LibGit2Object { static func free(_ p: OpaquePointer) { git_remote_free(p) } }

extension Repository {
    /// The fetch refspecs configured for remote `name` (`remote.<name>.fetch`).
    public func fetchRefspecs(remote name: String) throws -> [String] {
        var out: OpaquePointer? = nil
        try check(git_remote_lookup(&out, pointer, name))
        let remote = Handle<GitRemote>(out!)
        var specs = git_strarray()
        try check(git_remote_get_fetch_refspecs(&specs, remote.pointer))
        defer { git_strarray_dispose(&specs) }
        return (0..<specs.count).compactMap { i in specs.strings[i].map { String(cString: $0) } }
    }

    /// Adds a fetch refspec to remote `name` in the repository's config,
    /// unless it is there already (so `git fetch` brings that ref too).
    public func addFetchRefspec(_ refspec: String, remote name: String) throws {
        if try fetchRefspecs(remote: name).contains(refspec) { return }
        try check(git_remote_add_fetch(pointer, name, refspec))
    }
}
