internal import CLibGit2

/// One entry of a tree: the object it names and what kind of entry it is.
public struct TreeEntry: Hashable, Sendable {
    /// What a tree entry holds, from its file mode.
    public enum Kind: Hashable, Sendable {
        /// A regular file (mode 100644).
        case file
        /// An executable file (mode 100755).
        case executable
        /// A symbolic link (mode 120000).
        case symlink
        /// A subdirectory (mode 040000).
        case tree
        /// A submodule commit (mode 160000).
        case submodule
        /// Anything else.
        case other
    }

    /// The blob, tree or commit the entry names.
    public var id: ObjectID
    /// The raw git file mode, e.g. `0o100644`.
    public var mode: UInt32

    /// Makes an entry value from an id and a raw git file mode.
    public init(id: ObjectID, mode: UInt32) {
        self.id = id
        self.mode = mode
    }

    /// The mode's meaning.
    public var kind: Kind {
        switch mode {
        case 0o100644: .file
        case 0o100755: .executable
        case 0o120000: .symlink
        case 0o040000: .tree
        case 0o160000: .submodule
        default: .other
        }
    }

    /// True for files and symlinks (entries whose object is a blob).
    public var isBlob: Bool {
        kind == .file || kind == .executable || kind == .symlink
    }
}

extension Repository {
    /// The entry at `path` (e.g. `tickets/2024/05/X.md`) in tree `tree`; nil if there is none.
    public func entry(at path: String, inTree tree: ObjectID) throws -> TreeEntry? {
        let root = try lookupTree(tree)
        var entry: OpaquePointer? = nil
        let rc = git_tree_entry_bypath(&entry, root.pointer, path)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc)
        let handle = TreeEntryHandle(entry!)
        return TreeEntry(id: ObjectID(git_tree_entry_id(handle.pointer)),
                         mode: UInt32(git_tree_entry_filemode(handle.pointer).rawValue))
    }

    /// The contents of the file at `path` in tree `tree`; nil if there is no
    /// file there (nothing, or a directory).
    public func fileContents(at path: String, inTree tree: ObjectID) throws -> [UInt8]? {
        guard let entry = try entry(at: path, inTree: tree), entry.isBlob else { return nil }
        do { return try blob(entry.id) } catch let error as GitError where error.message.contains("gitdesk reads") {
            // An oversized file is named by its path too: the object ID alone says little.
            throw GitError(code: error.code, returnCode: error.returnCode, errorClass: error.errorClass,
                           message: "\(path): " + error.message)
        }
    }

    /// Every file (blob) under directory `prefix` of tree `tree`, recursively, in
    /// git's tree order, with full paths from the root. `prefix` `""` lists the
    /// whole tree; a prefix that is not a directory gives `[]`.
    public func listFiles(inTree tree: ObjectID, under prefix: String = "") throws -> [(path: String, blob: ObjectID)] {
        var directory = Substring(prefix)
        while directory.hasSuffix("/") { directory = directory.dropLast() }
        var start = tree
        if !directory.isEmpty {
            guard let sub = try entry(at: String(directory), inTree: tree), sub.kind == .tree else { return [] }
            start = sub.id
        }
        let root = try lookupTree(start)
        let collector = FileCollector(prefix: directory.isEmpty ? "" : directory + "/")
        let rc = withExtendedLifetime(collector) {
            git_tree_walk(root.pointer, GIT_TREEWALK_PRE, { parent, entry, payload in
                guard let entry, let payload else { return -1 }
                guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return 0 }
                let collector = Unmanaged<FileCollector>.fromOpaque(payload).takeUnretainedValue()
                var path = collector.prefix
                if let parent { path += String(cString: parent) }
                path += String(cString: git_tree_entry_name(entry))
                collector.files.append((path, ObjectID(git_tree_entry_id(entry))))
                return 0
            }, Unmanaged.passUnretained(collector).toOpaque())
        }
        try check(rc)
        return collector.files
    }
}

/// The payload of `listFiles`' tree walk.
private final class FileCollector {
    let prefix: String
    var files: [(path: String, blob: ObjectID)] = []
    init(prefix: String) { self.prefix = prefix }
}
