// swift-tools-version: 6.1
// Fuzz targets for gitdesk, built with libFuzzer and AddressSanitizer.
// A separate package so the main package's `swift build` never needs the
// fuzzer runtime. Build and run with `fuzz/run.sh` (see fuzz/README.md).
//
// To add a target: make Sources/fuzz-<name>/<Name>.swift with an
// `@_cdecl("LLVMFuzzerTestOneInput")` function and the `<module>_main` entry
// point (copy the two functions at the end of fuzz-scanner), add it to
// `fuzzTargets` below, and put seed inputs in corpus/fuzz-<name>/.
import PackageDescription

let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("fuzz-scanner", ["FuzzSupport", .product(name: "TicketCore", package: "gitdesk")]),
    ("fuzz-ticket-parser", ["FuzzSupport", .product(name: "TicketCore", package: "gitdesk")]),
]

let package = Package(
    name: "gitdesk-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "gitdesk", path: ".."),
    ],
    targets: [
        // libFuzzer's driver declaration, shared by every target.
        .target(name: "FuzzSupport"),
    ] + fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: target.dependencies)
    }
)
