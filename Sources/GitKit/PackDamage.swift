import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which pack file is to blame when an object cannot be read: libgit2 says
/// only "object not found" or "incorrect data check", which sends a person
/// looking for a missing object when a byte of `.git/objects/pack/*.pack` or
/// `*.idx` went bad. Looked up only after a read failed.
enum PackDamage {
    /// The largest pack gitdesk checksums on an error path (bigger ones are
    /// named from their index alone).
    static let checksumCap = 256 << 20

    /// A sentence naming the damaged pack or pack index, or nil when every
    /// pack file checks out (the object is simply missing).
    static func explain(_ id: ObjectID, gitDir: String) -> String? {
        let dir = (gitDir.hasSuffix("/") ? String(gitDir.dropLast()) : gitDir) + "/objects/pack"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return nil }
        for name in names.sorted() where name.hasSuffix(".idx") {
            let idxPath = dir + "/" + name
            let packPath = String(idxPath.dropLast(4)) + ".pack"
            guard let idx = read(idxPath, cap: checksumCap) else { continue }
            if let problem = indexProblem(idx) {
                return "the pack index \(idxPath) is damaged (\(problem))"
            }
            guard contains(idx, id) else { continue }
            var info = stat()
            if stat(packPath, &info) == 0, Int(info.st_size) <= checksumCap,
               let pack = read(packPath, cap: checksumCap), !SHA1.trailerMatches(pack) {
                return "it is packed in \(packPath), which is damaged (its checksum does not match)"
            }
            return "it is packed in \(packPath), which cannot be read"
        }
        return nil
    }

    static func read(_ path: String, cap: Int) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) <= cap,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// What is wrong with a version-2 pack index, or nil.
    static func indexProblem(_ b: [UInt8]) -> String? {
        guard b.count >= 8 + 1024 + 40, b[0..<4] == [0xFF, 0x74, 0x4F, 0x63], be32(b, 4) == 2 else {
            return "not a version 2 pack index"
        }
        guard SHA1.trailerMatches(b) else { return "its checksum does not match" }
        var previous: UInt32 = 0
        for i in 0..<256 {
            let f = be32(b, 8 + 4 * i)
            guard f >= previous else { return "its fan-out table is not in order" }
            previous = f
        }
        let count = Int(previous)
        guard 8 + 1024 + count * 28 + 40 <= b.count else { return "too short for its \(count) objects" }
        return nil
    }

    /// Whether the (checked) index lists `id`.
    static func contains(_ b: [UInt8], _ id: ObjectID) -> Bool {
        let key = id.bytes
        let first = Int(key[0])
        var low = first == 0 ? 0 : Int(be32(b, 8 + 4 * (first - 1)))
        var high = Int(be32(b, 8 + 4 * first))
        while low < high {
            let mid = (low + high) / 2
            let at = 8 + 1024 + mid * 20
            let entry = b[at..<(at + 20)]
            if entry.elementsEqual(key) { return true }
            if entry.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        return false
    }

    static func be32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }
}
