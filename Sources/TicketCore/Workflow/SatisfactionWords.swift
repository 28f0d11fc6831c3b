/// Words people use for a satisfaction rating (用户满意度), in Chinese and
/// English. The documents map 满意 / 一般 / 不满意 to 5 / 3 / 1; the stronger
/// and softer words sit on the same scale.
public enum SatisfactionWords {
    public static let all: [(word: String, value: Int)] = [
        ("非常满意", 5), ("满意", 5), ("比较满意", 4), ("较满意", 4), ("一般", 3),
        ("不太满意", 2), ("不满意", 1), ("非常不满意", 1),
        ("very satisfied", 5), ("satisfied", 5), ("fairly satisfied", 4), ("neutral", 3),
        ("fairly dissatisfied", 2), ("dissatisfied", 1), ("very dissatisfied", 1),
    ]

    /// The rating a word stands for (English case-insensitively), or nil.
    public static func value(of typed: String) -> Int? {
        let t = typed.trimmed().lowercased()
        return all.first { $0.word == t }?.value
    }
}
