import Foundation
import Testing
import TestSupport

/// `gitdesk history ID` read and parsed every version of the ticket whole
/// (to see whether it was sync's rename), so 300 versions of up to 911 KB
/// took 45 s. Only a version that made the file at its path can be a rename:
/// history reads one version per creation of the file, however many versions
/// and however large (counted by the `GITDESK_TRACE` line; times in
/// BENCHMARKS.md).
@Suite("history cost")
struct HistoryCostTests {
    @Test("40 growing versions: history lists them all and reads one version whole")
    func readsOnlyTheCreation() throws {
        let desk = try TestDesk()
        let id = try desk.record(title: "支付失败", now: "2024-05-01T14:30:00+08:00")
        let path = try desk.ticketPath(id)
        let base = try desk.read(path)
        let line = "客户反馈订单延迟发货，已协调物流部门加急处理。\n"
        for k in 1...40 {
            try desk.commitFile(path, bytes: Array((base + "\n## notes\n\n" + String(repeating: line, count: k * 20)).utf8), message: "\(id): notes \(k)")
        }
        for round in ["cold", "warm"] {
            let result = try desk.gitdesk(["history", id, "--json"], env: ["GITDESK_TRACE": "1"])
            #expect(result.status == 0, "\(round): \(result)")
            let listed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(listed.count == 41, "\(round): \(listed.count) commits")
            #expect(result.stderr.contains("trace history read 1 ticket version:"), "\(round): \(result.stderr)")
        }
    }
}
