/// The key of every sentence gitdesk says to people. The words live in
/// ``MessageCatalogue`` (one table per language); a test checks that each key
/// has a text in every language and that the texts name the same placeholders.
public enum MessageKey: String, CaseIterable, Sendable {
    // Shared pieces
    case verbatim, warning, andMore, listNoneFinal, giveItWith
    // WorkflowError
    case illegalTransition, operationNotAllowed, roleNotAllowed, reasonRequired, missingValue, unknownValue
    case notOnRoster, ratingOutOfRange, noDeadline, extensionTooLate, extensionNotLater, extensionPending
    case nothingToApprove, alreadyArchived, notArchivable, noOpenFollowUp, notOverdue, unknownStatus
    case ownedByStep, unknownField, invalidValue, nothingToChange, rejectedEmpty, rejected
    // DeskError
    case notARepository, notADesk, branchLost, initOverHistory, initInterrupted, interruptedWriteRepaired, interruptedWriteRepairedMany, interruptedSyncRepaired,
        interruptedWritePending, interruptedWritePendingMany, interruptedSyncPending, nothingToRepair, hookRefusedInterruptedWrite,
        alreadyADesk, detachedHead, unbornBranch, bareRepository
    case unknownTicket, ambiguousTicket, ambiguousTicketMore, unreadableTicket, unknownOperator, noOperator
    case invalidChangeEmpty, invalidChange, uncommittedChanges, nothingChanged, busy, refLocked, gitFailure
    case backdateBefore, backdateAfter
    // PrivacyError, typed names, ticket files
    case personalDataNotAllowed, invalidPolicy, ambiguousName, fileNotUTF8, fileTooLarge
    // Validation findings and field values
    case requiredField, requiredFieldInStatus
    case valueOneLine, valueNotTicketID, subtypeOfOtherType, valueNotHandle, valueNotDateTime, valueNotDuration, valueNotRating
    case fieldSetByGitdesk
    case logRecordsOtherStart, transitionNotAllowed, statusChangedWithoutLog, logEndsElsewhere
    case transitionRoleNotAllowed, transitionNeedsReason, fieldImmutable
    // The masking notice
    case maskNotice, maskedItem, maskedContact, placeLog, placeContacts
    // Hooks
    case hookRefusedOne, hookRefusedMany, adviceNotOnRoster, adviceRole, adviceFiles, commitMessageRefused
    case receiveUnreadable, receiveRefusingRef, receiveRefusingOne, receiveRefusingMany, receiveCommit, receiveNothingUpdated
    // The command line
    case notADateTime, notADateOrDateTime, emptyComment, emptyTitle, emptySearch, searchTooMuch, negativeLimit
    case optionProblem, ambiguousOption, unknownOptionValue
}
