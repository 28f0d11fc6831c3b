import GitKit

/// `gitdesk status`: how far the branch and the server's branch (as of the last fetch) have moved apart.
public struct SyncStatus: Sendable, Equatable {
    /// `main`.
    public var branch: String
    /// `origin/main`; nil when the branch has no remote.
    public var upstream: String?
    /// Local commits the server does not have.
    public var unpushed: Int
    /// Server commits (fetched) not merged here.
    public var unmerged: Int
    /// True when the tracking ref exists (a fetch has happened, or the clone made it).
    public var fetched: Bool

    /// Reads the counts; with `fetch`, fetches first through the user's git,
    /// for at most `timeout` seconds (nil: ``DeskSync/configuredTimeout(_:)``).
    public static func read(desk: Desk, fetch: Bool, timeout: Double? = nil) throws(SyncError) -> SyncStatus {
        guard let branch = desk.branch else { throw .detachedHead }
        let repository = desk.repository
        let short = String(branch.dropFirst("refs/heads/".count))
        do {
            guard let upstream = try Upstream.of(branch: branch, in: repository) else {
                return SyncStatus(branch: short, upstream: nil, unpushed: 0, unmerged: 0, fetched: false)
            }
            if fetch, let workdir = repository.workdir ?? Optional(repository.gitDir) {
                let limit = try timeout ?? DeskSync.configuredTimeout(repository)
                let result = try GitRunner(directory: workdir).run(["fetch", "--quiet", "--no-write-fetch-head", upstream.remote], timeout: limit)
                if result.timedOut { throw SyncError.timedOut(remote: upstream.remote, step: "fetch", seconds: limit) }
                guard result.succeeded else { throw SyncError.unreachable(remote: upstream.remote, reason: DeskSync.gitReason(result)) }
            }
            let ours = try repository.referenceTarget(branch)
            guard let theirs = try repository.referenceTarget(upstream.trackingRef) else {
                let count = try ours.map { try repository.commits(from: [$0], hiding: []).count } ?? 0
                return SyncStatus(branch: short, upstream: upstream.displayName, unpushed: count, unmerged: 0, fetched: false)
            }
            guard let ours else {
                return SyncStatus(branch: short, upstream: upstream.displayName, unpushed: 0,
                                  unmerged: try repository.commits(from: [theirs], hiding: []).count, fetched: true)
            }
            return SyncStatus(branch: short, upstream: upstream.displayName,
                              unpushed: try repository.commits(from: [ours], hiding: [theirs]).count,
                              unmerged: try repository.commits(from: [theirs], hiding: [ours]).count,
                              fetched: true)
        } catch let error as SyncError {
            throw error
        } catch {
            throw .git(String(describing: error))
        }
    }
}
