/// Routing (分派规则) from routing.yaml: the department a new ticket goes
/// to, the green channel for urgent tickets, and default assignees.
public struct RoutingTable: Codable, Equatable, Sendable {
    /// The green channel (绿色通道): these priorities go straight to `department`.
    public struct GreenChannel: Codable, Equatable, Sendable {
        public var priorities: [String]
        public var department: String
        public init(priorities: [String], department: String) { self.priorities = priorities; self.department = department }
    }

    /// Ticket type → department.
    public var byType: [String: String]
    /// The department for a type not listed.
    public var defaultDepartment: String?
    public var greenChannel: GreenChannel?
    /// Department → handle, overriding the roster's first handler.
    public var defaultAssignee: [String: String]

    enum CodingKeys: String, CodingKey {
        case byType = "by_type"
        case defaultDepartment = "default_department"
        case greenChannel = "green_channel"
        case defaultAssignee = "default_assignee"
    }

    public init(byType: [String: String] = [:], defaultDepartment: String? = nil,
                greenChannel: GreenChannel? = nil, defaultAssignee: [String: String] = [:]) {
        self.byType = byType; self.defaultDepartment = defaultDepartment
        self.greenChannel = greenChannel; self.defaultAssignee = defaultAssignee
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        byType = try c.decodeIfPresent([String: String].self, forKey: .byType) ?? [:]
        defaultDepartment = try c.decodeIfPresent(String.self, forKey: .defaultDepartment)
        greenChannel = try c.decodeIfPresent(GreenChannel.self, forKey: .greenChannel)
        defaultAssignee = try c.decodeIfPresent([String: String].self, forKey: .defaultAssignee) ?? [:]
    }

    /// Where a ticket of a type and priority goes.
    public func route(type: String?, priority: String?, team: Team) -> Route {
        let byTypeDepartment = type.flatMap { byType[$0] } ?? defaultDepartment
        var department = byTypeDepartment
        var collaborators: [String] = []
        var green = false
        if let gc = greenChannel, let p = priority, gc.priorities.contains(p) {
            green = true
            department = gc.department
            if let d = byTypeDepartment, d != gc.department { collaborators = [d] }
        }
        return Route(department: department, assignee: department.flatMap { defaultAssignee(for: $0, team: team) },
                     collaborators: collaborators, greenChannel: green)
    }

    /// The handle that takes a department's tickets by default.
    public func defaultAssignee(for department: String, team: Team) -> String? {
        if let h = defaultAssignee[department], team.person(h) != nil { return h }
        let members = team.people.filter { $0.department == department }
        return (members.first { $0.roles.contains("handler") } ?? members.first)?.handle
    }

    /// The outcome of routing one ticket.
    public struct Route: Equatable, Sendable {
        public var department: String?
        public var assignee: String?
        /// Departments that help (协作部门).
        public var collaborators: [String]
        /// True if the green channel applied.
        public var greenChannel: Bool
    }
}
