// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hallrate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hallrate", targets: ["HallRateCLI"]),
        .executable(name: "hallrate-gen", targets: ["ExportGenerator"]),
        .executable(name: "hallrate-fuzz", targets: ["HallRateFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        /// libcsv (Debian `libcsv-dev`); it ships no pkg-config file, so the module map links `csv`.
        .systemLibrary(name: "CCSV", path: "Sources/CCSV"),
        /// libxml2 (Debian `libxml2-dev`), found through pkg-config.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        /// libpq, PostgreSQL's C client (Debian `libpq-dev`), found through pkg-config: the publication of
        /// counts and the federated run (docs/architecture.md, "Why libpq").
        .systemLibrary(
            name: "CPostgreSQL", path: "Sources/CPostgreSQL", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "HallRateCore",
            dependencies: [
                "CCSV",
                "CLibXML2",
                "CPostgreSQL",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            // Compiled into the binary: no bundle to ship next to it.
            resources: [.embedInCode("Resources/china-holidays.csv")]
        ),
        .executableTarget(
            name: "HallRateCLI",
            dependencies: [
                "HallRateCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "ExportGenerator",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        /// libFuzzer entry point (scripts/fuzz.sh builds it with --sanitize=fuzzer --sanitize=address).
        .executableTarget(name: "HallRateFuzz", dependencies: ["HallRateCore"]),
        .testTarget(
            name: "HallRateCoreTests",
            dependencies: ["HallRateCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HallRateCLITests",
            dependencies: ["HallRateCLI", "HallRateCore", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"]
        ),
    ]
)
