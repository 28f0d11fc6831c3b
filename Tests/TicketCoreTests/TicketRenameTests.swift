import Testing
import TestSupport
import TicketCore

/// A ticket renamed at sync (an ID collision) is the same ticket under a new
/// ID with one log line, and the `delete` rule lets an agent make that change.
@Suite struct TicketRenameTests {
    let old = Fixtures.seedTickets[0]
    var renamed: Ticket { TicketRename.apply(old, newID: "CS-20240501-7K3FQ2", by: "li", at: Fixtures.t("2024-05-02T09:00")) }

    @Test func aRenameKeepsEverythingButTheIDAndSaysSo() {
        #expect(renamed.id == "CS-20240501-7K3FQ2")
        #expect(renamed.log.last?.text == "ID renamed from CS20240501001 to CS-20240501-7K3FQ2: another clone recorded a ticket with the same ID first (sync)")
        #expect(TicketRename.renamedFrom(renamed) == "CS20240501001")
        #expect(TicketRename.isRename(old: old, new: renamed))
    }

    @Test func anythingElseChangedIsNotARename() {
        var edited = renamed
        edited["title"] = "另一个标题"
        #expect(!TicketRename.isRename(old: old, new: edited))
        var noLine = renamed
        noLine.log.removeLast()
        #expect(!TicketRename.isRename(old: old, new: noLine))
        #expect(TicketRename.renamedFrom(old) == nil)
    }

    @Test func theDeleteRuleAcceptsAnAgentsRenameOfAProvenCollisionButNotADeletion() {
        let layout = Fixtures.schema.layout
        let oldPath = "tickets/2024/05/CS20240501001.md"
        let newPath = "tickets/2024/05/CS-20240501-7K3FQ2.md"
        let removal = FileChange(path: oldPath, old: Array(TicketFile.render(old, layout: layout).utf8), new: nil)
        var validator = TreeValidator(schema: Fixtures.schema, team: Fixtures.team, author: Fixtures.li)
        let rename = [removal, FileChange(path: newPath, old: nil, new: Array(TicketFile.render(renamed, layout: layout).utf8))]
        // Without a collision to settle, an agent's rename is refused.
        #expect(validator.deletions(in: rename).map(\.rule) == ["rename"])
        validator.provenCollisions = [TreeValidator.idKey("CS20240501001")]
        #expect(validator.deletions(in: rename).isEmpty)
        var tampered = renamed
        tampered["title"] = "另一个标题"
        let fake = [removal, FileChange(path: newPath, old: nil, new: Array(TicketFile.render(tampered, layout: layout).utf8))]
        #expect(validator.deletions(in: fake).map(\.rule) == ["delete"])
        #expect(validator.deletions(in: [removal]).map(\.rule) == ["delete"])
    }
}
