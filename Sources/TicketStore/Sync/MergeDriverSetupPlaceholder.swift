// TEMPORARY: stands in for the merge helper's MergeDriverSetup until wt/merge is merged; deleted then.
import GitKit
public enum MergeDriverSetup {
    public static func register(in repository: Repository) throws {}
}
