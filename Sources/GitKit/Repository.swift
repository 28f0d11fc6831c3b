internal import CLibGit2

/// A git repository opened with libgit2: the one handle every GitKit call starts from.
///
/// Not thread-safe (libgit2 repository objects are not): use one
/// `Repository` per thread or serialise access. Opening or creating the
/// first repository initialises libgit2 (~5 ms), once per process.
public final class Repository {
    let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository at `path`: a working directory or a `.git`
    /// directory (or a bare repository). Does not search parent directories.
    public static func open(path: String) throws -> Repository {
        try openExt(path, flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue)
    }

    /// Finds the repository containing `path`, walking up the parent
    /// directories like `git` does (not crossing file systems).
    public static func discover(from path: String) throws -> Repository {
        try openExt(path, flags: 0)
    }

    /// Opens the repository the way `git` would from the environment:
    /// honours `GIT_DIR`, `GIT_OBJECT_DIRECTORY`, `GIT_ALTERNATE_OBJECT_DIRECTORIES`,
    /// `GIT_INDEX_FILE`, `GIT_CEILING_DIRECTORIES`, else searches up from the
    /// current directory. A pre-receive hook must use this to see the pushed
    /// (quarantined) objects. libgit2 1.5 refuses `GIT_WORK_TREE` and `GIT_COMMON_DIR`.
    public static func openFromEnvironment() throws -> Repository {
        try openExt(nil, flags: GIT_REPOSITORY_OPEN_FROM_ENV.rawValue)
    }

    private static func openExt(_ path: String?, flags: UInt32) throws -> Repository {
        Runtime.ensureInitialized()
        var repo: OpaquePointer? = nil
        let rc = git_repository_open_ext(&repo, path, flags, nil)
        if rc < 0 {
            let error = lastError(rc)
            guard Ownership.isRefusal(error) else { throw error }
            // libgit2 1.5 knows no `safe.directory = *`, which git (2.36+) honours:
            // only then is its check, already made, passed over for this one open.
            guard Ownership.allowsEveryDirectory() else { throw Ownership.refusal(error, path: path) }
            _ = gitdesk_set_owner_validation(0)
            defer { _ = gitdesk_set_owner_validation(1) }
            try check(git_repository_open_ext(&repo, path, flags, nil))
        }
        let repository = Repository(repo!)
        try LooseObjectGuard.install(on: repo!, gitDir: repository.gitDir,
                                     fromEnvironment: flags & GIT_REPOSITORY_OPEN_FROM_ENV.rawValue != 0)
        return repository
    }

    /// Creates a repository at `path` (making directories as needed) whose
    /// HEAD names `refs/heads/<initialBranch>`, still unborn.
    public static func create(at path: String, bare: Bool = false, initialBranch: String = "main") throws -> Repository {
        Runtime.ensureInitialized()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var repo: OpaquePointer? = nil
        try initialBranch.withCString { branch in
            options.initial_head = branch
            try check(git_repository_init_ext(&repo, path, &options))
        }
        let repository = Repository(repo!)
        try LooseObjectGuard.install(on: repo!, gitDir: repository.gitDir, fromEnvironment: false)
        return repository
    }

    /// The working directory (no trailing slash), or nil for a bare repository.
    public var workdir: String? {
        git_repository_workdir(pointer).map { trimmingSlash(String(cString: $0)) }
    }

    /// The git directory (`.../.git`, or the bare repository itself), no trailing slash.
    public var gitDir: String {
        trimmingSlash(String(cString: git_repository_path(pointer)))
    }

    /// The repository's directory: the working directory, or the git directory if bare.
    public var path: String {
        workdir ?? gitDir
    }

    /// True for a bare repository (no working directory).
    public var isBare: Bool {
        git_repository_is_bare(pointer) == 1
    }

    /// True when HEAD is unborn and there are no references at all (a new repository).
    ///
    /// Not `git_repository_is_empty`: libgit2 1.5 also requires HEAD to name
    /// `init.defaultBranch` (else `master`), so it says false for our `main`.
    public var isEmpty: Bool {
        get throws {
            guard case .unborn = try head() else { return false }
            var iterator: OpaquePointer? = nil
            try check(git_reference_iterator_new(&iterator, pointer))
            defer { git_reference_iterator_free(iterator) }
            var name: UnsafePointer<CChar>? = nil
            let rc = git_reference_next_name(&name, iterator)
            if rc == GIT_ITEROVER.rawValue { return true }
            try check(rc)
            return false
        }
    }

    /// Sets the name and e-mail libgit2 writes into reflog entries made
    /// through this handle (otherwise: config `user.*`, else "unknown").
    public func setReflogIdentity(name: String?, email: String?) throws {
        try check(git_repository_set_ident(pointer, name, email))
    }
}

@available(*, unavailable, message: "libgit2 repositories are not thread-safe")
extension Repository: Sendable {}

private func trimmingSlash(_ path: String) -> String {
    guard path.count > 1, path.hasSuffix("/") else { return path }
    return String(path.dropLast())
}
