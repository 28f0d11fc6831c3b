import Foundation
import Testing
import TicketCore
import TestSupport

@Suite struct SchemaLoadingTests {
    @Test func defaultSchemaLoadsWithWorkflowRoutingAndSLA() throws {
        let schema = try SchemaLoader.loadDefault()
        #expect(schema.workflow.statuses.map(\.key) == ["new", "needs_info", "in_progress", "awaiting_confirmation",
                                                        "resolved", "follow_up", "closed", "invalid"])
        #expect(schema.workflow.status("needs_info")?.clock == .paused)
        #expect(schema.workflow.status("closed")?.terminal == true)
        #expect(schema.routing.byType["complaint"] == "after_sales")
        #expect(schema.routing.greenChannel?.department == "tech_support")
        let sla = try #require(schema.sla)
        let urgentSeconds: Int64? = sla.targets["urgent"]?.resolve.seconds
        #expect(urgentSeconds == 14_400)
        #expect(sla.targets["low"]?.resolve.workingDays == 3)
        #expect(sla.warningAt == 0.8)
        #expect(sla.calendar.isWorkingDay(year: 2024, month: 4, day: 28))   // 劳动节调休 (Sunday)
        #expect(!sla.calendar.isWorkingDay(year: 2024, month: 5, day: 1))   // 劳动节
    }

    @Test func oldWorkflowInitialiserStillWorks() {
        let w = WorkflowDefinition(initial: "new", roles: [], statuses: [EnumValue(key: "new", zh: "新建", en: "New")])
        #expect(w.status("new")?.clock == .running)
    }

    /// Replaces `old` with `new` in one default file and loads.
    func load(_ file: String, replacing old: String, with new: String) -> ConfigurationError? {
        var files = SchemaLoader.defaultFiles
        let text = files[file]!
        #expect(text.contains(old), "fixture text not found in \(file)")
        files[file] = text.replacingOccurrences(of: old, with: new)
        do { _ = try SchemaLoader.load(files: files); return nil } catch { return error }
    }

    func line(of needle: String, in file: String, after old: String, _ new: String) -> Int {
        let text = SchemaLoader.defaultFiles[file]!.replacingOccurrences(of: old, with: new)
        return text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    @Test func transitionToUnknownStatusNamesFileAndLine() throws {
        let old = "from: [resolved, follow_up], to: closed"
        let new = "from: [resolved, follow_up], to: shut"
        let error = try #require(load("workflow.yaml", replacing: old, with: new))
        #expect(error.file == "workflow.yaml")
        #expect(error.line == line(of: "to: shut", in: "workflow.yaml", after: old, new))
        #expect(error.message.contains("'shut' is not a status"))
    }

    @Test func unknownRoleInTransitionIsRefused() throws {
        let error = try #require(load("workflow.yaml", replacing: "to: invalid, roles: [agent,", with: "to: invalid, roles: [boss,"))
        #expect(error.file == "workflow.yaml")
        #expect(error.message.contains("'boss' is not a role"))
    }

    @Test func overlappingHolidaysNameFileAndLine() throws {
        let old = "{ name: 端午节, date: 2024-06-10 }"
        let new = "{ name: 端午节, from: 2024-05-05, to: 2024-05-06 }"
        let error = try #require(load("sla.yaml", replacing: old, with: new))
        #expect(error.file == "sla.yaml")
        #expect(error.line == line(of: "端午节, from: 2024-05-05", in: "sla.yaml", after: old, new))
        #expect(error.message.contains("overlaps holiday 劳动节"))
        #expect(error.description.hasPrefix("sla.yaml:\(error.line): "))
    }

    @Test func holidayThatIsAlsoAMakeUpDayIsRefused() throws {
        let error = try #require(load("sla.yaml", replacing: "{ name: 劳动节调休, date: 2024-05-11 }",
                                      with: "{ name: 劳动节调休, date: 2024-05-03 }"))
        #expect(error.file == "sla.yaml")
        #expect(error.message.contains("2024-05-03 is both a make-up working day and part of holiday 劳动节"))
    }

    @Test func malformedTargetIsRefused() throws {
        let error = try #require(load("sla.yaml", replacing: "urgent: { respond: 2h", with: "urgent: { respond: soon"))
        #expect(error.file == "sla.yaml")
        #expect(error.message.contains("'soon' is not a target"))
    }

    @Test func routingToUnknownDepartmentIsRefused() throws {
        let error = try #require(load("routing.yaml", replacing: "fault: tech_support", with: "fault: it_dept"))
        #expect(error.file == "routing.yaml")
        #expect(error.line == line(of: "fault: it_dept", in: "routing.yaml", after: "fault: tech_support", "fault: it_dept"))
        #expect(error.message.contains("'it_dept' is not a department"))
    }

    @Test func desksWithoutRoutingOrSLAStillLoad() throws {
        var files = SchemaLoader.defaultFiles
        files["routing.yaml"] = nil
        files["sla.yaml"] = "# no SLA yet\n"
        let schema = try SchemaLoader.load(files: files)
        #expect(schema.sla == nil)
        #expect(schema.routing.byType.isEmpty)
    }
}
