/// The context words of DOMAIN.md's privacy rules, and how near a number they
/// must be.
///
/// A word counts when it ends at most ``maxGap`` characters before the number
/// and nothing between them is a digit, `@`, `*`, a line break or the end of
/// a sentence (`。`, `;`, `!`, `?`). ASCII words match case-insensitively and
/// only as whole words (`paid` does not contain the word `id`).
///
/// Identifier words (订单号, 运单号, 工单, ¥, order, SN…) are labels: they count
/// only right before the number (at most ``maxIdentifierGap`` characters, as
/// in `订单号：`). When one is nearer to the number than any word of the
/// number's own class, the number is that identifier and left as typed
/// (rule 7).
enum PIIContextWords {
    enum Class: Int { case identifier, card, id, phone }

    /// At most this many characters between a context word and the number.
    static let maxGap = 8
    /// At most this many characters between an identifier word and the number.
    static let maxIdentifierGap = 2

    static let card = [
        "卡", "卡号", "银行卡", "card", "账户", "账号", "account", "退款至", "退款到", "打款", "转账",
        "bank", "debit", "credit", "refund to", "iban",
    ]
    static let id = [
        "身份证", "证件", "身份", "证号", "id", "identity", "id no", "id number", "id card no", "identity card no",
        "identity number", "id card number", "identity card number",
    ]
    static let phone = [
        "电话", "手机", "座机", "固话", "联系", "致电", "来电", "拨打", "号码", "传真", "微信", "办公",
        "tel", "phone", "mobile", "fax", "call", "℡", "office", "telephone", "landline", "cell", "mob",
        "contact", "contact no", "contact number", "phone number", "phone no", "tel no", "mobile number",
        "office number", "landline number", "telephone number",
    ]
    static let identifier = [
        "订单", "单号", "编号", "流水", "工单", "交易号", "快递", "物流", "运单", "批次", "序列号", "型号",
        "版本", "券", "优惠码", "兑换码", "激活码", "发票", "条码", "金额", "价格", "时间", "日期",
        "¥", "$", "rmb", "order", "tracking", "sn", "version", "model", "ticket",
        "invoice", "coupon", "serial", "sku", "batch", "waybill", "shipment", "amount", "price", "ip",
    ]

    /// Letter words that may touch a number directly (`ID110105…`, `Tel13812345678`)
    /// without making it part of an identifier such as `SF1234567890123`.
    static let touchingWords: Set<String> = ["id", "tel", "phone", "mobile", "mob", "cell", "card", "fax"]

    static let touchingWordScalars: [[UInt32]] = touchingWords.map { $0.unicodeScalars.map(\.value) }
    static let maxTouchingWordLength = touchingWords.map(\.count).max() ?? 1

    struct Word {
        let scalars: [UInt32]  // normalised, lower-case
        let cls: Class
        let ascii: Bool
    }

    static let all: [Word] = {
        func make(_ list: [String], _ cls: Class) -> [Word] {
            list.map { w in
                Word(scalars: w.unicodeScalars.map { PIINormal.lowered(PIINormal.map($0.value)) },
                     cls: cls, ascii: w.unicodeScalars.allSatisfy(\.isASCII))
            }
        }
        return make(identifier, .identifier) + make(card, .card) + make(id, .id) + make(phone, .phone)
    }()

    static let maxWordLength = all.map(\.scalars.count).max() ?? 1

    /// ``all`` laid out flat, each word's scalars reversed (as the window
    /// reads them), so a search touches no reference-counted storage: the
    /// context of every number is looked up against every word.
    static let flatScalars: [UInt32] = all.flatMap { $0.scalars.reversed() }
    /// Per word: where its scalars start in ``flatScalars``, its length, its
    /// class and whether it is ASCII.
    static let flatWords: [(offset: Int, length: Int, cls: Class, ascii: Bool)] = {
        var offset = 0
        return all.map { w in
            defer { offset += w.scalars.count }
            return (offset, w.scalars.count, w.cls, w.ascii)
        }
    }()

    /// True for characters that end the context window.
    @inline(__always)
    static func stopsWindow(_ v: UInt32) -> Bool {
        PIINormal.isDigit(v) || v == PIINormal.at || v == PIINormal.star || v == 0x0A || v == 0x0D
            || v == 0x3002 || v == 0x3B || v == 0x21 || v == 0x3F || v == 0x2028 || v == 0x2029
            || v == PIINormal.none
    }
}

/// How near each class of context word is to a number (its gap in
/// characters; `Int.max` when absent).
struct PIIContext {
    var identifier = Int.max
    var card = Int.max
    var id = Int.max
    var phone = Int.max

    func gap(_ cls: PIIContextWords.Class) -> Int {
        switch cls {
        case .identifier: identifier
        case .card: card
        case .id: id
        case .phone: phone
        }
    }

    /// True when a word of `cls` is near the number.
    func has(_ cls: PIIContextWords.Class) -> Bool { gap(cls) != Int.max }

    /// True when an identifier word is nearer than any word of `cls`.
    func vetoes(_ cls: PIIContextWords.Class) -> Bool { identifier < gap(cls) }

    /// The context of the number starting at `start`.
    static func find(before start: Int, in r: UTF8Reader, window: inout [UInt32]) -> PIIContext {
        window.removeAll(keepingCapacity: true)
        let limit = PIIContextWords.maxGap + PIIContextWords.maxWordLength + 1
        var q = start
        while window.count < limit {
            let (v, s) = r.previous(q)
            if PIIContextWords.stopsWindow(v) { break }
            window.append(PIINormal.lowered(v))
            q = s
        }
        var ctx = PIIContext()
        if window.isEmpty { return ctx }
        window.withUnsafeBufferPointer { window in
            PIIContextWords.flatScalars.withUnsafeBufferPointer { scalars in
                PIIContextWords.flatWords.withUnsafeBufferPointer { words in
                    for word in words {
                        let len = word.length
                        let maxGap = word.cls == .identifier ? PIIContextWords.maxIdentifierGap : PIIContextWords.maxGap
                        var g = 0
                        search: while g <= maxGap && g + len <= window.count {
                            var k = 0
                            while k < len {
                                if window[g + k] != scalars[word.offset + k] { g += 1; continue search }
                                k += 1
                            }
                            if word.ascii {
                                if g > 0 && PIINormal.isLetter(window[g - 1]) { g += 1; continue }
                                if g + len < window.count && PIINormal.isLetter(window[g + len]) { g += 1; continue }
                            }
                            switch word.cls {
                            case .identifier: ctx.identifier = min(ctx.identifier, g)
                            case .card: ctx.card = min(ctx.card, g)
                            case .id: ctx.id = min(ctx.id, g)
                            case .phone: ctx.phone = min(ctx.phone, g)
                            }
                            break
                        }
                    }
                }
            }
        }
        return ctx
    }
}
