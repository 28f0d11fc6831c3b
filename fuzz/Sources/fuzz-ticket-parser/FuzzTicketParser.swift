import FuzzSupport
import TicketCore

/// libFuzzer target for the ticket file parser and the checks the hooks run
/// on whatever bytes a push brings under tickets/.
///
/// Invariants: parsing never crashes; a parsed ticket renders to text that
/// parses again to the same ticket, and rendering that is a fixpoint
/// (render(parse(render(t))) == render(t)); the tree validator (binary,
/// layout, parse, every ticket rule, pii) never crashes on any bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTicketParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = validator.validate(FileChange(path: "tickets/2024/05/CS-20240501-FUZZ01.md", old: nil, new: bytes))
    guard let parsed = try? TicketFile.parse(bytes: bytes) else { return 0 }
    let rendered = TicketFile.render(parsed.ticket, layout: schema.layout)
    guard let again = try? TicketFile.parse(rendered) else {
        fatalError("fuzz-ticket-parser invariant broken: a rendered ticket does not parse")
    }
    let second = TicketFile.render(again.ticket, layout: schema.layout)
    if second != rendered { fatalError("fuzz-ticket-parser invariant broken: rendering is not a fixpoint") }
    _ = validator.validate(FileChange(path: "tickets/2024/05/CS-20240501-FUZZ01.md", old: bytes, new: Array(rendered.utf8)))
    return 0
}

let schema: Schema = try! SchemaLoader.loadDefault()
let validator = TreeValidator(
    schema: schema,
    team: Team(people: [Person(handle: "li", name: "李", email: "li@example.com", roles: ["agent"])]),
    author: Person(handle: "li", name: "李", email: "li@example.com", roles: ["agent"]))

/// The entry point SwiftPM links as `main`: hands over to libFuzzer.
@_cdecl("fuzz_ticket_parser_main")
public func fuzzTicketParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzTicketParser(data, size)
    }
}
