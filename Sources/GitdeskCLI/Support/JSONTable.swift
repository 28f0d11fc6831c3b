import Foundation
import TicketCore

/// `import`'s reading of a JSON file: an array of objects (what `export
/// --format json` writes), turned into the header and rows a CSV would give,
/// so both go through the same checks. A row's number is the object's
/// position in the array.
enum JSONTable {
    /// One value of an object: text, a number or true/false (written as
    /// text), or null (an empty cell).
    private enum Cell: Decodable {
        case text(String?)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .text(nil); return }
            if let s = try? c.decode(String.self) { self = .text(s); return }
            if let b = try? c.decode(Bool.self) { self = .text(b ? "true" : "false"); return }
            if let i = try? c.decode(Int64.self) { self = .text(String(i)); return }
            if let d = try? c.decode(Double.self) { self = .text(String(d)); return }
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a value is a list or an object")
        }

        var text: String { if case .text(let s) = self { return s ?? "" }; return "" }
    }

    /// The header (every key, in the order first seen) and one record per object.
    static func records(_ text: String) throws(CSVReader.Malformed) -> [CSVReader.Record] {
        let objects: [[String: Cell]]
        do {
            objects = try JSONDecoder().decode([[String: Cell]].self, from: Data(text.utf8))
        } catch let DecodingError.dataCorrupted(context) {
            throw CSVReader.Malformed(line: 1, Message(.jsonNotTable, ["problem": .text(" (\(context.debugDescription))")]))
        } catch {
            throw CSVReader.Malformed(line: 1, Message(.jsonNotTable, ["problem": .text("")]))
        }
        // Each object's own keys in a fixed order (JSON objects have none).
        var keys: [String] = []
        var seen = Set<String>()
        for object in objects {
            for key in object.keys.sorted() where seen.insert(key).inserted { keys.append(key) }
        }
        var records = [CSVReader.Record(line: 1, cells: keys)]
        for (i, object) in objects.enumerated() {
            records.append(CSVReader.Record(line: i + 1, cells: keys.map { object[$0]?.text ?? "" }))
        }
        return records
    }
}
