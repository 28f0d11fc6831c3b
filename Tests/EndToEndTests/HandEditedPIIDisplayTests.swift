import Foundation
import Testing
import TestSupport

/// A ticket hand-edited with raw personal data (hooks off) is shown masked by
/// every command that prints tickets: the masker runs on every display path.
@Suite("hand-edited personal data is masked at output")
struct HandEditedPIIDisplayTests {
    @Test("show, as text and JSON")
    func show() throws {
        let f = try HandEditedPIIDesk()
        let text = try f.desk.succeed(["show", f.id], now: HandEditedPIIDesk.now)
        f.expectMasked(text, "show")
        #expect(text.contains("订单未生成") && text.contains("催单"), "\(text)")
        #expect(text.contains(f.phone.prefix(3) + "****" + f.phone.suffix(4)), "the phone is shown masked: \(text)")
        f.expectMasked(try f.desk.succeed(["show", f.id, "--json"], now: HandEditedPIIDesk.now), "show --json")
    }

    @Test("list, as table, JSON and CSV")
    func list() throws {
        let f = try HandEditedPIIDesk()
        for format in ["table", "json", "csv"] {
            let out = try f.desk.succeed(["list", "--format", format], now: HandEditedPIIDesk.now)
            #expect(out.contains(f.id), "\(format): \(out)")
            f.expectMasked(out, "list --format \(format)")
        }
    }

    @Test("search: the hit, its snippet and JSON")
    func search() throws {
        let f = try HandEditedPIIDesk()
        for args in [["search", "催单"], ["search", "回电"], ["search", "回电", "--format", "json"], ["search", "客户邮箱"]] {
            let out = try f.desk.succeed(args, now: HandEditedPIIDesk.now)
            #expect(out.contains(f.id), "\(args): \(out)")
            f.expectMasked(out, args.joined(separator: " "))
        }
    }

    @Test("report ID and the period report")
    func report() throws {
        let f = try HandEditedPIIDesk()
        for format in ["text", "md", "csv", "json", "html"] {
            let one = try f.desk.succeed(["report", f.id, "--format", format], now: HandEditedPIIDesk.now)
            #expect(one.contains(format == "csv" ? "催单" : "订单未生成"), "\(format): \(one)")
            f.expectMasked(one, "report ID --format \(format)")
            let month = try f.desk.succeed(["report", "--month", "2024-05", "--format", format], now: HandEditedPIIDesk.now)
            #expect(month.contains(f.id), "the top problems name the ticket: \(month)")
            f.expectMasked(month, "report --month --format \(format)")
        }
    }
}
