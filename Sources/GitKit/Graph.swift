internal import CLibGit2

extension Repository {
    /// The best common ancestor of commits `a` and `b`; nil if they share no history.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var out = git_oid()
        var one = a.oid
        var two = b.oid
        let rc = git_merge_base(&out, pointer, &one, &two)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc)
        return ObjectID(out)
    }

    /// True if commit `a` is reachable from commit `b` (`git merge-base
    /// --is-ancestor a b`); a commit counts as its own ancestor.
    public func isAncestor(_ a: ObjectID, of b: ObjectID) throws -> Bool {
        if a == b { return true }
        var commit = b.oid
        var ancestor = a.oid
        return try check(git_graph_descendant_of(pointer, &commit, &ancestor)) == 1
    }
}
