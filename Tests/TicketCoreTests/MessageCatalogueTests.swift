import Testing
import TicketCore
import TestSupport

/// The one catalogue every user-facing sentence comes from.
@Suite struct MessageCatalogueTests {
    @Test func everyKeyHasEveryLanguage() {
        for lang in Language.allCases {
            let missing = MessageKey.allCases.filter { MessageCatalogue.table(lang)[$0] == nil }
            #expect(missing.isEmpty, "no \(lang) text for \(missing)")
        }
    }

    @Test func theLanguagesNameTheSamePlaceholders() {
        for key in MessageKey.allCases {
            let en = Message.placeholders(in: MessageCatalogue.template(key, .en))
            let zh = Message.placeholders(in: MessageCatalogue.template(key, .zh))
            #expect(en == zh, "\(key): en \(en.sorted()) zh \(zh.sorted())")
        }
    }

    @Test func englishHasNoChineseAndChineseIsChinese() {
        for key in MessageKey.allCases {
            let en = MessageCatalogue.template(key, .en)
            // The one exception: the log's reason marker, which the file format spells 原因：.
            if key != .transitionNeedsReason {
                #expect(!en.unicodeScalars.contains { $0.properties.isIdeographic }, "\(key): \(en)")
            }
            let zh = MessageCatalogue.template(key, .zh)
            let words = Message.placeholders(in: zh).reduce(zh) { $0.replacingOccurrences(of: "{\($1)}", with: "") }
            // Pieces that are only a placeholder, a symbol or a name (git, privacy.yaml) say nothing in any language.
            if words.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) && ![.verbatim, .gitFailure, .invalidPolicy].contains(key) {
                #expect(words.unicodeScalars.contains { $0.properties.isIdeographic }, "\(key) is not Chinese: \(zh)")
            }
        }
    }

    @Test func everyWorkflowErrorFillsItsPlaceholders() {
        let finding = Finding(file: "t.md", line: 3, rule: "required-field", field: "root_cause",
                              Message(.requiredFieldInStatus, ["field": .field("root_cause"), "status": .status("closed")]))
        let errors: [WorkflowError] = [
            .illegalTransition(from: "new", to: "closed", allowed: ["in_progress"]), .illegalTransition(from: "closed", to: "new", allowed: []),
            .operationNotAllowed(operation: "close", status: "new", from: ["resolved"]),
            .roleNotAllowed(handle: "wang", action: "priority", roles: ["supervisor", "admin"]), .reasonRequired(action: "reopen"),
            .missingValue(field: "solution"), .unknownValue(field: "channel", value: "x", allowed: ["phone"]), .notOnRoster(handle: "x"),
            .ratingOutOfRange(9), .noDeadline, .extensionTooLate(due: "d", latest: "l", notice: 3600), .extensionNotLater(until: "u", due: "d"),
            .extensionPending(until: "u"), .nothingToApprove, .alreadyArchived(at: "t"), .notArchivable(status: "new", statuses: ["closed"]),
            .noOpenFollowUp(number: 2), .notOverdue, .unknownStatus("x"), .ownedByStep(field: "due", command: "gitdesk extend"),
            .unknownField(key: "x", fields: ["a"]), .invalidValue(field: "a", problem: Message(.valueNotHandle, ["value": .text("p")])), .nothingToChange("w"),
            .rejected([]), .rejected([finding, finding]),
        ]
        let schema = Fixtures.schema
        for error in errors {
            for lang in Language.allCases {
                let text = error.message.render(lang, labels: schema)
                #expect(!text.contains("{") && !text.contains("}"), "\(error) in \(lang): \(text)")
            }
        }
        // Schema keys read as labels in Chinese, as keys in English.
        let move = WorkflowError.illegalTransition(from: "new", to: "closed", allowed: ["in_progress", "needs_info"]).message
        #expect(move.render(.zh, labels: schema) == "不能从「新建」转到「已关闭」；「新建」可以转到：处理中、待补充")
        #expect(move.render(.en, labels: schema) == "cannot move from new to closed; allowed from new: in_progress, needs_info")
        #expect(WorkflowError.rejected([finding, finding]).message.render(.zh, labels: schema)
            == "required-field：状态为「已关闭」时必须填写「根因分析」；请用 gitdesk resolve ID --solution S --root-cause S 填写（另有 1 处）")
        // The merge driver's settled-conflict line: the field's label on a Chinese desk (a review finding).
        let settled = Message(.conflictSettledSentence, ["field": .field("priority"), "ours": .text("\"low\""),
                                                         "theirs": .text("\"urgent\""), "chosen": .text("\"urgent\""), "rule": .text("higher")])
        #expect(settled.render(.zh, labels: schema) == "优先级：本地 \"low\"，对方 \"urgent\" → 保留 \"urgent\"（规则 higher）")
        #expect(settled.render(.en, labels: schema) == "priority: ours \"low\", theirs \"urgent\" → kept \"urgent\" (rule higher)")
    }
}
