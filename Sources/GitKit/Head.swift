internal import CLibGit2

/// Where HEAD points.
public enum HeadState: Hashable, Sendable {
    /// HEAD names a branch (`refs/heads/x`) that has a commit.
    case branch(name: String, commit: ObjectID)
    /// HEAD names a branch (`refs/heads/x`) with no commits yet (a new repository).
    case unborn(name: String)
    /// HEAD points straight at a commit.
    case detached(ObjectID)

    /// The commit HEAD resolves to, if any.
    public var commit: ObjectID? {
        switch self {
        case .branch(_, let commit), .detached(let commit): commit
        case .unborn: nil
        }
    }

    /// The branch HEAD names (`refs/heads/x`), if it is not detached.
    public var branchName: String? {
        switch self {
        case .branch(let name, _), .unborn(let name): name
        case .detached: nil
        }
    }
}

extension Repository {
    /// Reads HEAD: the branch it names and that branch's commit, if any.
    public func head() throws -> HeadState {
        var ref: OpaquePointer? = nil
        try check(git_reference_lookup(&ref, pointer, "HEAD"))
        let head = ReferenceHandle(ref!)
        if git_reference_type(head.pointer) == GIT_REFERENCE_DIRECT {
            return .detached(ObjectID(git_reference_target(head.pointer)))
        }
        let name = String(cString: git_reference_symbolic_target(head.pointer))
        var oid = git_oid()
        let rc = git_reference_name_to_id(&oid, pointer, name)
        if rc == GIT_ENOTFOUND.rawValue { return .unborn(name: name) }
        try check(rc)
        return .branch(name: name, commit: ObjectID(oid))
    }
}

extension Repository {
    /// Points HEAD at branch `ref` (`refs/heads/main`), which need not exist
    /// yet: what `git clone` checks out of a bare server repository.
    public func setHead(_ ref: String) throws {
        try check(git_repository_set_head(pointer, ref))
    }
}
