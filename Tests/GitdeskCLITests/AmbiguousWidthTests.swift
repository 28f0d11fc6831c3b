import Testing
@testable import GitdeskCLI

/// East Asian Ambiguous characters take two cells in a CJK locale's terminal.
@Suite struct AmbiguousWidthTests {
    @Test func theChoiceFollowsTheEnvironmentThenTheLocale() {
        #expect(TextTable.ambiguousWide(environment: ["LANG": "zh_CN.UTF-8"]))
        #expect(TextTable.ambiguousWide(environment: ["LC_ALL": "ja_JP.UTF-8", "LANG": "C"]))
        #expect(!TextTable.ambiguousWide(environment: ["LANG": "C.UTF-8"]))
        #expect(!TextTable.ambiguousWide(environment: [:]))
        #expect(!TextTable.ambiguousWide(environment: ["LANG": "zh_CN.UTF-8", "GITDESK_AMBIGUOUS_WIDE": "0"]))
        #expect(TextTable.ambiguousWide(environment: ["LANG": "en_US.UTF-8", "GITDESK_AMBIGUOUS_WIDE": "1"]))
    }

    @Test(arguments: ["“", "”", "‘", "’", "…", "·", "°", "※", "①", "→", "─", "α", "Д"])
    func ambiguousCharacters(_ c: String) {
        #expect(TextTable.isAmbiguous(c.unicodeScalars.first!.value))
    }

    @Test(arguments: ["a", "1", "-", "客", "，", "。"])
    func notAmbiguous(_ c: String) {
        #expect(!TextTable.isAmbiguous(c.unicodeScalars.first!.value))
    }
}
