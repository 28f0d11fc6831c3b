import ArgumentParser
import TicketCore
import TicketStore

/// `gitdesk repair`
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Finish what a killed gitdesk write left: working files, index, leftover locks.",
        discussion: """
            A write killed after it moved the branch leaves the working tree and the index behind \
            (git status shows its files as deleted or changed, and the client hooks refuse commits). \
            repair brings those files to what the branch holds and removes the temporary files and \
            the branch lock of dead gitdesk processes. It commits nothing; the next gitdesk write does the same.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let desk = try global.openDesk()
        let repaired = try desk.repairInterruptedWrite()
        if repaired.isEmpty { print(Speech.say(Message(.nothingToRepair))) }
        for line in repaired { print(Speech.say(line)) }
    }
}
