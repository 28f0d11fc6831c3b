import Foundation
import GitKit
import TicketCore

extension Desk {
    /// The language config.yaml names at HEAD of the desk containing
    /// `directory`, read alone: when another settings file does not load, the
    /// refusal that names it is still said in the desk's language.
    public static func configuredLanguage(at directory: String? = nil) -> Language? {
        guard let repository = try? Repository.discover(from: directory ?? FileManager.default.currentDirectoryPath),
              let commit = try? repository.head().commit, let tree = try? repository.commit(commit).tree,
              let bytes = try? repository.fileContents(at: DeskLayout.configPath, inTree: tree) else { return nil }
        return (try? DeskConfig.load(yaml: String(decoding: bytes, as: UTF8.self)))?.language
    }
}
