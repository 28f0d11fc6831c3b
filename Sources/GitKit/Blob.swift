internal import CLibGit2

extension Repository {
    /// The bytes of blob `id`.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.oid
        var blob: OpaquePointer? = nil
        try check(git_blob_lookup(&blob, pointer, &oid), reading: id)
        let handle = BlobHandle(blob!)
        let size = Int(git_blob_rawsize(handle.pointer))
        guard size > 0, let content = git_blob_rawcontent(handle.pointer) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: content, count: size))
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
