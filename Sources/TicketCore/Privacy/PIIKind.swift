/// A kind of personal data (个人信息) that gitdesk never stores raw.
///
/// The raw values are the stable keys used in `privacy.yaml` (`kinds:`) and in
/// JSON output; ``zh`` and ``en`` are the labels people see.
public enum PIIKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// A mainland mobile number (手机号): `1[3-9]` + 9 digits.
    case mobile
    /// A landline number with its area code (座机号).
    case landline
    /// An e-mail address (邮箱).
    case email
    /// An 18-digit resident ID number, or a 15-digit legacy one (身份证号).
    case residentID = "resident_id"
    /// A bank card number (银行卡号).
    case bankCard = "bank_card"

    /// The Chinese label, e.g. `手机号`.
    public var zh: String {
        switch self {
        case .mobile: "手机号"
        case .landline: "座机号"
        case .email: "邮箱"
        case .residentID: "身份证号"
        case .bankCard: "银行卡号"
        }
    }

    /// The English label, e.g. `mobile number`.
    public var en: String {
        switch self {
        case .mobile: "mobile number"
        case .landline: "landline number"
        case .email: "e-mail address"
        case .residentID: "resident ID number"
        case .bankCard: "bank card number"
        }
    }

    /// The English label with its indefinite article, for messages ("a mobile number").
    public var enWithArticle: String {
        switch self {
        case .email: "an e-mail address"
        default: "a \(en)"
        }
    }
}
