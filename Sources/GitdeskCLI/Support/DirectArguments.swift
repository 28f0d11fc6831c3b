import Glibc

/// The arguments of a common command, read without argument-parser when they
/// are simple and unambiguous.
///
/// argument-parser builds every command's argument table by reflection, and
/// its protocol-conformance lookups scan the whole static binary: a large share
/// of a short command's start-up. This reader accepts only what it can read
/// exactly as argument-parser would: known `--long` options each followed by
/// a value that does not start with `-`, known flags, and the expected number
/// of positionals that do not start with `-`. Anything else (help, `--opt=value`,
/// `--`, an unknown or repeated option, a missing value, too few or too many
/// arguments) returns nil, and argument-parser parses the command line as
/// always, so its errors and help stay exactly its own.
struct DirectArguments {
    enum Kind { case flag, value, values }

    var positionals: [String] = []
    var values: [String: String] = [:]
    var lists: [String: [String]] = [:]
    var flags: Set<String> = []

    /// Reads `arguments` (after the subcommand's name) for a command with
    /// `options` and `positionals` positionals (`nil`: one or more).
    init?(_ arguments: ArraySlice<String>, options: [String: Kind], positionals count: Int?) {
        var rest = arguments
        while let token = rest.popFirst() {
            guard token.hasPrefix("-") else {
                positionals.append(token)
                continue
            }
            guard let kind = options[token] else { return nil }
            switch kind {
            case .flag:
                guard flags.insert(token).inserted else { return nil }
            case .value, .values:
                guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                if kind == .value {
                    guard values.updateValue(value, forKey: token) == nil else { return nil }
                } else {
                    lists[token, default: []].append(value)
                }
            }
        }
        if let count {
            guard positionals.count == count else { return nil }
        } else {
            guard !positionals.isEmpty else { return nil }
        }
    }

    /// True unless `GITDESK_NO_FAST_PATH=1` sends every command line through argument-parser
    /// (the equivalence tests compare both paths).
    static var enabled: Bool {
        guard let flag = getenv("GITDESK_NO_FAST_PATH") else { return true }
        return String(cString: flag) != "1"
    }
}
