internal import CLibGit2

/// What a commit says: its tree, parents, people and message.
public struct CommitInfo: Hashable, Sendable {
    /// The commit's own id.
    public var id: ObjectID
    /// The root tree it records.
    public var tree: ObjectID
    /// Its parents, first parent first (empty for a root commit).
    public var parents: [ObjectID]
    /// Who made the change.
    public var author: Signature
    /// Who recorded it; its time orders history.
    public var committer: Signature
    /// The full message as stored.
    public var message: String
    /// The first paragraph of the message, on one line.
    public var summary: String

    /// Makes a commit value (GitKit fills it from the repository; tests may build their own).
    public init(id: ObjectID, tree: ObjectID, parents: [ObjectID], author: Signature,
                committer: Signature, message: String, summary: String) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.message = message
        self.summary = summary
    }
}

extension Repository {
    /// Reads commit `id`.
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        try commitInfo(lookupCommit(id))
    }

    func commitInfo(_ commit: CommitHandle) throws -> CommitInfo {
        let c = commit.pointer
        return CommitInfo(
            id: commit.id,
            tree: commit.treeID,
            parents: (0..<commit.parentCount).map(commit.parentID),
            author: Signature(git_commit_author(c)),
            committer: Signature(git_commit_committer(c)),
            message: git_commit_message(c).map { String(cString: $0) } ?? "",
            summary: git_commit_summary(c).map { String(cString: $0) } ?? "")
    }

    /// Writes a commit object and returns its id. Moves no reference: follow
    /// with ``updateReference(_:to:expecting:message:)``.
    ///
    /// The message is stored as given; end it with a newline like `git` does.
    public func createCommit(tree: ObjectID, parents: [ObjectID], author: Signature,
                             committer: Signature, message: String) throws -> ObjectID {
        let treeHandle = try lookupTree(tree)
        let parentHandles = try parents.map(lookupCommit)
        var parentPointers: [OpaquePointer?] = parentHandles.map(\.pointer)
        var oid = git_oid()
        try withExtendedLifetime((treeHandle, parentHandles)) {
            try author.withGitSignature { author in
                try committer.withGitSignature { committer in
                    _ = try check(git_commit_create(&oid, pointer, nil, author, committer, nil, message,
                                                treeHandle.pointer, parentPointers.count, &parentPointers))
                }
            }
        }
        return ObjectID(oid)
    }
}
