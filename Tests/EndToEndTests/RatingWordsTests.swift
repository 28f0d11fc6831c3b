import Foundation
import Testing
import TestSupport

/// `confirm --rating 满意` is 5, as DOMAIN.md maps 满意 / 一般 / 不满意 to
/// 5 / 3 / 1; import and the list filter read the same words the same way
/// (import used to know three words only, and refused 比较满意).
@Suite struct RatingWordsTests {
    static let now = "2024-06-01T10:00:00+08:00"

    @Test func importConfirmAndListAgree() throws {
        let d = try TestDesk(language: "zh")
        let table = """
            问题编号,提交时间,问题类型,渠道,标题,优先级,处理人,处理状态,用户满意度,根因分析,解决方案
            CS20240501001,2024-05-01 14:30,投诉,电话,支付成功但订单未生成,紧急,zhang,已关闭,比较满意,回调超时,补单
            CS20240501002,2024-05-01 15:20,咨询,电话,会员积分,中,zhang,已关闭,不太满意,规则不清,说明规则
            CS20240501003,2024-05-01 16:20,咨询,电话,会员等级,中,zhang,已关闭,满意,规则不清,说明规则

            """
        let path = d.sandbox.path("seed.csv")
        try Data(table.utf8).write(to: URL(fileURLWithPath: path))
        try d.succeed(["import", path], as: "admin", now: Self.now)
        #expect("\(try d.showJSON("CS20240501001")["satisfaction"] ?? "-")" == "4")
        #expect("\(try d.showJSON("CS20240501002")["satisfaction"] ?? "-")" == "2")
        #expect("\(try d.showJSON("CS20240501003")["satisfaction"] ?? "-")" == "5")

        let id = try d.record(title: "Refund", now: Self.now)
        try d.succeed(["move", id, "in_progress"], as: "zhang", now: Self.now)
        try d.succeed(["resolve", id, "--solution", "退款", "--root-cause", "重复扣款"], as: "zhang", now: Self.now)
        try d.succeed(["confirm", id, "--rating", "一般"], as: "li", now: Self.now)
        #expect("\(try d.showJSON(id)["satisfaction"] ?? "-")" == "3")

        for (word, expected) in [("比较满意", ["CS20240501001"]), ("满意", ["CS20240501003"]), ("一般", [id]), ("neutral", [id])] {
            let out = try d.succeed(["list", "--format", "json", "--rating", word, "--status", "resolved,closed"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            #expect(rows.compactMap { $0["id"] as? String } == expected, "--rating \(word)")
        }
    }
}
