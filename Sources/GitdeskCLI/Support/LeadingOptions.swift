import Foundation

/// Options a git user types before the subcommand (`gitdesk -C desk list`,
/// `gitdesk --as li new ...`), as git accepts them.
///
/// `-C DIR` works as in git: the process changes into DIR first (every
/// command, hooks and the merge driver included, then sees DIR as its
/// working directory; several `-C` accumulate, relative to the previous).
/// `--as` and `--lang` are moved after the subcommand, where every command
/// that takes them parses them. `--no-pager` (`-P`) and `--no-color` apply to
/// whatever command follows, as git's do.
enum LeadingOptions {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The arguments with the leading global options taken out (and `-C`
    /// applied to the process's working directory).
    static func apply(_ arguments: [String]) throws(Failure) -> [String] {
        var rest = arguments[...]
        var moved: [String] = []
        while let first = rest.first, first.hasPrefix("-"), first != "-", first != "--" {
            rest = rest.dropFirst()
            func value(_ option: String) throws(Failure) -> String {
                guard let v = rest.first else { throw Failure(description: "option \(option) needs a value") }
                rest = rest.dropFirst()
                return v
            }
            switch first {
            case "-C":
                try changeDirectory(try value("-C"))
            case "--no-pager", "-P":
                DisplayOptions.leadingNoPager = true
            case "--no-color":
                DisplayOptions.leadingNoColour = true
            case "--as", "--lang":
                moved += [first, try value(first)]
            default:
                if first.hasPrefix("-C"), first.count > 2 {
                    try changeDirectory(String(first.dropFirst(2)))
                } else if first.hasPrefix("--as=") || first.hasPrefix("--lang=") {
                    moved.append(first)
                } else {
                    // Not a global option (--help, --version, ...): leave it where it was.
                    return [first] + Array(rest) + moved
                }
            }
        }
        guard let subcommand = rest.first else { return moved }
        return [subcommand] + moved + Array(rest.dropFirst())
    }

    static func changeDirectory(_ path: String) throws(Failure) {
        guard !path.isEmpty else { return }  // git ignores `-C ""`
        guard FileManager.default.changeCurrentDirectoryPath(path) else {
            throw Failure(description: "cannot change to '\(path)': no such directory")
        }
    }
}
