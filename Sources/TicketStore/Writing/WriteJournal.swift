import Foundation
import GitKit
import TicketCore

/// Remembers which file a write is bringing into the working copy, so a
/// process that dies between moving the branch and updating the file is
/// repaired by the next gitdesk writer. It also names the writer (PID and
/// start time) and the branch it is moving: written before the branch's lock
/// file is taken and removed after, it lets the next writer tell a lock file
/// that a dead gitdesk left from one held by another program
/// (``CrashLeftovers``).
///
/// The file: the ticket's path on the first line, then `pid PID START` and
/// `ref REF` (a journal holding only the path is read as before), then one
/// `also PATH` line for each further file of a write that brings several
/// files along (an import).
struct WriteJournal {
    let url: String

    /// What an interrupted write left in the journal.
    struct Record {
        var path: String
        /// Every file the write brings along: `path` first, then the `also` lines.
        var paths: [String] = []
        var owner: ProcessIdentity?
        var ref: String?
        /// When the journal was written (its modification time).
        var time: timespec?
    }

    init(gitDir: String) {
        url = (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "gitdesk/pending"
    }

    func begin(path: String, ref: String) throws {
        try begin(paths: [path], ref: ref)
    }

    /// Names every file a write will bring along (an import's tickets).
    func begin(paths: [String], ref: String) throws {
        let me = ProcessIdentity.current
        let text = "\(paths.first ?? "")\npid \(me.pid) \(me.startTime.map(String.init) ?? "-")\nref \(ref)\n"
            + paths.dropFirst().map { "also \($0)\n" }.joined()
        do { try AtomicFile.replace(url, with: Array(text.utf8)) } catch {
            throw DeskError.git(error.description)
        }
    }

    func end() { unlink(url) }

    /// The journal left by an interrupted write, if any.
    func read() -> Record? {
        guard let data = BoundedFile.read(url, maximum: Self.maximumBytes) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var record = Record(path: lines.first.map(String.init) ?? "")
        if !record.path.isEmpty { record.paths = [record.path] }
        for line in lines.dropFirst() {
            if line.hasPrefix("also "), line.count > 5 {
                record.paths.append(String(line.dropFirst(5)))
                continue
            }
            let words = line.split(separator: " ")
            if words.count == 3, words[0] == "pid", let pid = pid_t(words[1]) {
                record.owner = ProcessIdentity(pid: pid, startTime: UInt64(words[2]))
            } else if words.count == 2, words[0] == "ref" {
                record.ref = String(words[1])
            }
        }
        var info = stat()
        if stat(url, &info) == 0 { record.time = info.st_mtim }
        return record
    }

    /// Brings the files named by an interrupted write to what the branch
    /// holds; returns the line that says so when there was something to repair.
    @discardableResult
    func recover(in repository: Repository, branch: String) throws(DeskError) -> Message? {
        guard let record = read() else { return nil }
        var restored: [String] = []
        do {
            if let workdir = repository.workdir, let tip = try repository.referenceTarget(branch) {
                let tree = try repository.commit(tip).tree
                let parentTree = try repository.commit(tip).parents.first.map { try repository.commit($0).tree }
                let index = IndexUpdater(repository: repository)
                for path in record.paths {
                    guard let bytes = try repository.fileContents(at: path, inTree: tree) else { continue }
                    let full = workdir.hasSuffix("/") ? workdir + path : workdir + "/" + path
                    // The working file is brought along only from a state the dead write
                    // left (the version before it, or already the committed one): a hand
                    // edit made since is kept, never overwritten.
                    let before = try parentTree.flatMap { try repository.fileContents(at: path, inTree: $0) }
                    let onDisk = FileManager.default.contents(atPath: full).map { [UInt8]($0) }
                    if onDisk == nil || onDisk == bytes || onDisk == before {
                        if onDisk != bytes { try AtomicFile.replace(full, with: bytes, makeDirectory: true) }
                        index.stage(path)
                        restored.append(path)
                    } else {
                        FileHandle.standardError.write(Data("gitdesk: warning: \(path) was edited by hand after an interrupted write; it is left as it is (git diff shows the edit)\n".utf8))
                    }
                }
                try index.finish()
            }
        } catch {
            throw DeskError.from(error)
        }
        end()
        // Say only what was done: a hand-edited file was left as it is (warned above), not restored.
        guard !restored.isEmpty else { return nil }
        return InterruptedWrite.repaired(paths: restored)
    }
}
