import GitKit

/// Registers gitdesk's merge driver in a clone's `.git/config`, so a plain
/// `git pull`, `git merge` or `git rebase` merges ticket files field by field
/// (`.gitattributes`, committed by `init`, routes `tickets/**` to it).
public enum MergeDriverSetup {
    /// The driver's name in `.gitattributes` (`merge=gitdesk`).
    public static let name = "gitdesk"
    /// What git runs: %O the base, %A ours (the result goes there), %B theirs, %P the path.
    public static let command = "gitdesk merge-driver %O %A %B %P"

    /// Writes `merge.gitdesk.name` and `merge.gitdesk.driver` into the
    /// repository's own config (idempotent).
    public static func register(in repository: Repository) throws(DeskError) {
        do {
            try repository.setConfig("merge.\(name).name", to: "gitdesk field-aware ticket merge")
            try repository.setConfig("merge.\(name).driver", to: command)
            // git 2.27+ refuses a plain `git pull` of diverged branches until told
            // how to reconcile them: merge, so the driver above merges tickets.
            // A pull.rebase the user chose (any config level) stands; pull.ff alone
            // does not say merge or rebase, so it no longer stops this.
            if try repository.configString("pull.rebase") == nil {
                try repository.setConfig("pull.rebase", to: false)
            }
        } catch { throw DeskError.from(error) }
    }

    /// Registers the driver in the repository containing `path`.
    public static func register(at path: String) throws(DeskError) {
        let repository: Repository
        do { repository = try Repository.discover(from: path) } catch { throw .notARepository(path) }
        try register(in: repository)
    }

    /// True when the repository's config names the driver.
    public static func isRegistered(in repository: Repository) -> Bool {
        ((try? repository.configString("merge.\(name).driver")) ?? nil) != nil
    }
}
