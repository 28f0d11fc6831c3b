/// A committed `.gitattributes` must keep routing `tickets/**` to gitdesk's
/// merge driver: without that line (replaced, deleted, or overridden by a
/// later `merge` attribute) `git pull` merges tickets line by line and the
/// field-aware merge is silently off for every clone.
public enum MergeRoutingRule {
    public static let path = ".gitattributes"
    /// The line `init` commits; named in the refusal so the user can restore it.
    public static let routingLine = "tickets/** merge=gitdesk text eol=lf"

    /// True when `text` routes `tickets/**` to the gitdesk driver and no later
    /// line gives any pattern another merge attribute.
    public static func routes(_ text: String) -> Bool {
        var routed = false
        for raw in text.split(whereSeparator: \.isNewline) {
            let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let pattern = words.first, !pattern.hasPrefix("#") else { continue }
            let merges = words.dropFirst().filter { $0 == "merge" || $0.hasPrefix("merge=") || $0 == "-merge" || $0 == "!merge" }
            if pattern == "tickets/**", merges.last == "merge=gitdesk" {
                routed = true
            } else if routed, merges.contains(where: { $0 != "merge=gitdesk" }) {
                routed = false
            }
        }
        return routed
    }

    /// `settings-change`: a change that stops `.gitattributes` routing tickets
    /// to the driver (`old` routed them, `new` — nil: deleted — does not).
    public static func findings(old: String?, new: String?) -> [Finding] {
        guard old != new, let old, routes(old), !(new.map(routes) ?? false) else { return [] }
        return [Finding(file: path, line: 1, rule: "settings-change",
                        Message(.mergeRoutingRemoved, ["line": .text(routingLine)]))]
    }
}
