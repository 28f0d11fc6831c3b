import Foundation
import Testing
import TestSupport

/// `report --query` runs a desk's own SQL: a cartesian join, a recursive CTE
/// without end, a huge blob or a flood of rows is stopped with one line,
/// not left to run for hours or fill the memory.
@Suite("report --query limits")
struct ReportQueryLimitsTests {
    @Test("time (--timeout), rows, randomblob/zeroblob: each refused with its own line")
    func limits() throws {
        let desk = try TestDesk()
        for i in 1...6 { _ = try desk.record(title: "订单\(i)", now: "2024-05-01T14:30:00+08:00") }
        let reports = [
            "slow": "SELECT count(*) AS n FROM ticket a, ticket b, ticket c, ticket d, ticket e, ticket f, ticket g, ticket h, ticket i, ticket j, ticket k, ticket l",
            "cte": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<1000000000000) SELECT max(x) AS m FROM c",
            "blob": "SELECT length(randomblob(100000000)) AS n",
            "zero": "SELECT length(zeroblob(1e12)) AS n",
            "rows": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<20000) SELECT x FROM c",
            "fine": "SELECT count(*) AS n FROM ticket",
        ]
        for (name, sql) in reports { try desk.write("reports/\(name).sql", sql + "\n") }
        _ = try desk.git(["add", "reports"])
        try desk.handCommit("reports")
        try desk.expectRefusal(["report", "--query", "slow", "--timeout", "1"], mentioning: ["reports/slow.sql ran longer than 1 s and was stopped", "--timeout"])
        try desk.expectRefusal(["report", "--query", "cte", "--timeout", "1"], mentioning: ["reports/cte.sql ran longer than 1 s"])
        try desk.expectRefusal(["report", "--query", "blob"], mentioning: ["randomblob(100000000) is over the 65536 bytes"])
        try desk.expectRefusal(["report", "--query", "zero"], mentioning: ["zeroblob", "is over the 65536 bytes"])
        try desk.expectRefusal(["report", "--query", "rows"], mentioning: ["returns more than 10000 rows"])
        #expect(try desk.succeed(["report", "--query", "fine", "--format", "csv"]) == "n\r\n6\r\n")
        let usage = try desk.gitdesk(["report", "--timeout", "5"])
        #expect(usage.status == 64 && usage.stderr.contains("--timeout goes with --query"), "\(usage)")
    }
}
