/// Where each field goes in a ticket file and in which order; derived from
/// the schema so the file follows the desk's own field list.
public struct TicketLayout: Equatable, Sendable {
    /// One-line fields written in the front matter, in this order.
    public var frontMatter: [String]
    /// Long-text fields written as `## key` sections, in this order.
    public var sections: [String]

    public init(frontMatter: [String], sections: [String]) {
        self.frontMatter = frontMatter
        self.sections = sections
    }

    /// True if `key` is written as a section.
    public func isSection(_ key: String) -> Bool { sections.contains(key) }
}
