/// The one validator: gitdesk runs it before every write, the git hooks and
/// `gitdesk validate` run the same code.
public struct Validator: Sendable {
    public var rules: [any ValidationRule]

    public init(rules: [any ValidationRule] = Validator.standardRules) {
        self.rules = rules
    }

    /// Every rule gitdesk applies to a ticket version.
    public static let standardRules: [any ValidationRule] = [
        FieldValuesRule(),
        RequiredFieldsRule(),
        ImmutableFieldsRule(),
        TicketPathRule(),
        AppendOnlyLogRule(),
        TransitionAllowedRule(),
        TransitionRoleRule(),
        ReasonRequiredRule(),
        PermissionRule(),
        BornTicketRule(),
        LogTimeRule(),
        LogAuthorRule(),
        StepFieldRule(),
        RecordedTimeRule(),
        DueChangeRule(),
        PrivacyRule(),
        ControlCharacterRule(),
        ConflictMarkerRule(),
        InputLimitRule(),
    ]

    /// All findings for one ticket version, errors first.
    public func validate(_ context: ValidationContext) -> [Finding] {
        let all = rules.flatMap { $0.check(context) }
        return all.filter { $0.severity == .error } + all.filter { $0.severity == .warning }
    }
}
