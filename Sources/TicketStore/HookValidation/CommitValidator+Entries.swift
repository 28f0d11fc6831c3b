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
                    Message(.entrySubmodule, ["path": .text(path)])))
            } else if path == DeskLayout.ticketsDirectory {
                findings.append(Finding(file: path, line: 1, rule: "tree-entry",
                    Message(.entryTicketsNotFolder, ["kind": describe(kind)])))
            } else if path.hasPrefix(DeskLayout.ticketsDirectory + "/"), kind != .file {
                findings.append(Finding(file: path, line: 1, rule: "tree-entry",
                    Message(.entryNotPlainFile, ["path": .text(path), "kind": describe(kind)])))
            }
        }
        return findings
    }

    private static func describe(_ kind: TreeEntry.Kind) -> Message.Argument {
        let key: MessageKey = switch kind {
        case .file: .entryKindFile
        case .executable: .entryKindExecutable
        case .symlink: .entryKindSymlink
        case .tree: .entryKindFolder
        case .submodule: .entryKindSubmodule
        case .other: .entryKindOther
        }
        return .message(Message(key))
    }
}
