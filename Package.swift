// swift-tools-version: 6.0
import PackageDescription

// Modules depend one way only:
// C modules → thin wrappers (LibGit, LibCurl, LibYAML) → PythonSyntax → rules → fuzzing →
// coding agent → pipeline → the executable. See docs/ARCHITECTURE.md.
let package = Package(
    name: "AutoSafeCoder",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "autosafecoder", targets: ["AutoSafeCoderCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, one thin module each.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CYaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // mimalloc replaces malloc for the whole process: the parser allocates one node at a time,
        // and glibc's allocator made that a third of the parse time (Ruff does the same).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // Typed wrappers for the variadic C functions Swift cannot call.
        .target(name: "CShim", dependencies: ["CGit2", "CCurl"]),

        .target(name: "Diagnostics"),
        .target(name: "LibGit", dependencies: ["CGit2", "CShim", "Diagnostics"]),
        .target(name: "LibCurl", dependencies: ["CCurl", "CShim", "Diagnostics"]),
        .target(name: "LibYAML", dependencies: ["CYaml", "Diagnostics"]),
        .target(name: "PythonSyntax"),
        .target(name: "PolicyKit", dependencies: ["LibYAML", "Diagnostics"]),
        .target(name: "Analyzer", dependencies: ["PythonSyntax", "Diagnostics"]),
        // The fuzzing agent; its Python worker is compiled into the binary (no resource bundle to lose).
        .target(name: "Fuzzer", dependencies: ["PythonSyntax", "Diagnostics"], resources: [.embedInCode("Resources/worker.py")]),
        .target(name: "CodingAgent", dependencies: ["Analyzer", "PythonSyntax", "LibCurl", "Diagnostics"]),
        .target(name: "Pipeline", dependencies: ["Analyzer", "Fuzzer", "CodingAgent", "PythonSyntax", "PolicyKit", "LibGit", "Diagnostics"]),

        .executableTarget(
            name: "AutoSafeCoderCLI",
            dependencies: [
                "Diagnostics", "LibGit", "LibCurl", "LibYAML", "PolicyKit", "PythonSyntax", "Analyzer", "Fuzzer", "CodingAgent", "Pipeline", "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Parser benchmark, differential and fuzz driver (scripts/parser-*.sh); not part of the tool.
        .executableTarget(name: "parser-bench", dependencies: ["PythonSyntax", "CMimalloc"], path: "Benchmarks/parser"),

        .testTarget(
            name: "AutoSafeCoderTests",
            dependencies: ["Diagnostics", "LibGit", "LibCurl", "LibYAML", "PolicyKit", "Pipeline", "Analyzer", "PythonSyntax", "CodingAgent", "Fuzzer"]
        ),
        .testTarget(
            name: "AnalyzerTests",
            dependencies: ["Analyzer", "CodingAgent", "PythonSyntax"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PythonSyntaxTests",
            dependencies: ["PythonSyntax"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

