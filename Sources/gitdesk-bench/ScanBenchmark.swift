import Foundation
import TicketCore

/// Times ``PIIScanner/scan(_:options:)`` and ``PIIScanner/mask(_:options:)``
/// over a deterministic mixed Chinese/ASCII text with some personal data
/// (about one value per 2 KB, all generated), best of `rounds` in CPU time.
struct ScanBenchmark {
    var megabytes: Double
    var rounds = 5

    func run() {
        let text = Self.sampleText(bytes: Int(megabytes * 1_048_576))
        let mb = Double(text.utf8.count) / 1_048_576
        var found = 0
        let scanSeconds = best { found = PIIScanner.scan(text).count }
        let maskSeconds = best { _ = PIIScanner.mask(text) }
        print("scanner_input_mb=\(String(format: "%.2f", mb))")
        print("scanner_matches=\(found)")
        print("scanner_mb_per_s=\(String(format: "%.1f", mb / scanSeconds))")
        print("mask_mb_per_s=\(String(format: "%.1f", mb / maskSeconds))")
        runDense()
    }

    /// The text of issue 10: `客户反馈13812345678，` repeated to 1 MB and 4 MB,
    /// one value every 26 bytes. Scan, mask, and the `pii` findings with
    /// their line numbers (what `validate` does) must each stay linear:
    /// 4 MB takes about four times as long as 1 MB.
    func runDense() {
        let unit = "客户反馈13812345678，"
        for mb in [1, 4] {
            let text = String(repeating: unit, count: mb * 1_048_576 / unit.utf8.count)
            var found = 0
            let scan = best { found = PIIScanner.scan(text).count }
            let mask = best { _ = PIIScanner.mask(text) }
            let findings = best { _ = PrivacyRule.scanCommitMessage(text, file: "x", policy: .default) }
            print("dense_\(mb)mb_matches=\(found)")
            print("dense_\(mb)mb_scan_s=\(String(format: "%.3f", scan))")
            print("dense_\(mb)mb_mask_s=\(String(format: "%.3f", mask))")
            print("dense_\(mb)mb_findings_s=\(String(format: "%.3f", findings))")
        }
    }

    /// The best of `rounds` in CPU time of this thread, not wall time: the
    /// scan is single-threaded, and on a shared machine (CI, two cores for
    /// several builds) wall time measures the neighbours.
    func best(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = Self.threadCPUSeconds()
            body()
            best = min(best, Self.threadCPUSeconds() - start)
        }
        return best
    }

    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// SplitMix64, so the text is the same on every run.
    typealias RNG = SeededGenerator

    static let sentences = [
        "客户反馈订单延迟发货，已协调物流部门加急处理。", "用户表示支付成功但订单未生成，导致重复下单。",
        "技术排查发现接口超时，15:00 接口修复并完成订单同步。", "已向客户说明原因并补发优惠券，客户表示接受。",
        "询问普通会员是否可兑换积分商城指定商品。", "建议增加\"消息免打扰时间段\"设置功能。",
        "5月18日购买的手机无法开机，未自行拆修，要求换新。", "明日电话确认处理结果，24 小时内回访。",
        "The customer reports that the app crashes on login (version 3.2.1, build 4512).",
        "Order DD20240501123456789 shipped via SF1234567890123 on 2024-05-02 09:15.",
        "金额¥1,299.00 已原路退回，预计 3-5 个工作日到账。", "工单 CS20240501001 已转交售后专员 D 处理。",
        "服务器 192.168.10.24 日志显示 502 错误，已重启。", "客户情绪稳定，后续跟进改善接口稳定性。",
    ]

    static func digits(_ n: Int, _ rng: inout RNG) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: 0...9, using: &rng) } }
    static func text(_ v: [UInt8]) -> String { String(decoding: v.map { $0 == 10 ? 88 : $0 + 48 }, as: UTF8.self) }

    static func personalValue(_ rng: inout RNG) -> String {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return "客户电话 " + text([1, UInt8.random(in: 3...9, using: &rng)] + digits(9, &rng)) + "，"
        case 1: return "邮箱 user\(Int.random(in: 1...9999, using: &rng))@example.com "
        case 2:
            var v: [UInt8] = [1, 1, 0, 1, 0, 5, 1, 9, 8, 5, 0, 6, 1, 5] + digits(3, &rng)
            v.append(PIIChecksum.residentIDCheck(for: v))
            return "身份证号" + text(v) + "。"
        case 3:
            var v: [UInt8] = [6, 2, 2, 2] + digits(11, &rng)
            v.append(PIIChecksum.luhnCheckDigit(for: v))
            return "退款至卡号 " + text(v) + "。"
        default: return "座机 (010)6" + text(digits(7, &rng)) + " "
        }
    }

    static func sampleText(bytes: Int) -> String {
        var rng = RNG(seed: 42)
        var out = ""
        out.reserveCapacity(bytes + 256)
        var sincePII = 0
        while out.utf8.count < bytes {
            let s = sentences.randomElement(using: &rng)!
            out += s
            sincePII += s.utf8.count
            if sincePII > 2048 {
                out += personalValue(&rng)
                sincePII = 0
            }
            if Int.random(in: 0..<8, using: &rng) == 0 { out += "\n" }
        }
        return out
    }
}
