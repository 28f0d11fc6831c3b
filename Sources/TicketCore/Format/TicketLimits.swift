/// How much one ticket may hold. The reasons:
///
/// - A ticket is what people wrote about one customer problem. The longest
///   real ones (an e-mail thread pasted into the description) are tens of
///   kilobytes; `list` parses every ticket file on each run and the server's
///   pre-receive hook parses, validates and scans every pushed one, so a
///   ticket file is capped at 1 MiB: far above any real ticket, low enough
///   that one file cannot stall a command or a push.
/// - A one-line field (title, module, customer...) shows in a table row:
///   1,000 characters is several screen lines already.
/// - A long text (description, solution, notes) may hold a pasted thread:
///   100,000 characters (~300 KB of Chinese in UTF-8).
/// - One log entry or contact text (a comment, a reason, a summary):
///   10,000 characters.
/// - One change to an existing ticket may add at most 200 log entries and
///   200 contacts: a person adds one or two, a sweep a few; more is a
///   runaway script or an attack on the hooks. (A new ticket, e.g. an
///   imported one with its history, is bounded by the file size.)
///
/// Characters are Unicode scalars (汉字 count one each).
public enum TicketLimits {
    /// The largest ticket file, in bytes (1 MiB).
    public static let fileBytes = 1 << 20
    /// The longest one-line field value.
    public static let oneLineCharacters = 1_000
    /// The longest long-text field value.
    public static let longTextCharacters = 100_000
    /// The longest log entry or contact text.
    public static let entryCharacters = 10_000
    /// The most log entries (and, apart, contacts) one change may add.
    public static let entriesPerChange = 200

    /// `1.2 MB`-style size for messages.
    public static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes * 10 / (1 << 20) / 10).\(bytes * 10 / (1 << 20) % 10) MiB" : "\((bytes + 1023) / 1024) KiB"
    }
}
