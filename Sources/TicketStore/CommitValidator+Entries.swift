import GitKit
import TicketCore

extension CommitValidator {
    /// `tree-entry`: what kind of entries a desk holds. Under `tickets/` only
    /// regular files (mode 100644) and folders — a symlink or an executable
    /// ticket would be read differently by git and by gitdesk — and `tickets`
    /// itself is a folder; a submodule (a commit of another repository) is
    /// refused anywhere. Checked before any file is read (fail closed: a
    /// submodule's id is not a blob).
    static func entryFindings(_ changes: [ChangedPath]) -> [Finding] {
        var findings: [Finding] = []
        for change in changes where change.newBlob != nil {
            guard let kind = change.newKind else { continue }
            let path = change.path
            if kind == .submodule {
                findings.append(Finding(file: path, line: 1, rule: "tree-entry",
                    message: "\(path) is a submodule (a link to another repository's commit): a desk holds none; remove it with git rm --cached \(path)"))
            } else if path == DeskLayout.ticketsDirectory {
                findings.append(Finding(file: path, line: 1, rule: "tree-entry",
                    message: "tickets is a \(describe(kind)), not a folder: the tickets live in the folder tickets/"))
            } else if path.hasPrefix(DeskLayout.ticketsDirectory + "/"), kind != .file {
                findings.append(Finding(file: path, line: 1, rule: "tree-entry",
                    message: "\(path) is a \(describe(kind)): under tickets/ only regular files (mode 100644) and folders; commit it as a plain file"))
            }
        }
        return findings
    }

    private static func describe(_ kind: TreeEntry.Kind) -> String {
        switch kind {
        case .file: "file"
        case .executable: "executable file (mode 100755)"
        case .symlink: "symbolic link"
        case .tree: "folder"
        case .submodule: "submodule"
        case .other: "special entry"
        }
    }
}
