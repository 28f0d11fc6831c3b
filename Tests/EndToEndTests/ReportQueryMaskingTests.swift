import Foundation
import Testing
import TestSupport

/// `report --query` cannot undo the masking with SQL: the query runs on a
/// masked copy of the cache, so no function that rewrites a value before it
/// is returned (hex, replace, substr, ||, unicode, char) and no probe
/// (instr, LIKE, MATCH) ever sees a raw value.
@Suite("report --query masks in the data, not in the output")
struct ReportQueryMaskingTests {
    /// Commits `reports/NAME.sql` for each query and runs each as CSV.
    static func run(_ f: HandEditedPIIDesk, _ reports: [String: String]) throws -> [String: String] {
        for (name, sql) in reports { try f.desk.write("reports/\(name).sql", sql + "\n") }
        _ = try f.desk.git(["add", "reports"])
        try f.desk.handCommit("reports")
        var out: [String: String] = [:]
        for name in reports.keys {
            out[name] = try f.desk.succeed(["report", "--query", name, "--format", "csv"], now: HandEditedPIIDesk.now)
        }
        return out
    }

    /// The CSV's cells after the header, one string per cell.
    static func cells(_ csv: String) -> [String] {
        csv.components(separatedBy: "\r\n").dropFirst().flatMap { $0.split(separator: ",").map(String.init) }
    }

