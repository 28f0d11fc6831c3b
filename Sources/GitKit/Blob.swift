internal import CLibGit2

extension Repository {
    /// The largest object gitdesk reads (16 MiB). Every file it reads is a
    /// ticket (at most 1 MiB, refused past that by the ticket reader), a
    /// settings file or a template; a larger object — a 2 GB file committed
    /// or pushed by mistake or malice — is refused from its header, before a
    /// byte of it is read into memory.
    public static let maximumObjectBytes = 16 << 20

    /// The size of object `id`, read from its header only (a loose object's
    /// first bytes, a pack entry's header).
    public func objectSize(_ id: ObjectID) throws -> Int {
        var odb: OpaquePointer? = nil
        try check(git_repository_odb(&odb, pointer))
        defer { git_odb_free(odb) }
        var oid = id.oid
        var size = 0
        var type = GIT_OBJECT_INVALID
        try check(git_odb_read_header(&size, &type, odb, &oid), reading: id, in: gitDir)
        return size
    }

    /// The bytes of blob `id`; an object over ``maximumObjectBytes`` is refused unread.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        let size = try objectSize(id)
        guard size <= Self.maximumObjectBytes else {
            throw GitError(code: .invalid, errorClass: .odb, message:
                "object \(id.hex) is \(size) bytes, over the \(Self.maximumObjectBytes >> 20) MiB gitdesk reads (a ticket file may hold 1 MiB); it was not read: remove the file that holds it (git rm), or find it with `git log --find-object=\(id.hex)`")
        }
        var oid = id.oid
        var blob: OpaquePointer? = nil
        try check(git_blob_lookup(&blob, pointer, &oid), reading: id, in: gitDir)
        let handle = BlobHandle(blob!)
        let blobSize = Int(git_blob_rawsize(handle.pointer))
        guard blobSize > 0, let content = git_blob_rawcontent(handle.pointer) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: content, count: blobSize))
    }

    /// Writes `bytes` as a blob into the object database and returns its id.
    public func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        try bytes.withUnsafeBytes { raw in
            _ = try check(git_blob_create_from_buffer(&oid, pointer, raw.baseAddress, raw.count))
        }
        return ObjectID(oid)
    }
}
