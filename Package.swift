// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Stroma",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "stroma", targets: ["stroma"]),
        .library(name: "StromaRelease", targets: ["StromaRelease"]),
        .library(name: "StromaDomain", targets: ["StromaDomain"]),
        .library(name: "StromaKnowledge", targets: ["StromaKnowledge"]),
        .library(name: "StromaStore", targets: ["StromaStore"]),
        .library(name: "StromaStatistics", targets: ["StromaStatistics"]),
        .library(name: "StromaKinetics", targets: ["StromaKinetics"]),
        .library(name: "StromaImport", targets: ["StromaImport"]),
        .library(name: "StromaPlot", targets: ["StromaPlot"]),
        .library(name: "StromaWorkbench", targets: ["StromaWorkbench"]),
        .library(name: "StromaCytometry", targets: ["StromaCytometry"]),
        .library(name: "StromaServer", targets: ["StromaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // MARK: - Libraries
        // The one Stroma release version (StromaRelease.version), below every other library.
        .target(name: "StromaRelease", swiftSettings: strictSettings),
        .target(name: "StromaDomain", swiftSettings: strictSettings),
        .target(
            name: "StromaKnowledge",
            dependencies: ["StromaDomain"],
            resources: [.copy("Resources/knowledge")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StromaStore",
            dependencies: [
                "StromaRelease", "StromaDomain", "StromaKnowledge", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StromaStatistics",
            dependencies: ["StromaRelease"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StromaKinetics",
            resources: [.copy("Resources/parameters")],
            swiftSettings: strictSettings
        ),
        .target(name: "StromaImport", dependencies: ["StromaDomain", "CZlib"], swiftSettings: strictSettings),
        // zlib (system library, Debian zlib1g-dev) inflates ClinicalTrials.gov bulk ZIP archives.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "StromaPlot", swiftSettings: strictSettings),
        // Cell product QC: FCS files, compensation, Gating-ML 2.0 transforms and gates (no database, no files written).
        .target(name: "StromaCytometry", swiftSettings: strictSettings),
        // The application layer: every workflow both front ends run (see Sources/StromaWorkbench).
        .target(
            name: "StromaWorkbench",
            dependencies: [
                "StromaRelease", "StromaDomain", "StromaKnowledge", "StromaStore", "StromaStatistics",
                "StromaKinetics", "StromaImport", "StromaPlot",
            ],
            swiftSettings: strictSettings
        ),
        // `stroma serve`: the JSON API and the HTML workbench over StromaWorkbench (see Sources/StromaServer).
        .target(
            name: "StromaServer",
            dependencies: [
                "StromaRelease", "StromaDomain", "StromaKnowledge", "StromaStore", "StromaStatistics",
                "StromaKinetics", "StromaImport", "StromaPlot", "StromaWorkbench",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),

        // MARK: - Executables (thin)
        .executableTarget(
            name: "stroma",
            dependencies: [
                "StromaRelease", "StromaDomain", "StromaKnowledge", "StromaStore", "StromaStatistics",
                "StromaKinetics", "StromaImport", "StromaPlot", "StromaWorkbench", "StromaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "stroma-bench",
            dependencies: ["StromaStatistics", "StromaKinetics", "StromaImport", "StromaDomain"],
            swiftSettings: strictSettings
        ),

        // MARK: - Tests
        .target(
            name: "_StromaTestSupport",
            dependencies: [.product(name: "Numerics", package: "swift-numerics")],
            path: "Sources/_StromaTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaDomainTests",
            dependencies: ["StromaDomain", "_StromaTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaKnowledgeTests",
            dependencies: ["StromaKnowledge", "StromaDomain", "_StromaTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaStoreTests",
            dependencies: [
                "StromaStore", "StromaKnowledge", "StromaDomain", "_StromaTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaStatisticsTests",
            dependencies: [
                "StromaStatistics", "_StromaTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaKineticsTests",
            dependencies: ["StromaKinetics", "_StromaTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaImportTests",
            dependencies: ["StromaImport", "StromaDomain", "_StromaTestSupport"],
            resources: [.copy("Fixtures/msc")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaPlotTests",
            dependencies: ["StromaPlot", "_StromaTestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaWorkbenchTests",
            dependencies: [
                "StromaWorkbench", "StromaStore", "StromaKnowledge", "StromaDomain", "StromaImport", "StromaPlot",
                "StromaStatistics", "StromaRelease", "_StromaTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaCLITests",
            dependencies: [
                "stroma", "_StromaTestSupport", "StromaStore", "StromaKnowledge", "StromaDomain", "StromaStatistics",
            ],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaServerTests",
            dependencies: [
                "StromaServer", "StromaStore", "StromaKnowledge", "StromaWorkbench", "_StromaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StromaCytometryTests",
            dependencies: ["StromaCytometry", "_StromaTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)
