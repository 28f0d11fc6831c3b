// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "gitdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gitdesk", targets: ["gitdesk"]),
        .library(name: "TicketCore", targets: ["TicketCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev).
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // The only module that imports CLibGit2.
        // Defers mbedTLS's CA-bundle parsing (~5 ms at libgit2 init) until a
        // transfer needs it; see lazy_certificates.c.
        .target(name: "CLazyCertificates", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "GitKit", dependencies: ["CLibGit2", "CLazyCertificates"]),
        // Tickets, schema, workflow, SLA, privacy, validation: no git.
        .target(
            name: "TicketCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [
                .embedInCode("DefaultSchema/fields.yaml"),
                .embedInCode("DefaultSchema/enums.yaml"),
                .embedInCode("DefaultSchema/workflow.yaml"),
                .embedInCode("DefaultSchema/routing.yaml"),
                .embedInCode("DefaultSchema/sla.yaml"),
                .embedInCode("DefaultSchema/privacy.yaml"),
            ]
        ),
        // The ticket repository: TicketCore on top of GitKit.
        .target(
            name: "TicketStore",
            dependencies: ["GitKit", "TicketCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // One command per file.
        .target(
            name: "GitdeskCLI",
            dependencies: [
                "TicketStore", "TicketCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gitdesk", dependencies: ["GitdeskCLI"]),
        // `make bench` helpers that time in-process work (scanner throughput, parse, render).
        .executableTarget(name: "gitdesk-bench", dependencies: ["TicketCore"]),

        .target(name: "TestSupport", dependencies: ["TicketCore"], path: "Tests/TestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        .testTarget(
            name: "TicketCoreTests",
            dependencies: [
                "TicketCore", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TicketStoreTests",
            dependencies: [
                "TicketStore", "GitKit", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "GitdeskCLITests",
            dependencies: ["GitdeskCLI", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ]
)
