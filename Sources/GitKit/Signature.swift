internal import CLibGit2

/// Who made a commit and when: always an explicit time, never "now".
public struct Signature: Hashable, Sendable {
    /// The person's name, e.g. `李娜`.
    public var name: String
    /// The person's e-mail address.
    public var email: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public var time: Int64
    /// The time zone's offset from UTC in minutes (e.g. 480 for UTC+8).
    public var offsetMinutes: Int

    /// Makes a signature.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ sig: UnsafePointer<git_signature>) {
        name = String(cString: sig.pointee.name)
        email = String(cString: sig.pointee.email)
        time = Int64(sig.pointee.when.time)
        offsetMinutes = Int(sig.pointee.when.offset)
    }

    /// Calls `body` with a libgit2 copy of this signature, freed afterwards.
    func withGitSignature<R>(_ body: (UnsafePointer<git_signature>) throws -> R) throws -> R {
        var sig: UnsafeMutablePointer<git_signature>? = nil
        try check(git_signature_new(&sig, name, email, git_time_t(time), Int32(offsetMinutes)))
        defer { git_signature_free(sig) }
        return try body(sig!)
    }
}
