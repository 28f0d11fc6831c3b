internal import CLibGit2

extension Repository {
    /// The commits reachable from `tips` but from none of `hiding`
    /// (`git rev-list TIPS --not HIDING`), parents before children when
    /// `oldestFirst` (topological order), else newest first.
    public func commits(from tips: [ObjectID], hiding: [ObjectID] = [], oldestFirst: Bool = false) throws -> [ObjectID] {
        var walk: OpaquePointer? = nil
        try check(git_revwalk_new(&walk, pointer))
        defer { git_revwalk_free(walk) }
        var sorting = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
        if oldestFirst { sorting |= GIT_SORT_REVERSE.rawValue }
        try check(git_revwalk_sorting(walk, sorting))
        for tip in tips {
            var oid = tip.oid
            try check(git_revwalk_push(walk, &oid))
        }
        for hidden in hiding {
            var oid = hidden.oid
            try check(git_revwalk_hide(walk, &oid))
        }
        var result: [ObjectID] = []
        var next = git_oid()
        while true {
            let rc = git_revwalk_next(&next, walk)
            if rc == GIT_ITEROVER.rawValue { break }
            try check(rc)
            result.append(ObjectID(next))
        }
        return result
    }
}
