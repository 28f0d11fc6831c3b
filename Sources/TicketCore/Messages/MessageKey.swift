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
    case indexLocked, indexLockedBy, lockTimeoutInvalid
    case backdateBefore, backdateAfter
    // PrivacyError, typed names, ticket files
    case personalDataNotAllowed, invalidPolicy, ambiguousName, fileNotUTF8, fileTooLarge, emptyTicketFile
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
    // Sync, clone, status and the merge driver (the sync helper's block)
    case syncGitMissing, syncNoRemote, syncUnreachable, syncTimedOutFetch, syncTimedOutPush, syncCloneFailed
    case syncCloneTargetExists, syncNotADesk, syncPushRefused, syncPushRefusedSilently, syncPushRefusedAbove
    case syncRaceLost, syncConflictingFiles, syncUnsettled, syncInvalidMerge, syncOperationInProgress
    case syncUncommitted, syncDetachedHead, syncGit, syncAlreadyInSync, syncRenamed, syncConflictSettled
    case syncFetchedOneMerged, syncFetchedManyMerged, syncFetchedOneForward, syncFetchedManyForward, syncRetriedOne
    case syncRetriedMany, syncPushedOne, syncPushedMany, cloneDone, statusNoRemote, statusTracking, statusTrackingLastFetch
    case statusUnpushedOne, statusUnpushedMany, statusUnmergedOne, statusUnmergedMany, statusRunSync
    case statusNoDriver, mergeNote, mergeSettled, mergeUnreadable, mergeUnsettledField, mergeMarkersLeft
    // everyday (issue 11): what init, hooks install, comment, status and clone say
    case initDone, initClockOverride, initAddedYou, initNoEmail, initNext
    case hooksActive, hookPurposePreCommit, hookPurposeCommitMsg, hookPurposePreMergeCommit, hookPurposePreReceive
    case hookPurposePostReceive, hookPurposeOther, hookChained, hooksForwarded, hooksReceiveSettings, hooksProtected
    case hooksProtectedUnborn, hooksAcceptedRefs, hooksLeftAlone, commentLogged
    case validateOkStaged, validateOkCommits, validateOkAll, validateOkHead, unknownRevision
    // everyday (issue 11): refused input (DeskError.said)
    case founderNeedsEmail, founderBadEmail, founderBadHandle, founderBadName, badPrefix, badTimeZone, badTicketID, badNow, importNotAllowed, importNoRows, badBranchName, unknownTemplate, ambiguousTemplate, templateExistsEdit, templateExists, badRange, ticketExists
    // everyday (issue 11): validation findings
    case logEntryRemoved, logEntryChanged, contactRemoved, contactChanged, bornStatus, bornWithStep, bornFieldTooEarly, dueChangedByHand, fieldNotInSchema, logByStranger, valueTooLong, tooManyLogEntries, tooManyContacts, logInOthersName, contactInOthersName, logBeforeCreated, contactBeforeCreated, timeBeforeCreated, bornDueNotSLA, ticketMisplaced
    // Reports
    case reportBadPeriod, reportEmptyPeriod, reportConflictingPeriods, reportFuturePeriod, reportFromToTogether
    case reportTicketTakesNoPeriod, reportQueryTakesNoPeriod, reportCannotWrite, reportNoFolder, calendarNotCovered
    // messages (issue 11): what the hooks and pre-receive find in commits and pushes
    case findingPerson, findingAuthorSignature, findingTheAuthor, findingThePusher, mergeParentsNotAdmin, mergeParentsOverlap
    case settingsChangeNotAdmin, mergeSettingsChangeNotAdmin, settingsWouldNotLoad, authorNotOnRosterTickets, authorNotOnRosterTemplates, pusherNotOnRoster
    case pusherNotAuthor, orphanNotAdmin, duplicateTicketID, idCollisionInMerge, templateDeleteNotAllowed, templateNoFrontMatter
    case firstPushNeedsAdmin, arrivalRefProtected, entrySubmodule, entryTicketsNotFolder, entryNotPlainFile, entryKindFile
    case entryKindExecutable, entryKindSymlink, entryKindFolder, entryKindSubmodule, entryKindOther, backdateNeeds
    case backdateCommitterFuture, backdateTrailer, backdateRecordedBefore, backdateRecordedAfter, backdateAuthorFuture, backdateRecordedFuture
    case backdateOffline, recordedLogEntry, recordedContact
    // Robustness review (issue 10, robustC)
    case unknownOperatorFlag, unknownOperatorVariable
    case repairNothingUnknown, repairNeedsRole, repairNeedsReason, storedValueUnknown
    // messages11 (issue 11): findings, ticket parse errors, settings load errors, templates
    case renameThatID, renameNotMoved, renameNeedsRole, deleteNeedsRole, binaryUnderTickets, notATicketFile, duplicateID, idNotGitdeskShape
    case idLowerCase, idBadSuffix, idWrongDate, mergeDroppedLogEntry, mergeDroppedContact, mergeCopiesDropped, mergeCopiesExtra, mergeCopyCount
    case piiInFileName, piiInTemplateFile, piiInOtherFile, piiMoreInFile, parseConflictMarker, parseNoOpeningDashes, parseTemplateNoOpeningDashes
    case parseNotFieldLine, parseBadFieldName, parseFieldTwice, parseNoClosingDashes, parseFieldAndSection, parseBadSectionName, parseSectionTwice
    case parseTextOutsideSection, parseLogEntryShape, parseContactShape, parseNotDateTime, parseContactState, parseUnknownContactLine
    case parseEntryStartsWithTime, parseEntryShape, parseNotHandle, hollowNoFrontMatter, hollowNoID, settingsProblem, settingsControlCharacter
    case settingsNotYAML, settingsEmptyFile, rosterBadHandle, rosterHandleTwice, configBadPrefix, configMaxOfflineHours, configMaxCommitsPerPush
    case schemaFileMissing, schemaNeedsField, schemaEnumValueTwice, schemaStatusTwice, schemaInitialUnknown, schemaBadFieldKey, schemaFieldTwice
    case schemaFieldUnknownEnum, schemaFieldNoEnum, schemaFieldUnknownStatus, schemaFieldUnknownType, schemaFieldUnknownField
    case schemaFieldUnknownMerge, exceptionsNotAList, exceptionNoReason, exceptionValueOrPath, slaBadOffset, slaBadWeekday, slaBadHours
    case slaHoursOverlap, slaEmptyCalendar, slaHolidayOverlap, slaMakeupInHoliday, notAPriority, slaBadRespond, slaBadResolve, slaBadWarningAt
    case slaBadNotice, slaBadNoticeShare, slaDayRangeNeeded, slaBadDate, slaFromAfterTo, workflowNotAStatus, workflowTransitionSource
    case workflowTransitionTarget, workflowAutomationStatus, workflowNotARole, workflowNeedsFrom, workflowNeedsRole, workflowTransitionTwice
    case workflowOperationTwice, workflowNotPermission, workflowSweepOperation, workflowBadAfter, workflowNoTransitionFrom, notADepartment
    case notATicketType, templateBadSlug, templateNotAField, templateNotEditable, templateApproveNeedsRole, templateAlreadyApproved
    case templateNothingToApprove, templateTicketNotResolved, templateTicketLacks, templateUnapprovedMajor, templateOldFormApproval
    case templateMajorNeedsApprover, templateOtherType, templateUnfilled, templateOwnContent, notTrueOrFalse, templateNotAFile, templateFileName
    case templateIDDiffers, templateFieldRequired, templateUnknownField, templateBadValue, templateSubtypeParent, templateMajorBool, templatePII
    case templateMaskedPII, templateControlCharacter, templateLogAppendOnly, templateLogOthers, approvalIncomplete, approvalBadTime, approvalOldHash
    case approvalOtherContent, approvalInAddingCommit, approvalByOther, approvalNotOwnCommit
    // messages11 (issue 11): import rows, refused input, command-line refusals, demo lines
    case csvQuoteNotClosed, jsonNotTable, importRow, importUnknownColumn, importColumnTwice, importNoCreatedColumn, importTooManyCells
    case importNotDateTime, importCreatedBefore1970, importCreatedFuture, importIDTwice, importFindings, importFinding, importNothing
    case importNoSuchFile, importTooBig, importIsDirectory, importPermissionDenied, importEncoding, importEmptyFile, countTicketOne, countTickets
    case countCommitOne, countCommits, importDone, notFieldValue, cannotReadFile, editorNeeded, cannotWriteTemporary, editorFailed, editedFileGone
    case theEditedFile, optionNeedsValue, assigneeNotOnRoster, badSort, sweepLeftSome, tagNeedsValue, unknownTag, unknownTagNoTags, revisionUnknown
    case revisionUnreadable, revisionNotADate, revisionNoneBefore, ticketTooLong, renderedDoesNotParse, seedBadTime, commitMessageUnreadable
    case demoReady, demoTry
    case contactUnmasked, piiStoredRaw, piiWhereCommitMessage, piiWherePersonName, piiWherePersonEmail, importNothingOne, findingSeparator
    // Repository damage and environment (issue 10, robust10a)
    case tipEmpty, tipDamaged, tipMissing, headMissing, gitConfigDamaged, checksOff, checksOffHookMissing, checksOffNoHooksPath
    case checksOffNoDriver, settingValueInvalid, lockHolderStopped, diskFull, diskReadOnly, diskNotWritable
    // Review (issue 9, sync9): what gitdesk diff says
    // Review (issue 9, stop 18): a refused rewrite or deletion of the shared branch
    case receiveHistoryKept, conflictSettledSentence
    case diffKindAdded, diffKindModified, diffKindDeleted, diffBy, diffContact, diffNothing, diffNotRange, diffNoCommits
    // Hostile input (issue 10, robust10b)
    case fieldsNotInSchemaMore, importMoreBadRows
    // Checks that can be turned off, (issue 10, fix10a)
    case checksOffHookNotExecutable, checksOffHookAltered, checksOffDriverChanged, mergeRoutingRemoved
}
