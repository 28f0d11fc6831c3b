internal import CLibGit2

/// An error reported by libgit2: its code, its error class and its message.
///
/// Callers switch on ``code``: `.modified` and `.locked` mean "lost a race,
/// retry"; `.notFound` means the object, reference or repository is missing.
public struct GitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, from libgit2's return code (`GIT_E...`).
    public enum Code: Hashable, Sendable {
        /// `GIT_ENOTFOUND`: the object, reference, path or repository does not exist.
        case notFound
        /// `GIT_EEXISTS`: the object or reference already exists.
        case exists
        /// `GIT_EAMBIGUOUS`: more than one object matches.
        case ambiguous
        /// `GIT_EBAREREPO`: not allowed in a bare repository.
        case bareRepo
        /// `GIT_EUNBORNBRANCH`: HEAD names a branch with no commits yet.
        case unbornBranch
        /// `GIT_EUNMERGED`: a merge is in progress (the index has conflicts).
        case unmerged
        /// `GIT_ENONFASTFORWARD`: the reference was not fast-forwardable.
        case nonFastForward
        /// `GIT_EINVALIDSPEC`: a name or refspec is not valid.
        case invalidSpec
        /// `GIT_ECONFLICT` / `GIT_EMERGECONFLICT`: conflicts prevented the operation.
        case conflict
        /// `GIT_ELOCKED`: a lock file is held by someone else; retry.
        case locked
        /// `GIT_EMODIFIED`: the reference moved since it was read; retry.
        case modified
        /// `GIT_EUNCOMMITTED`: uncommitted changes in the index prevented the operation.
        case uncommitted
        /// `GIT_EINDEXDIRTY`: unsaved changes in the index would be overwritten.
        case indexDirty
        /// `GIT_EOWNER`: the repository is not owned by the current user.
        case owner
        /// `GIT_EINVALID`: invalid operation or input.
        case invalid
        /// Any other libgit2 return code (negative), e.g. `-1` for a generic error.
        case other(Int32)

        init(returnCode rc: Int32) {
            switch rc {
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
            case GIT_EBAREREPO.rawValue: self = .bareRepo
            case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
            case GIT_EUNMERGED.rawValue: self = .unmerged
            case GIT_ENONFASTFORWARD.rawValue: self = .nonFastForward
            case GIT_EINVALIDSPEC.rawValue: self = .invalidSpec
            case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue: self = .conflict
            case GIT_ELOCKED.rawValue: self = .locked
            case GIT_EMODIFIED.rawValue: self = .modified
            case GIT_EUNCOMMITTED.rawValue: self = .uncommitted
            case GIT_EINDEXDIRTY.rawValue: self = .indexDirty
            case GIT_EOWNER.rawValue: self = .owner
            case GIT_EINVALID.rawValue: self = .invalid
            default: self = .other(rc)
            }
        }
    }

    /// The libgit2 error class (`GIT_ERROR_*`): which subsystem failed.
    public struct ErrorClass: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The raw `git_error_t` value.
        public let rawValue: Int32
        /// Wraps a raw `git_error_t` value.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// No class (the error did not come from libgit2's error state).
        public static let none = ErrorClass(rawValue: 0)
        /// `GIT_ERROR_OS`: a system call failed.
        public static let os = ErrorClass(rawValue: 2)
        /// `GIT_ERROR_INVALID`: invalid input.
        public static let invalid = ErrorClass(rawValue: 3)
        /// `GIT_ERROR_REFERENCE`: reference handling.
        public static let reference = ErrorClass(rawValue: 4)
        /// `GIT_ERROR_REPOSITORY`: opening or creating a repository.
        public static let repository = ErrorClass(rawValue: 6)
        /// `GIT_ERROR_CONFIG`: configuration.
        public static let config = ErrorClass(rawValue: 7)
        /// `GIT_ERROR_ODB`: the object database.
        public static let odb = ErrorClass(rawValue: 9)
        /// `GIT_ERROR_INDEX`: the index.
        public static let index = ErrorClass(rawValue: 10)
        /// `GIT_ERROR_OBJECT`: object parsing or type.
        public static let object = ErrorClass(rawValue: 11)
        /// `GIT_ERROR_TREE`: tree handling.
        public static let tree = ErrorClass(rawValue: 14)

        private static let names = [
            "none", "nomemory", "os", "invalid", "reference", "zlib", "repository", "config",
            "regex", "odb", "index", "object", "net", "tag", "tree", "indexer", "ssl",
            "submodule", "thread", "stash", "checkout", "fetchhead", "merge", "ssh", "filter",
            "revert", "callback", "cherrypick", "describe", "rebase", "filesystem", "patch",
            "worktree", "sha", "http", "internal",
        ]

        /// The class's short name, e.g. `reference`.
        public var description: String {
            Int(rawValue) < Self.names.count && rawValue >= 0
                ? Self.names[Int(rawValue)] : "class \(rawValue)"
        }
    }

    /// What went wrong.
    public let code: Code
    /// The libgit2 return code (`GIT_E...`, negative).
    public let returnCode: Int32
    /// Which libgit2 subsystem reported it.
    public let errorClass: ErrorClass
    /// libgit2's own message, e.g. `could not find repository at '/tmp/x'`.
    public let message: String

    /// Makes an error; GitKit uses it for failures it detects itself.
    public init(code: Code, returnCode: Int32 = -1, errorClass: ErrorClass = .none, message: String) {
        self.code = code
        self.returnCode = returnCode
        self.errorClass = errorClass
        self.message = message
    }

    /// libgit2's message (or GitKit's own): what a user reads. The code and
    /// class stay in ``code`` and ``errorClass`` for callers; printed they were
    /// noise (`(git: other(-1), odb)`) after a sentence that already says what to do.
    public var description: String { message }
}

