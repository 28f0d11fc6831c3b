import Foundation
import TicketCore

/// Times loading the default schema three ways: from its YAML files (what a
/// cold command pays), from JSON (the settings cache) and from a binary
/// property list (a candidate cache format).
struct SettingsBenchmark {
    var rounds = 200

    func run() {
        let schema = try! SchemaLoader.loadDefault()
        let json = try! JSONEncoder().encode(schema)
        let plistEncoder = PropertyListEncoder()
        plistEncoder.outputFormat = .binary
        let plist = try! plistEncoder.encode(schema)
        let yaml = time { _ = try! SchemaLoader.loadDefault() }
        let fromJSON = time { _ = try! JSONDecoder().decode(Schema.self, from: json) }
        let fromPlist = time { _ = try! PropertyListDecoder().decode(Schema.self, from: plist) }
        print("schema_json_bytes=\(json.count)")
        print("schema_plist_bytes=\(plist.count)")
        print(String(format: "schema_from_yaml_ms=%.3f", yaml))
        print(String(format: "schema_from_json_ms=%.3f", fromJSON))
        print(String(format: "schema_from_plist_ms=%.3f", fromPlist))
    }

    /// Median milliseconds of `rounds` runs.
    private func time(_ body: () -> Void) -> Double {
        var samples: [Double] = []
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return samples.sorted()[samples.count / 2]
    }
}
