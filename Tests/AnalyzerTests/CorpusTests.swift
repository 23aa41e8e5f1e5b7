@testable import Analyzer
import Foundation
import PythonSyntax
import Testing

/// Vulnerable files and safe near-misses: every `# expect: CWE-n` line must get a finding of
/// that CWE at medium severity or above, and no other line may get one.
@Suite("Corpus of vulnerable files and safe near-misses")
struct CorpusTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/corpus")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
    }

    @Test(arguments: files)
    func expectations(file: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
        var expected: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: "# expect: ") { expected.insert("\(index + 1):\(line[range.upperBound...])") }
        }
        let parsed = try PythonSyntax.parse(Array(text.utf8), filename: file)
        let found = AnalysisEngine().analyze(parsed, file: file).filter { $0.severity >= .medium && !$0.suppressed }
        let actual = Set(found.map { "\($0.line):\($0.cweID)" })
        #expect(actual == expected, "\(file): \(found.map { "\($0.line) \($0.code) \($0.message)" })")
        if file.hasPrefix("safe_") { #expect(expected.isEmpty) }
    }

    @Test func corpusIsPresent() {
        #expect(Self.files.count >= 16)
    }
}