/// Turns a libgit2 return code into a thrown ``GitError``.
///
/// Every libgit2 call goes through here. `git_error_last()` is read at once,
/// before any other libgit2 call can overwrite the thread's error state.
@discardableResult
func check(_ rc: Int32) throws -> Int32 {
    guard rc < 0 else { return rc }
    throw lastError(rc)
}

/// Like ``check(_:)`` for a call that reads object `id` named by a tree, a
/// commit or a ref: the error names the object when libgit2's message does not
/// (a damaged pack says only "incorrect data check") and says what to do,
/// with `git fsck` (callers tell a missing object from an unknown name by it).
@discardableResult
func check(_ rc: Int32, reading id: ObjectID, in gitDir: String? = nil) throws -> Int32 {
    guard rc < 0 else { return rc }
    let error = lastError(rc)
    var message = error.message
    if !message.contains(id.hex) { message = "object \(id.hex): \(message)" }
    // A damaged pack or pack index is named, with how to recover.
    if let gitDir, !message.contains("git fsck"), let culprit = PackDamage.explain(id, gitDir: gitDir) {
        message += "; \(culprit): `git fsck` lists the damage; recover from a clone of the server (git clone, then copy over what this clone had not pushed) or a backup"
    }
    if !message.contains("git fsck") {
        message += error.code == .notFound
            ? "; the repository lacks an object it refers to: `git fsck` lists what is missing; copy it from another clone (OTHER): \(ObjectCopyAdvice.command(id.hex)), or run `git fetch` of the branch from the server, or restore a backup"
            : "; `git fsck` lists the damage; restore the object from another clone or a backup"
    }
    throw GitError(code: error.code, returnCode: rc,
                   errorClass: error.errorClass, message: message)
}

/// The error for `rc`, with libgit2's last class and message.
func lastError(_ rc: Int32) -> GitError {
    let last = git_error_last()
    let message = last.flatMap { $0.pointee.message }.map { String(cString: $0) }
    return GitError(
        code: GitError.Code(returnCode: rc),
        returnCode: rc,
        errorClass: GitError.ErrorClass(rawValue: last?.pointee.klass ?? 0),
        message: message ?? "libgit2 error \(rc)")
}
