import Foundation
import GitKit

/// `gitdesk clone URL [DIR]`: git's own clone (the user's transport), then
/// the client hooks and the merge driver, then a check that what arrived is
/// a desk whose settings load. A clone that is not a desk is removed again.
public enum DeskCloner {
    public struct Outcome: Sendable {
        /// The new clone's directory.
        public var directory: String
        public var hooks: [String]
        public var tickets: Int
    }

    /// The directory git would pick for `url`: its last component without `.git`.
    public static func defaultDirectory(for url: String) -> String {
        var name = Substring(url)
        while name.hasSuffix("/") { name = name.dropLast() }
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == ":" }) { name = name[name.index(after: slash)...] }
        if name.hasSuffix(".git") { name = name.dropLast(4) }
        return name.isEmpty ? "desk" : String(name)
    }

    /// Clones `url` into `directory` (relative to `workingDirectory`).
    public static func clone(url: String, into directory: String?, workingDirectory: String) throws(SyncError) -> Outcome {
        let dir = directory ?? defaultDirectory(for: url)
        let full = dir.hasPrefix("/") ? dir : workingDirectory + "/" + dir
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: full), !contents.isEmpty {
            throw .cloneTargetExists(dir)
        }
        let result = try GitRunner(directory: workingDirectory).run(["clone", "--quiet", "--", url, full])
        guard result.succeeded else {
            throw .cloneFailed(url: url, reason: DeskSync.gitReason(result))
        }
        do {
            return try finish(url: url, directory: full)
        } catch {
            try? FileManager.default.removeItem(atPath: full)
            throw error
        }
    }

    private static func finish(url: String, directory: String) throws(SyncError) -> Outcome {
        let repository: Repository
        do { repository = try Repository.open(path: directory) } catch { throw .cloneFailed(url: url, reason: String(describing: error)) }
        let desk: Desk
        do {
            desk = try Desk.open(repository: repository, displayPath: directory)
            _ = (desk.schema, desk.team)
        } catch DeskError.notADesk(_) {
            throw .notADesk(url: url, reason: "no .gitdesk/config.yaml on its default branch")
        } catch {
            throw .notADesk(url: url, reason: error.description)
        }
        let hooks: HookInstaller.Outcome
        do {
            hooks = try HookInstaller.install(in: repository, server: false)
            try MergeDriverSetup.register(in: repository)
            // The server's arrival stamps come with every later fetch.
            if try repository.configString("remote.origin.url") != nil { try ArrivalNotes.configureFetch(in: repository) }
        } catch let error as DeskError {
            throw .git(error.description)
        } catch {
            throw .git(String(describing: error))
        }
        let tickets = (try? desk.ticketPaths().count) ?? 0
        return Outcome(directory: directory, hooks: hooks.installed, tickets: tickets)
    }
}
