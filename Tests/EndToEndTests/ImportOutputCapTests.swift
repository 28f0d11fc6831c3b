import Foundation
import Testing
import TestSupport

/// A table of thousands of bad rows (a wrong export, a shifted column) used
/// to print one line per row: `import` names the first 50 and counts the
/// rest, exits non-zero and writes nothing.
@Suite("import: bad rows capped")
struct ImportOutputCapTests {
    @Test("120 bad rows: the first 50 named in order, one line counting the other 70, nothing written")
    func capped() throws {
        for language in ["en", "zh"] {
            let desk = try TestDesk(language: language)
            var table = "问题编号,提交时间,问题类型,渠道,标题,优先级,处理状态\n"
            for n in 1...120 { table += "CS2024060\(String(1000 + n).dropFirst()),2024-06-01 xx,投诉,电话,退款未到账,高,新建\n" }
            let file = desk.sandbox.path("bad.csv")
            try Data(table.utf8).write(to: URL(fileURLWithPath: file))
            let head = try desk.head
            let result = try desk.gitdesk(["import", file], as: "admin")
            #expect(result.status == 1 && result.stdout.isEmpty, "\(result)")
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(lines.count == 52, "\(language): \(lines.count) lines: \(result.stderr.prefix(300))")
            // Each row's reason in the desk's language.
            let first = language == "en" ? "bad.csv:2: created '2024-06-01 xx' is not a date-time like 2024-05-01 14:30"
                : "bad.csv:2：提交时间「2024-06-01 xx」不是形如 2024-05-01 14:30 的日期时间"
            #expect(lines.first?.hasSuffix(first) == true, "\(lines.first ?? "")")
            #expect(lines.dropFirst(49).first?.contains(language == "en" ? "bad.csv:51: " : "bad.csv:51：") == true, "\(lines.dropFirst(49).first ?? "")")
            #expect(!result.stderr.contains("bad.csv:52:"), "\(language): the 51st bad row was printed")
            let count = lines.dropFirst(50).first ?? ""
            #expect(count.contains("70") && (language == "en" ? count.contains("more bad rows") : count.contains("另有")), "\(count)")
            #expect(lines.last?.hasPrefix("gitdesk: ") == true && lines.last?.contains("120") == true, "\(lines.last ?? "")")
            #expect(try desk.head == head)
            #expect(try desk.porcelain.isEmpty)
        }
    }
}
