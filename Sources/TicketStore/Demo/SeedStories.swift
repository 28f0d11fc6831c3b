import TicketCore

/// The example records of the process documents, as stories replayed step
/// by step at their documented times. Contacts and names are the documents'
/// own masked forms; nothing here is real personal data.
public enum SeedStories {
    typealias Step = DemoDesk.Step

    /// CS20240501001: paid but no order — complaint, urgent (green channel:
    /// routed to tech support, zhang), tech finds an interface timeout, fixes
    /// it, the customer confirms 满意, coupon, closed and archived.
    public static let paymentWithoutOrder: [DemoDesk.Step] = [
        Step(time: "2024-05-01T14:30:00+08:00", by: "li", action: .create(id: "CS20240501001", NewTicketRequest(values: [
            "title": "支付成功但订单未生成", "type": "complaint", "subtype": "order", "channel": "online_chat",
            "priority": "urgent", "module": "APP-订单支付", "submitter": "用户*", "contact": "尾号5678",
            "customer_id": "CUST456",
            "description": "支付成功但订单未生成,导致重复下单。\n影响：客户被扣款两次。期望：生成订单并退还重复扣款。",
        ]))),
        Step(time: "2024-05-01T14:40:00+08:00", by: "zhang", action: .workflow(.move("in_progress", reason: nil))),
        Step(time: "2024-05-01T14:45:00+08:00", by: "zhang", action: .comment("技术排查发现支付回调接口超时")),
        Step(time: "2024-05-01T15:00:00+08:00", by: "zhang", action: .comment("接口已修复,订单已同步")),
        Step(time: "2024-05-01T15:05:00+08:00", by: "zhang", action: .set(["compensation": "发放 20 元优惠券"])),
        Step(time: "2024-05-01T15:10:00+08:00", by: "zhang", action: .workflow(.resolve(
            solution: "修复支付回调接口,补同步订单,重复扣款原路退回",
            rootCause: "What: 支付回调接口超时\nWhy: 高峰期连接池耗尽\nWhere: 订单服务\nWhen: 2024-05-01 14:00 起\nWho: 技术支持\nHow: 扩容连接池并补偿同步订单"))),
        Step(time: "2024-05-01T15:30:00+08:00", by: "li", action: .workflow(.contact(channel: "phone", summary: "客户来电确认订单已生成,解释原因并发放优惠券,客户接受", followUp: nil, by: nil))),
        Step(time: "2024-05-01T15:32:00+08:00", by: "li", action: .workflow(.confirm(rating: 5, feedback: "电话告知原因并发放优惠券,客户接受"))),
        Step(time: "2024-05-01T15:50:00+08:00", by: "wang", action: .workflow(.close)),
        Step(time: "2024-05-01T15:55:00+08:00", by: "zhao", action: .set(["notes": "优化接口稳定性"])),
        Step(time: "2024-05-01T16:00:00+08:00", by: "zhao", action: .workflow(.archive)),
    ]

    /// CS20240501002: membership question, answered and closed, rated 一般.
    public static let membershipQuestion: [DemoDesk.Step] = [
        Step(time: "2024-05-01T15:20:00+08:00", by: "li", action: .create(id: "CS20240501002", NewTicketRequest(values: [
            "title": "询问普通会员是否可兑换积分商城指定商品", "type": "consult", "subtype": "membership", "channel": "web",
            "priority": "medium", "module": "官网-会员权益", "submitter": "匿名用户",
            "description": "询问普通会员是否可兑换积分商城指定商品",
        ]))),
        Step(time: "2024-05-01T15:25:00+08:00", by: "li", action: .workflow(.assign("li", department: "customer_service"))),
        Step(time: "2024-05-01T15:26:00+08:00", by: "li", action: .workflow(.move("in_progress", reason: nil))),
        Step(time: "2024-05-01T15:40:00+08:00", by: "li", action: .workflow(.resolve(solution: "说明普通会员可兑换积分商城中标注“全员可兑”的商品", rootCause: nil))),
        Step(time: "2024-05-01T16:00:00+08:00", by: "li", action: .workflow(.confirm(rating: 3, feedback: nil))),
        Step(time: "2024-05-02T16:00:00+08:00", by: "wang", action: .workflow(.close)),
    ]

