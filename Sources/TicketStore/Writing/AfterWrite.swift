import Foundation
import TicketCore

extension Desk {
    /// The last step of a write, once the commit is published and the working
    /// copy synced: the object database packed when loose objects pile up,
    /// and the person told what ``beginWrite(branch:)`` repaired (said only
    /// now, so a refused write stays one line).
    func afterWrite(repaired: Message?) {
        Maintenance.afterWrite(gitDir: repository.gitDir)
        if let repaired {
            FileHandle.standardError.write(Data("gitdesk: \(repaired.render(config.language))\n".utf8))
        }
    }
}
