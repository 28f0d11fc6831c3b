import Foundation
import TicketCore

/// Where `template add` and `template edit` read a template from besides
/// their options: FIELD=VALUE pairs, a template file (`--file PATH`, `-` for
/// stdin) and the user's editor (`--editor`: $VISUAL, else $EDITOR, on a
/// temporary file holding the template as it stands).
enum TemplateInput {
    /// `FIELD=VALUE` pairs, in order.
    static func pairs(_ assignments: [String]) throws -> [(key: String, value: String)] {
        try assignments.map { a in
            guard let eq = a.firstIndex(of: "=") else { throw CLIError(.notFieldValue, ["text": .text(a)]) }
            return (String(a[..<eq]).trimmed(), String(a[a.index(after: eq)...]))
        }
    }

    /// A template file read from `path` (`-`: stdin).
    static func file(_ path: String) throws -> SolutionTemplate {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw CLIError(.cannotReadFile, ["path": .text(path)]) }
        return try parse([UInt8](data), source: path == "-" ? "stdin" : path)
    }

    /// Opens the editor on `template` rendered as a file; returns what was saved.
    static func edit(_ template: SolutionTemplate) throws -> SolutionTemplate {
        let env = ProcessInfo.processInfo.environment
        guard let editor = [env["VISUAL"], env["EDITOR"]].compactMap({ $0 }).first(where: { !$0.trimmed().isEmpty }) else {
            throw CLIError(.editorNeeded)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gitdesk-template-\(UUID().uuidString.prefix(8)).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var shown = template
        shown.document.log = []
        for key in TemplateFile.required where shown[key] == nil && key != "id" { shown[key] = "…" }
        guard FileManager.default.createFile(atPath: path, contents: Data(TemplateFile.render(shown).utf8)) else {
            throw CLIError(.cannotWriteTemporary, ["path": .text(FileManager.default.temporaryDirectory.path)])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError(.editorFailed, ["status": .number(Int(process.terminationStatus))])
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(.editedFileGone) }
        var edited = try parse([UInt8](data), source: Speech.say(Message(.theEditedFile)))
        for key in TemplateFields.editable where edited[key] == "…" { edited[key] = nil }
        return edited
    }

    private static func parse(_ bytes: [UInt8], source: String) throws -> SolutionTemplate {
        do { return try TemplateFile.parse(bytes: bytes).template } catch {
            throw CLIError(.importRow, ["file": .text(source), "line": .number(error.line), "problem": .message(error.message)])
        }
    }

    /// The typed fields of a file or an editor session, as pairs (editable fields only).
    static func pairs(of template: SolutionTemplate) throws -> [(key: String, value: String)] {
        for key in template.document.fields.keys where !TemplateFile.knownFields.contains(key) {
            throw CLIError(TemplateError.unknownField(key).message)
        }
        return TemplateFields.editable.map { ($0, template[$0] ?? "") }
    }
}
