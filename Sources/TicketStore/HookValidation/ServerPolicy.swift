import Foundation
import GitKit

/// What a desk's server accepts, from the server repository's git config
/// (written by `gitdesk hooks install --server`):
/// - `gitdesk.branch`: the protected branch, whose current tip holds the
///   rules (schema and roster) every push is judged by;
/// - `gitdesk.allowRefs`: the ref namespaces a push may create or update,
///   globs separated by spaces or commas (default `refs/heads/* refs/tags/*`).
///   Anything else (`refs/notes/*`, `refs/pull/*`, `refs/hidden/x`) is refused.
public struct ServerPolicy: Sendable, Equatable {
    public static let branchKey = "gitdesk.branch"
    public static let allowRefsKey = "gitdesk.allowRefs"
    public static let defaultAllowedRefs = ["refs/heads/*", "refs/tags/*"]

    /// The protected branch's short name (`main`).
    public var branch: String
    /// Globs of the refs a push may touch.
    public var allowedRefs: [String]

    public init(branch: String, allowedRefs: [String] = ServerPolicy.defaultAllowedRefs) {
        self.branch = branch; self.allowedRefs = allowedRefs
    }

    /// `refs/heads/<branch>`.
    public var protectedRef: String { "refs/heads/" + branch }

    /// The policy configured in `repository` (defaults where unset).
    public static func read(_ repository: Repository) throws -> ServerPolicy {
        let branch = try repository.configString(branchKey).flatMap { $0.isEmpty ? nil : $0 } ?? defaultBranch(repository)
        var refs = defaultAllowedRefs
        if let configured = try repository.configString(allowRefsKey) {
            refs = configured.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
        }
        return ServerPolicy(branch: branch, allowedRefs: refs)
    }

    /// The branch to protect when none is named: the one HEAD names if it
    /// exists, else the only branch there is, else `main`.
    public static func defaultBranch(_ repository: Repository) throws -> String {
        let branches = try repository.references(matching: "refs/heads/*").map { String($0.name.dropFirst("refs/heads/".count)) }
        if let head = try repository.head().branchName, head.hasPrefix("refs/heads/") {
            let short = String(head.dropFirst("refs/heads/".count))
            if branches.contains(short) { return short }
        }
        if branches.count == 1 { return branches[0] }
        return "main"
    }

    /// True if a push may create, update or delete `ref`.
    public func accepts(_ ref: String) -> Bool {
        allowedRefs.contains { fnmatch($0, ref, 0) == 0 }
    }

    /// True if `name` is a usable branch name (`main`, `desk/main`).
    public static func isValidBranch(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("-") && !name.hasPrefix("refs/") && !name.contains("..")
            && !name.contains(where: { $0 == " " || $0 == "~" || $0 == "^" || $0 == ":" || $0 == "?" || $0 == "*" || $0 == "[" || $0 == "\\" })
            && !name.hasSuffix("/") && !name.hasSuffix(".lock")
    }
}
