import Foundation
import Testing
import TestSupport

/// Several gitdesk processes reading at once while the cache is missing or
/// stale: one catches up (the single writer), the others wait or read, and
/// every one prints the files' answer.
@Suite("Query cache, concurrent readers")
struct QueryCacheConcurrencyTests {
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var all: [Sandbox.Result] = []
        func add(_ r: Sandbox.Result) { lock.lock(); all.append(r); lock.unlock() }
    }

    @Test("six lists racing a rebuild and a catch-up all equal a full re-parse")
    func racingReaders() throws {
        let desk = try TestDesk()
        var ids: [String] = []
        for i in 0..<6 { ids.append(try desk.record(title: "工单\(i) 退款", now: "2024-05-0\(i + 1)T10:00:00+08:00")) }
        for round in 0..<3 {
            if round == 0 { try? FileManager.default.removeItem(atPath: desk.path(QueryCacheTests.cacheFile)) }
            if round > 0 { try desk.succeed(["comment", ids[round], "第\(round)轮"], as: "li", now: "2024-05-10T10:00:00+08:00") }
            let expected = try desk.succeed(["list", "--format", "json"], now: QueryCacheTests.now, env: ["GITDESK_NO_CACHE": "1"])
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                if let r = try? desk.gitdesk(["list", "--format", "json"], now: QueryCacheTests.now) { results.add(r) }
            }
            #expect(results.all.count == 6)
            for r in results.all { #expect(r.status == 0 && r.stdout == expected, "round \(round): \(r)") }
        }
    }
}
