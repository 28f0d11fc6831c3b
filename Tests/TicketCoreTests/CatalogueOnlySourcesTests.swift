import Foundation
import Testing

/// Every sentence gitdesk says to people comes from the catalogue: no English
/// literal is handed to an error or a finding in Sources (issue 11). A new
/// `throw CLIError("…")` or `Finding(…, message: "…")` fails here, naming the
/// line, so the words go into MessageCatalogue (en and zh) instead.
@Suite struct CatalogueOnlySourcesTests {
    /// Shapes that pass a literal sentence where a ``Message`` belongs: a
    /// regular expression for the line, and one for the call it starts
    /// (that line and the next two, where the arguments often go on).
    static let literalShapes: [(line: String, call: String)] = [
        (#"CLIError\(""#, ""), (#"invalidInput\(""#, ""),
        (#"\bFinding\(file:"#, #"message: ""#), (#"ConfigurationError\(file:"#, #"message: ""#),
        (#"[Mm]alformed\(line:"#, #"[Mm]alformed\(line: [^,]+, (message: )?""#),
    ]

    /// Lines left as they are, with the reason: English by design, or another helper's area for now.
    static let allowed: [(file: String, contains: String, why: String)] = [
        ("/ScanBudget.swift", "invalidInput(", "robust10b rewords the pre-receive scan budget"),
        ("/TicketDiff.swift", "invalidInput(", "sync9 rewords diff"),
        ("/TicketWriter.swift", "invalidInput(\"a new ticket needs", "internal guard (writepath14 splits the writer)"),
        ("/TicketMerge.swift", "message: \"the merged ticket", "sync9's merge"),
        ("/YAMLSupport.swift", "message: \"\\(error)\"", "a YAML library's own words"),
    ]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    @Test func noLiteralSentenceReachesAnError() throws {
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.path.contains("/GitKit/") }
        #expect(files.count > 100, "Sources not found at \(Self.sources.path)")
        var offenders: [String] = []
        for file in files {
            let relative = String(file.path.dropFirst(Self.sources.path.count + 1))
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                // The call and its arguments, which may go on over the next lines.
                let call = lines[i..<min(i + 3, lines.count)].joined(separator: " ")
                guard let shape = Self.literalShapes.first(where: { line.range(of: $0.line, options: .regularExpression) != nil }),
                      shape.call.isEmpty || call.range(of: shape.call, options: .regularExpression) != nil else { continue }
                if Self.allowed.contains(where: { relative.hasSuffix($0.file) && call.contains($0.contains) }) { continue }
                offenders.append("\(relative):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(offenders.isEmpty, "English literals outside the catalogue:\n\(offenders.joined(separator: "\n"))")
    }
}
