import Foundation
import Testing
import TestSupport

/// `.gitattributes`, `.mailmap` and `.gitmodules` are settings like
/// `.gitdesk/` and team.yaml: they can re-encode tickets, drop the merge
/// driver or show one person's commits as another's, so only an admin
/// changes them.
@Suite(.serialized) struct ProtectedRootFilesTests {
    static let files: [(String, String)] = [
        (".gitattributes", "tickets/** text working-tree-encoding=UTF-16LE-BOM eol=lf\n"),
        (".gitattributes", "tickets/** text eol=lf\n"),
        (".mailmap", "主管老王 <wang@desk.example> 客服小李 <li@desk.example>\n"),
        (".gitmodules", "[submodule \"x\"]\n\tpath = x\n\turl = ../x.git\n"),
        ("templates/.gitattributes", "* merge=union\n"),
    ]

    @Test func anAgentMayNotChangeThem() throws {
        let d = try HookTestDesk()
        for (path, text) in Self.files {
            try d.sandbox.write("desk/\(path)", text)
            try d.commitByHand("tweak \(path)")
            let before = try d.serverHead()
            let push = try d.push(["HEAD:main"], pusher: "li")
            #expect(push.status != 0, "\(path): the server accepted it: \(push)")
            #expect(push.stderr.contains("\(path):1: settings-change: "), "\(path): \(push)")
            #expect(try d.serverHead() == before)
            try d.must(d.sandbox.git(["reset", "-q", "--hard", "origin/main"], in: "desk"))
        }
    }

    @Test func anAdminMay() throws {
        let d = try HookTestDesk()
        try d.sandbox.write("desk/.mailmap", "管理员 <admin@desk.example>\n")
        try d.commitByHand("mailmap", author: "管理员 <admin@desk.example>")
        try d.must(d.push(["HEAD:main"], pusher: "admin"))
    }
}
