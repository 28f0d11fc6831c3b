import TicketCore

/// A write that failed because the disk is full, read-only or not ours to
/// write, told from the system's words in the failure (libgit2 and the file
/// calls append strerror's text). Said as one line that says nothing was
/// written and what to do, instead of libgit2's raw `failed to write …`.
enum DiskTrouble {
    /// The sentence for `problem`, or nil when it is no disk trouble.
    static func message(for problem: String) -> Message? {
        let key: MessageKey
        if problem.contains("No space left on device") || problem.contains("Disk quota exceeded") {
            key = .diskFull
        } else if problem.contains("Read-only file system") {
            key = .diskReadOnly
        } else if problem.contains("Permission denied") {
            key = .diskNotWritable
        } else {
            return nil
        }
        return Message(key, ["file": .text(file(in: problem) ?? "the desk's .git folder")])
    }

    /// The first absolute path in the text (libgit2 quotes it: `'/…/objects/3f/…'`).
    static func file(in text: String) -> String? {
        for quote in ["'", "\""] {
            let parts = text.components(separatedBy: quote)
            if let path = stride(from: 1, to: parts.count, by: 2).map({ parts[$0] }).first(where: { $0.hasPrefix("/") }) {
                return path
            }
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == ":" })
        return words.first { $0.hasPrefix("/") }.map(String.init)
    }
}
