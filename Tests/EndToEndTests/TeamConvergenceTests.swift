import Foundation
import Testing
import TestSupport

/// Three clones — one by path, two over ssh — doing random work and syncing
/// in rounds (fixed seed): they end with the same tree, every comment made
/// anywhere is there exactly once, and every clone validates and fscks clean.
@Suite struct TeamConvergenceTests {
    /// The random operations, each as a person allowed to make it (a refusal,
    /// e.g. an illegal transition for the ticket's state, is fine and skipped).
    static func operation(_ rng: inout SeededRandom, ids: [String], tag: String) -> (args: [String], as: String)? {
        guard !ids.isEmpty, rng.next(6) != 0 else {
            return (["new", "--type", "consult", "--channel", "email", "--title", "咨询 \(tag)"], "li")
        }
        let id = ids[rng.next(ids.count)]
        switch rng.next(7) {
        case 0, 1: return (["comment", id, "备注 \(tag)"], ["li", "zhang", "chen"][rng.next(3)])
        case 2: return (["set", id, "module=模块-\(tag)"], "wang")
        // No tag: the same step by the same person in the same second in two clones is an
        // exact duplicate, which the merge keeps once (the log check below holds it to that).
        case 3: return (["move", id, "in_progress"], "wang")
        case 4: return (["assign", id, ["zhang", "chen", "liu"][rng.next(3)]], "wang")
        case 5: return (["resolve", id, "--solution", "方案 \(tag)"], "wang")
        default: return (["contact", id, "--channel", "phone", "--summary", "回访 \(tag)"], "li")
        }
    }

    @Test func threeClonesConverge() throws {
        let team = try SyncTeam(ssh: true)
        let clones = [try team.clone("a", over: .path), try team.clone("b", over: .ssh), try team.clone("c", over: .ssh)]
        var rng = SeededRandom(seed: 9)
        var ids: [String] = []
        var comments: [String] = []
        for round in 0..<4 {
            for (n, clone) in clones.enumerated() {
                for k in 0..<3 {
                    let tag = "r\(round)-\(clone)-\(k)"
                    guard let op = Self.operation(&rng, ids: ids, tag: tag) else { continue }
                    let result = try team.gitdesk(clone, op.args, as: op.as)
                    if result.status == 0 {
                        if op.args[0] == "new" { ids.append(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
                        if op.args[0] == "comment" { comments.append("备注 \(tag)") }
                    } else {
                        #expect(result.status == 1, "\(op.args): \(result)")
                    }
                }
                if (round + n) % 2 == 0 || round == 3 {
                    let sync = try team.gitdesk(clone, ["sync"], as: "wang")
                    #expect(sync.status == 0, "round \(round) \(clone): \(sync)")
                }
            }
        }
        for clone in clones + clones {  // twice round: the last one's push reaches the first
            let sync = try team.gitdesk(clone, ["sync"], as: "wang")
            #expect(sync.status == 0, "\(clone): \(sync)")
        }
        let trees = try clones.map { try team.head($0, "HEAD^{tree}") }
        #expect(Set(trees).count == 1, "the clones did not converge: \(trees)")
        #expect(try team.head("server.git", "main^{tree}") == trees[0])

        let all = try team.git("a", ["grep", "-h", "备注 r", "--", "tickets"])
        for comment in comments {
            let count = all.components(separatedBy: "\n").filter { $0.hasSuffix(comment) }.count
            #expect(count == 1, "\(comment) appears \(count) times")
        }
        for clone in clones {
            let files = try team.git(clone, ["ls-files", "tickets"]).split(separator: "\n").filter { $0.hasSuffix(".md") }
            for file in files {
                let log = try team.sandbox.read("\(clone)/\(file)").split(separator: "\n").filter { $0.hasPrefix("- 20") }
                let twice = Dictionary(grouping: log, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
                #expect(Set(log).count == log.count, "\(file) holds a log entry twice: \(twice)")
            }
            try team.expectHealthy(clone)
        }
    }
}

/// SplitMix64 for test choices.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
