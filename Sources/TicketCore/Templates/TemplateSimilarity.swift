/// Ranks templates for a ticket (`gitdesk template suggest`).
///
/// score = 0.3 × type + 0.2 × module + 0.5 × text, each part in 0…1:
/// - type: 1 when the template's type is the ticket's (and its subtype too,
///   or either has none); 0.5 when only the type matches; 0 otherwise;
/// - module: 1 when equal; 0.5 when the product before the first `-`
///   matches (`APP-订单支付` and `APP-消息通知`); 0 otherwise or when either has none;
/// - text: the Jaccard index |A ∩ B| / |A ∪ B| of the character bigrams of
///   the ticket's title + description (A) and the template's title + root
///   cause + tags (B). Bigrams suit Chinese, which has no spaces between
///   words: 订单未生成 gives 订单, 单未, 未生, 生成. Text is lowercased and
///   split at anything that is not a letter or digit; a one-character piece
///   counts as itself.
public enum TemplateSimilarity {
    public static let typeWeight = 0.3
    public static let moduleWeight = 0.2
    public static let textWeight = 0.5

    /// One template's score and its parts.
    public struct Score: Equatable, Sendable {
        public var type: Double
        public var module: Double
        public var text: Double
        public var total: Double { TemplateSimilarity.typeWeight * type + TemplateSimilarity.moduleWeight * module + TemplateSimilarity.textWeight * text }
    }

    public static func score(ticket: Ticket, template: SolutionTemplate) -> Score {
        Score(type: typeMatch(ticket: ticket, template: template),
              module: moduleMatch(ticket["module"], template.module),
              text: jaccard(bigrams([ticket["title"], ticket["description"]]),
                            bigrams([template.title, template.rootCause] + template.tags.map(Optional.some))))
    }

    /// The templates ranked best first (ties by slug), at most `limit`, without those scoring 0.
    public static func rank(ticket: Ticket, templates: [SolutionTemplate], limit: Int) -> [(template: SolutionTemplate, score: Score)] {
        var scored: [(template: SolutionTemplate, score: Score)] = []
        for t in templates {
            let s = score(ticket: ticket, template: t)
            if s.total > 0 { scored.append((t, s)) }
        }
        scored.sort { (a: (template: SolutionTemplate, score: Score), b: (template: SolutionTemplate, score: Score)) -> Bool in
            if a.score.total != b.score.total { return a.score.total > b.score.total }
            return a.template.slug < b.template.slug
        }
        return Array(scored.prefix(max(0, limit)))
    }

    static func typeMatch(ticket: Ticket, template: SolutionTemplate) -> Double {
        guard let type = ticket["type"], type == template.type else { return 0 }
        guard let a = ticket["subtype"], let b = template.subtype else { return 1 }
        return a == b ? 1 : 0.5
    }

    static func moduleMatch(_ a: String?, _ b: String?) -> Double {
        guard let a = a?.lowercased(), let b = b?.lowercased(), !a.isEmpty, !b.isEmpty else { return 0 }
        if a == b { return 1 }
        let pa = a.split(separator: "-").first, pb = b.split(separator: "-").first
        return a.contains("-") && b.contains("-") && pa == pb ? 0.5 : 0
    }

    /// The set of character bigrams of `texts` (see the type's description).
    public static func bigrams(_ texts: [String?]) -> Set<String> {
        var result = Set<String>()
        for text in texts.compactMap({ $0 }) {
            var piece: [Character] = []
            func flush() {
                if piece.count == 1 { result.insert(String(piece)) }
                if piece.count > 1 { for i in 0..<(piece.count - 1) { result.insert(String(piece[i...i + 1])) } }
                piece = []
            }
            for ch in text.lowercased() {
                if ch.isLetter || ch.isNumber { piece.append(ch) } else { flush() }
            }
            flush()
        }
        return result
    }

    public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
