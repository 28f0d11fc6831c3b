import GitKit

/// Where a branch syncs to: git's own upstream settings (`branch.<b>.remote`,
/// `branch.<b>.merge`, as `git clone` writes them), else `origin` and the
/// branch of the same name.
public struct Upstream: Sendable, Equatable {
    /// The local branch, `refs/heads/main`.
    public var branch: String
    /// The remote's name, `origin`.
    public var remote: String
    /// The branch on the server, `refs/heads/main`.
    public var remoteBranch: String

    /// The remote-tracking ref the last fetch left, `refs/remotes/origin/main`.
    public var trackingRef: String {
        "refs/remotes/\(remote)/" + remoteBranch.dropFirst("refs/heads/".count)
    }

    /// `origin/main`, as people write it.
    public var displayName: String { String(trackingRef.dropFirst("refs/remotes/".count)) }

    /// The upstream of `branch`; nil when the repository has no such remote.
    static func of(branch: String, in repository: Repository) throws -> Upstream? {
        let short = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
        let remote = try repository.configString("branch.\(short).remote") ?? "origin"
        guard try repository.configString("remote.\(remote).url") != nil else { return nil }
        let merge = try repository.configString("branch.\(short).merge") ?? "refs/heads/\(short)"
        return Upstream(branch: branch, remote: remote, remoteBranch: merge)
    }
}
