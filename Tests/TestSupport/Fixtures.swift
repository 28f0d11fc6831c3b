import TicketCore

/// Shared fixtures: the roster `gitdesk init` writes (same handles, roles
/// and departments, so unit and end-to-end tests speak of the same people),
/// the default schema, times in China Standard Time, and the example records
/// from the documents.
public enum Fixtures {
    /// 客服小李: front-line agent.
    public static let li = Person(handle: "li", name: "李*", email: "li@example.com", roles: ["agent"], department: "customer_service")
    /// 张*(技术): tech-support handler.
    public static let zhang = Person(handle: "zhang", name: "张*", email: "zhang@example.com", roles: ["handler"], department: "tech_support")
    /// 售后小陈: after-sales handler.
    public static let chen = Person(handle: "chen", name: "售后小陈", email: "chen@example.com", roles: ["handler"], department: "after_sales")
    /// 产品小刘: product handler.
    public static let liu = Person(handle: "liu", name: "产品小刘", email: "liu@example.com", roles: ["handler"], department: "product")
    /// 主管老王: customer-service supervisor.
    public static let wang = Person(handle: "wang", name: "主管老王", email: "wang@example.com", roles: ["supervisor"], department: "customer_service")
    /// 运营小赵: quality / operations.
    public static let zhao = Person(handle: "zhao", name: "运营小赵", email: "zhao@example.com", roles: ["qa"], department: "operations")
    /// Administrator.
    public static let admin = Person(handle: "admin", name: "管理员", email: "admin@example.com", roles: ["admin"], department: "customer_service")

    /// The after-sales handler, once handle `d`.
    @available(*, deprecated, renamed: "chen")
    public static var d: Person { chen }
    /// The qa person, once handle `zhou`.
    @available(*, deprecated, renamed: "zhao")
    public static var zhou: Person { zhao }
    /// The administrator, once handle `root`.
    @available(*, deprecated, renamed: "admin")
    public static var root: Person { admin }

    /// The roster: one person in each role, handlers in three departments.
    public static let team = Team(people: [li, zhang, chen, liu, wang, zhao, admin])

    /// One person per role key, for generated role tests.
    public static let personByRole: [String: Person] = [
        "agent": li, "handler": zhang, "supervisor": wang, "qa": zhao, "admin": admin,
    ]

    /// The default schema compiled into TicketCore.
    public static var schema: Schema {
        do { return try SchemaLoader.loadDefault() } catch { fatalError("default schema: \(error)") }
    }

    /// A time in China Standard Time: `t("2024-05-01 14:30")`.
    public static func t(_ text: String) -> Timestamp {
        guard let ts = Timestamp.parse(text, defaultOffsetMinutes: 480) else { fatalError("bad time \(text)") }
        return ts
    }

    /// What agent 李 records for CS20240501001 (投诉, 紧急).
    public static let complaintFields: [String: String] = [
        "title": "支付成功但订单未生成",
        "type": "complaint",
        "subtype": "order",
        "channel": "app",
        "priority": "urgent",
        "module": "APP-订单支付",
        "submitter": "用户*",
        "contact": "尾号5678",
        "customer_id": "CUST456",
        "description": "支付成功但订单未生成,导致重复下单",
    ]

    /// What is recorded for CST-20240520001 (故障报修, 紧急).
    public static let faultFields: [String: String] = [
        "title": "新购手机无法开机",
        "type": "fault",
        "subtype": "hardware",
        "channel": "phone",
        "priority": "urgent",
        "module": "手机(型号Pro)",
        "submitter": "张女士",
        "contact": "尾号1234",
        "description": "5月18日购买的手机无法开机,未自行拆修,要求换新",
    ]

    /// The example records of the documents as they stand (imported shape:
    /// legacy IDs, no workflow markers in their logs).
    public static var seedTickets: [Ticket] {
        [
            Ticket(fields: ["id": "CS20240501001", "created": "2024-05-01T14:30:00+08:00", "title": "支付成功但订单未生成",
                            "submitter": "用户*", "contact": "尾号5678", "type": "complaint", "channel": "app", "module": "APP-订单支付",
                            "description": "支付成功但订单未生成,导致重复下单", "priority": "urgent", "assignee": "zhang",
                            "department": "tech_support", "status": "resolved", "satisfaction": "5", "confirmation": "customer",
                            "root_cause": "支付回调接口超时", "solution": "修复接口并同步订单"]),
            Ticket(fields: ["id": "CS20240501002", "created": "2024-05-01T15:20:00+08:00", "title": "积分商城兑换咨询",
                            "submitter": "匿名用户", "type": "consult", "channel": "web", "module": "官网-会员权益",
                            "description": "询问普通会员是否可兑换积分商城指定商品", "priority": "medium", "assignee": "li",
                            "status": "closed", "satisfaction": "3", "confirmation": "customer", "solution": "说明兑换规则"]),
            Ticket(fields: ["id": "CS20240501003", "created": "2024-05-01T16:10:00+08:00", "title": "建议增加消息免打扰时间段",
                            "submitter": "用户A*", "contact": "账号U*456", "type": "suggestion", "channel": "app", "module": "APP-消息通知",
                            "description": "建议增加\"消息免打扰时间段\"设置功能", "priority": "low", "assignee": "liu",
                            "status": "in_progress"]),
            Ticket(fields: ["id": "CST-20240520001", "created": "2024-05-20T14:30:00+08:00", "title": "新购手机无法开机",
                            "submitter": "张女士", "contact": "尾号1234", "type": "fault", "subtype": "hardware", "channel": "phone",
                            "module": "手机(型号Pro)", "description": "5月18日购买的手机无法开机,未自行拆修,要求换新",
                            "priority": "urgent", "assignee": "chen", "department": "after_sales", "status": "in_progress"]),
        ]
    }
}
