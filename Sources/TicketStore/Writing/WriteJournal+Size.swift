extension WriteJournal {
    /// The largest journal gitdesk reads: an import of 100k tickets names them
    /// in about 4 MB. A larger file is damaged: it is not read (nor claimed as
    /// an interrupted write), and the next write replaces it.
    static let maximumBytes = 16 << 20

    /// True when the journal is there but too large to be one gitdesk wrote.
    var isOversize: Bool { BoundedFile.isOversize(url, maximum: Self.maximumBytes) }
}
