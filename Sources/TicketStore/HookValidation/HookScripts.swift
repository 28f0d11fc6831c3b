import Foundation
import GitKit

/// The git hook scripts (the files of `hooks/`), embedded so an installed
/// binary needs no source tree: each is a few lines of sh that runs
/// `gitdesk hook NAME "$@"`.
public enum HookScripts {
    /// Hooks for clones: checked before git records a commit or a merge.
    public static let client = ["pre-commit", "commit-msg", "pre-merge-commit"]
    /// Hooks for the server (a bare repository).
    public static let server = ["pre-receive", "post-receive"]

    /// The text of hook `name`, byte for byte the file `hooks/<name>`.
    public static func script(_ name: String) -> String {
        let what = name == "post-receive"
            ? "server hook: records when each pushed commit arrived and who pushed it (refs/notes/gitdesk-arrivals)"
            : server.contains(name)
            ? "server hook: refuses pushes whose new commits break the desk's rules (fails closed)"
            : "client hook: checks changes to the desk before git records them"
        return """
            #!/bin/sh
            # gitdesk \(name) \(what).
            # Installed by 'gitdesk hooks install'; the checks live in 'gitdesk hook \(name)'.
            # Finds gitdesk as $GITDESK_BIN, else on PATH.
            GITDESK="${GITDESK_BIN:-gitdesk}"
            if ! command -v "$GITDESK" >/dev/null 2>&1; then
                echo "gitdesk \(name) hook: '$GITDESK' not found; install gitdesk or set GITDESK_BIN" >&2
                exit 1
            fi
            exec "$GITDESK" hook \(name) "$@"

            """
    }
}

extension HookScripts {
    /// True when `text` is a script gitdesk wrote (so reinstalling may replace it).
    static func isGitdesk(_ text: String) -> Bool {
        text.contains("gitdesk hook ") || text.contains("# gitdesk forwards ")
    }

    /// The text of hook `name` that, after gitdesk's check passes, runs the
    /// hook that was active before gitdesk was installed (`previous`).
    static func script(_ name: String, chainingTo previous: String?) -> String {
        guard let previous else { return script(name) }
        let call = "exec \"$GITDESK\" hook \(name) \"$@\"\n"
        guard readsStandardInput.contains(name) else {
            return script(name).replacingOccurrences(of: call, with: "\"$GITDESK\" hook \(name) \"$@\" || exit $?\n") + """
                # Then the \(name) hook that was active before gitdesk was installed:
                exec \(shellQuoted(previous)) "$@"

                """
        }
        // Both hooks read the ref updates on stdin: keep a copy for the second.
        return script(name).replacingOccurrences(of: call, with: """
            INPUT=$(mktemp) || exit 1
            trap 'rm -f "$INPUT"' EXIT
            cat > "$INPUT"
            "$GITDESK" hook \(name) "$@" < "$INPUT" || exit $?
            # Then the \(name) hook that was active before gitdesk was installed, with the same input:
            \(shellQuoted(previous)) "$@" < "$INPUT"

            """)
    }

    /// Hooks git feeds on standard input.
    static let readsStandardInput: Set<String> = ["pre-receive", "post-receive", "pre-push", "post-rewrite", "reference-transaction"]

    /// A hook gitdesk does not check itself, forwarded to the hook that was
    /// active before (so a hook manager's other hooks keep running).
    static func forwarder(_ name: String, to previous: String) -> String {
        """
        #!/bin/sh
        # gitdesk forwards \(name) to the hook that was active before gitdesk was installed.
        exec \(shellQuoted(previous)) "$@"

        """
    }

    static func shellQuoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
