// gitdesk-bench: in-process timings for `make bench`.
//
//   gitdesk-bench scan [MB]     PII scanner and masker throughput (default 8 MB)
//   gitdesk-bench settings      loading the schema from YAML, JSON, binary plist
//   gitdesk-bench parse         the ticket parser on 1 MiB pathological files, a 1 MB note's pii scan
//
// Each subcommand prints `key=value` lines that scripts/bench.sh collects.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: gitdesk-bench <subcommand> [options]
      scan [MB]    time PIIScanner.scan and .mask over MB megabytes of mixed text (default 8)
      settings     time loading the default schema from YAML, JSON and a binary plist
      parse        time parsing 1 MiB pathological ticket files and the pii scan of a 1 MB note
    """

switch arguments.first {
case "scan":
    let megabytes = arguments.dropFirst().first.flatMap(Double.init) ?? 8
    guard megabytes > 0 else {
        FileHandle.standardError.write(Data("gitdesk-bench scan: MB must be a positive number\n".utf8))
        exit(64)
    }
    ScanBenchmark(megabytes: megabytes).run()
case "settings":
    SettingsBenchmark().run()
case "parse":
    ParseBenchmark().run()
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(64)
}