    /// CS20240501003: a suggestion, routed to product (liu), being worked.
    public static let quietHoursSuggestion: [DemoDesk.Step] = [
        Step(time: "2024-05-01T16:10:00+08:00", by: "li", action: .create(id: "CS20240501003", NewTicketRequest(values: [
            "title": "建议增加\"消息免打扰时间段\"设置功能", "type": "suggestion", "subtype": "feature", "channel": "app",
            "priority": "low", "module": "APP-消息通知", "submitter": "用户A*", "contact": "账号U*456",
            "description": "建议增加\"消息免打扰时间段\"设置功能",
        ]))),
        Step(time: "2024-05-02T10:00:00+08:00", by: "liu", action: .workflow(.move("in_progress", reason: nil))),
        Step(time: "2024-05-02T10:05:00+08:00", by: "liu", action: .comment("已纳入下一版本需求评审")),
    ]

    /// CST-20240520001: a phone that will not start — fault, urgent (green
    /// channel to tech support), handed to after-sales (chen) for a
    /// replacement; the customer is called and a follow-up is open.
    public static let phoneWillNotStart: [DemoDesk.Step] = [
        Step(time: "2024-05-20T14:30:00+08:00", by: "li", action: .create(id: "CST-20240520001", NewTicketRequest(values: [
            "title": "手机无法开机,要求换新", "type": "fault", "subtype": "hardware", "channel": "phone",
            "priority": "urgent", "module": "手机(型号Pro)", "submitter": "张女士", "contact": "手机尾号5678",
            "description": "5月18日购买的手机无法开机,未自行拆修,要求换新。\n现象：长按电源键无反应。影响：无法使用。期望：换新。",
        ]))),
        Step(time: "2024-05-20T14:40:00+08:00", by: "zhang", action: .workflow(.move("in_progress", reason: nil))),
        Step(time: "2024-05-20T14:50:00+08:00", by: "zhang", action: .comment("远程排查：长按电源键无反应，充电无指示，判断为硬件故障，转售后换新")),
        Step(time: "2024-05-20T15:00:00+08:00", by: "zhang", action: .workflow(.assign("chen", department: "after_sales"))),
        Step(time: "2024-05-20T15:10:00+08:00", by: "chen", action: .workflow(.contact(channel: "phone", summary: "与客户确认购买凭证与故障现象,安排上门取件", followUp: "取件后电话告知检测结果", by: "2024-05-21T18:00:00+08:00"))),
    ]

    /// The communication-log example (CR, 2023-10-01): delayed shipping,
    /// logistics asked to hurry, call back tomorrow.
    public static let delayedShipping: [DemoDesk.Step] = [
        Step(time: "2023-10-01T14:30:00+08:00", by: "li", action: .create(id: "CS20231001001", NewTicketRequest(values: [
            "title": "客户反馈订单延迟发货", "type": "complaint", "subtype": "order", "channel": "phone",
            "priority": "high", "customer_id": "CUST456", "description": "客户反馈订单延迟发货",
        ]))),
        Step(time: "2023-10-01T14:35:00+08:00", by: "li", action: .workflow(.contact(channel: "phone", summary: "客户反馈订单延迟发货,已协调物流部门加急处理", followUp: "明日电话确认", by: "2023-10-02T18:00:00+08:00"))),
    ]

    /// Every story, in the order replayed.
    public static let all: [[DemoDesk.Step]] = [delayedShipping, paymentWithoutOrder, membershipQuestion, quietHoursSuggestion, phoneWillNotStart]
}
