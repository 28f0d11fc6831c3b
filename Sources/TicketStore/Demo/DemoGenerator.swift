import TicketCore

/// Generated tickets for demos and benchmarks: realistic shapes, no real
/// personal data (contacts are generated already masked).
public struct DemoGenerator {
    static let titles: [(type: String, module: String, title: String)] = [
        ("complaint", "APP-订单支付", "支付成功但订单未生成"),
        ("complaint", "APP-物流", "订单延迟发货，客户要求加急"),
        ("consult", "官网-会员权益", "询问普通会员能否兑换积分商城商品"),
        ("consult", "APP-优惠券", "优惠券无法叠加使用的规则咨询"),
        ("suggestion", "APP-消息通知", "建议增加消息免打扰时间段设置"),
        ("suggestion", "官网-注册登录", "建议支持扫码登录"),
        ("fault", "手机(型号Pro)", "手机无法开机，要求换新"),
        ("fault", "APP-订单支付", "支付页面白屏"),
        ("fault", "官网-注册登录", "验证码收不到"),
        ("other", "线下门店", "门店营业时间咨询"),
    ]
    static let channels = ["phone", "online_chat", "email", "social", "community", "app", "web", "offline"]
    static let priorities = ["urgent", "high", "medium", "medium", "low"]

    var rng: SeededGenerator

    public init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// The field values of one generated ticket.
    public mutating func nextRequest() -> NewTicketRequest {
        let pick = Self.titles[Int(rng.next() % UInt64(Self.titles.count))]
        let tail = String(format4(Int(rng.next() % 10_000)))
        return NewTicketRequest(values: [
            "type": pick.type,
            "module": pick.module,
            "title": pick.title,
            "channel": Self.channels[Int(rng.next() % UInt64(Self.channels.count))],
            "priority": Self.priorities[Int(rng.next() % UInt64(Self.priorities.count))],
            "contact": "尾号\(tail)",
            "customer_id": "CUST\(100 + rng.next() % 900)",
            "description": "客户反馈：\(pick.title)。订单号 DD2024\(format4(Int(rng.next() % 10_000)))\(format4(Int(rng.next() % 10_000)))。",
        ])
    }

    /// Seconds to the next generated ticket (a few minutes to an hour).
    public mutating func nextGap() -> Int64 { Int64(120 + rng.next() % 3_480) }

    /// A random number below `n`.
    public mutating func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    /// The generator itself, for IDs.
    public var random: SeededGenerator {
        get { rng }
        set { rng = newValue }
    }

    private func format4(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
