/// The one shape of a refusal every end-to-end test checks: exit 1, nothing
/// on stdout, exactly one line on stderr starting `gitdesk: ` that holds the
/// words given. Returned as the list of what is wrong (empty: a proper
/// refusal), so any harness asserts it with one `#expect`.
public func refusalProblems(_ result: Sandbox.Result, mentioning words: [String] = []) -> [String] {
    var problems: [String] = []
    if result.status != 1 { problems.append("expected a refusal (exit 1), got exit \(result.status)") }
    if !result.stdout.isEmpty { problems.append("a refusal printed to stdout") }
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    if !(lines.count == 2 && lines[1].isEmpty) { problems.append("expected one line on stderr") }
    if !result.stderr.hasPrefix("gitdesk: ") { problems.append("stderr must start with 'gitdesk:'") }
    for word in words where !result.stderr.contains(word) { problems.append("stderr should mention '\(word)'") }
    return problems
}
