import Glibc

/// Single environment variables, read with getenv.
///
/// Foundation's `ProcessInfo.processInfo.environment` builds a dictionary of
/// the whole environment on every call (a third of a million instructions): a
/// command that reads three variables on its way paid that three times.
public enum ProcessEnvironment {
    /// The value of `name`, nil when unset.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The set variables among `names`, for functions that take an environment dictionary.
    public static func only(_ names: String...) -> [String: String] {
        var values: [String: String] = [:]
        for name in names { if let value = value(name) { values[name] = value } }
        return values
    }
}
