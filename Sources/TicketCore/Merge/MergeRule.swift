/// How a merge settles a field that both sides changed to different values.
///
/// Declared per field in fields.yaml (`merge: higher`); a field without one
/// gets ``default(for:)``. Every rule picks the value of one side, never a
/// new value, so a merge result can be checked against its parents.
public enum MergeRule: String, Codable, Sendable, CaseIterable {
    /// The status listed later in workflow.yaml (`resolved` beats `in_progress`).
    case laterStage = "later_stage"
    /// The value listed first in the field's enum (enums list the highest
    /// first: `urgent`, `high`, ...), the larger number, or the later date-time.
    case higher
    /// The value listed last in the field's enum, the smaller number, or the
    /// earlier date-time (the first response is the earlier one).
    case lower
    /// The value of the side that changed the ticket last (commit time).
    case laterChange = "later_change"
    /// Long texts: keep the later change and copy the other side's text into the log.
    case keepBoth = "keep_both"
    /// No rule: the merge stops and a person decides.
    case manual

    /// The rule for a field that declares none: status by workflow stage,
    /// priority the higher, long texts keep both, everything else the later change.
    public static func `default`(for field: FieldDefinition?, key: String) -> MergeRule {
        if key == "status" { return .laterStage }
        if key == "priority" { return .higher }
        if field?.type == .longtext { return .keepBoth }
        return .laterChange
    }
}

extension Schema {
    /// The merge rule of a field: its `merge:` in fields.yaml, else the default.
    public func mergeRule(for key: String) -> MergeRule {
        let field = field(key)
        return field?.merge.flatMap(MergeRule.init(rawValue:)) ?? MergeRule.default(for: field, key: key)
    }
}