    /// Text from hexadecimal (what hex() returns), invalid bytes dropped.
    static func unhex(_ s: String) -> String {
        let chars = Array(s.utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i + 1 < chars.count {
            if let b = UInt8(String(decoding: chars[i...i + 1], as: UTF8.self), radix: 16) { bytes.append(b) }
            i += 2
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("hex(), replace(), substr() and ||, unicode(), char(), instr() and LIKE probes")
    func functions() throws {
        let f = try HandEditedPIIDesk()
        let p = f.phone, c = f.contactPhone
        func at(_ s: String, _ r: Range<Int>) -> String { String(Array(s)[r]) }
        let shifted = (1...11).map { "unicode(substr(contact, \($0), 1)) + 1" }.joined(separator: ", ")
        let out = try Self.run(f, [
            "hexed": "SELECT hex(contact) AS a, hex(title) AS b, hex(body) AS c FROM ticket",
            "replaced": "SELECT replace(contact, '1', '#') AS a, replace(title, '1', '#') AS b, replace(CAST(body AS TEXT), '@', '#') AS c FROM ticket",
            "cut": """
                SELECT substr(contact, 1, 3) || '-' || substr(contact, 4, 4) || '-' || substr(contact, 8) AS a,
                       substr(title, instr(title, '回电') + 3, 3) || '-' || substr(title, instr(title, '回电') + 6, 4) || '-' || substr(title, instr(title, '回电') + 10) AS b
                FROM ticket
                """,
            "codes": """
                WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < 3000)
                SELECT group_concat(unicode(substr(CAST(body AS TEXT), k, 1)), ' ') AS a FROM ticket, i
                WHERE k <= length(CAST(body AS TEXT))
                """,
            "contactcodes": """
                WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < 40)
                SELECT group_concat(unicode(substr(contact, k, 1)), ' ') AS a FROM ticket, i WHERE k <= length(contact)
                """,
            "shifted": "SELECT char(\(shifted)) AS a FROM ticket",
            "probe": """
                SELECT instr(contact, '\(at(c, 3..<7))') AS a, instr(CAST(body AS TEXT), '\(p)') AS b,
                       instr(CAST(body AS TEXT), '\(f.residentID)') AS c, instr(CAST(body AS TEXT), '\(f.email)') AS d,
                       instr(title, '\(p)') AS e, (SELECT count(*) FROM ticket WHERE contact LIKE '\(c)') AS g,
                       (SELECT count(*) FROM ticket WHERE body LIKE '%\(at(p, 3..<7))%') AS h
                FROM ticket
                """,
            "plain": "SELECT id, contact, title FROM ticket",
        ])
        for (name, csv) in out { f.expectMasked(csv, name) }
        let hexed = try #require(out["hexed"])
        #expect(Self.cells(hexed).count == 3, "\(hexed)")
        for cell in Self.cells(hexed) { f.expectMasked(Self.unhex(cell), "hex() decoded") }
        #expect(Self.unhex(Self.cells(hexed).first ?? "").contains("****"), "hex(contact) is of the masked contact: \(hexed)")
        let replaced = try #require(out["replaced"])
        for raw in f.raw {
            #expect(!replaced.contains(raw.replacingOccurrences(of: "1", with: "#")), "replace() undid the mask: \(replaced)")
        }
        #expect(!replaced.contains(f.email.replacingOccurrences(of: "@", with: "#")), "\(replaced)")
        let cut = try #require(out["cut"])
        for raw in [p, c] {
            #expect(!cut.contains("\(at(raw, 0..<3))-\(at(raw, 3..<7))-\(at(raw, 7..<11))"), "substr() || undid the mask: \(cut)")
        }
        for name in ["codes", "contactcodes"] {
            let csv = try #require(out[name])
            let decoded = String(String.UnicodeScalarView(
                csv.split(whereSeparator: { !$0.isNumber }).compactMap { UInt32($0).flatMap(Unicode.Scalar.init) }))
            #expect(decoded.count > 10, "\(name): \(csv)")
            f.expectMasked(decoded, "unicode() decoded (\(name))")
        }
        let shiftedOut = try #require(out["shifted"])
        let unshifted = String(String.UnicodeScalarView(shiftedOut.unicodeScalars.compactMap { Unicode.Scalar($0.value - 1) }))
        #expect(!unshifted.contains(c), "char() undid the mask: \(shiftedOut)")
        #expect(Self.cells(try #require(out["probe"])) == ["0", "0", "0", "0", "0", "0", "0"], "instr()/LIKE found a raw value: \(out["probe"] ?? "")")
        let plain = try #require(out["plain"])
        #expect(plain.contains(f.id) && plain.contains("\(at(c, 0..<3))****\(at(c, 7..<11))"), "\(plain)")
    }

    @Test("full-text MATCH finds words of the masked text, never a raw value; the FTS tables hold masked text; EXPLAIN reads no data")
    func fullTextAndExplain() throws {
        let f = try HandEditedPIIDesk()
        let out = try Self.run(f, [
            "match": "SELECT t.id AS id FROM ticket_text JOIN ticket t ON t.n = ticket_text.rowid WHERE ticket_text MATCH '订单未生成'",
            "rawmatch": "SELECT count(*) AS n FROM ticket_text WHERE ticket_text MATCH '\(f.phone)'",
            "short": "SELECT count(*) AS n FROM ticket_text WHERE ticket_text MATCH '催单'",
            "shadow": "SELECT group_concat(c0, ' ') AS text FROM ticket_text_content",
            "plan": "EXPLAIN QUERY PLAN SELECT id FROM ticket WHERE status = 'new'",
            "code": "EXPLAIN SELECT id FROM ticket",
        ])
        #expect(out["match"] == "id\r\n\(f.id)\r\n", "\(out["match"] ?? "")")
        #expect(out["rawmatch"] == "n\r\n0\r\n", "\(out["rawmatch"] ?? "")")
        // The trigram index matches terms of three characters or more (docs/reports.md says so).
        #expect(out["short"] == "n\r\n0\r\n", "\(out["short"] ?? "")")
        let shadow = try #require(out["shadow"])
        #expect(shadow.contains("催单"), "\(shadow)")
        f.expectMasked(shadow, "the FTS content table")
        #expect(try #require(out["plan"]).contains("ticket"), "\(out["plan"] ?? "")")
        #expect(try #require(out["code"]).contains("OpenRead"), "\(out["code"] ?? "")")
        for (name, sql, word) in [("explainwrite", "EXPLAIN DELETE FROM ticket", "may not write"),
                                  ("meta", "SELECT * FROM meta", "may not read meta"),
                                  ("master", "SELECT sql FROM sqlite_master", "may not read sqlite_master")] {
            try f.desk.write("reports/\(name).sql", sql + "\n")
            _ = try f.desk.git(["add", "reports"])
            try f.desk.handCommit(name)
            try f.desk.expectRefusal(["report", "--query", name], mentioning: ["reports/\(name).sql", word])
        }
    }
}
