import Analyzer
import Foundation
import Pipeline
import Testing

@Suite("Pipeline pieces")
struct PipelineUnitTests {
    @Test(arguments: [
        ("**/*.py", "a.py", true), ("**/*.py", "src/pkg/a.py", true), ("**/*.py", "a.pyi", false),
        ("src/**", "src/a/b.py", true), ("src/**", "lib/src/a.py", false), ("**/venv/**", "x/venv/lib/a.py", true),
        ("**/venv/**", "venvy/a.py", false), ("*.py", "deep/dir/a.py", true), ("test_*.py", "tests/test_a.py", true),
        ("tests/test_?.py", "tests/test_a.py", true), ("tests/test_?.py", "tests/test_ab.py", false),
        ("gen/[ab]*.py", "gen/alpha.py", true), ("gen/[!ab]*.py", "gen/alpha.py", false), ("gen/[a-c]x.py", "gen/bx.py", true),
        ("./src/*.py", "src/a.py", true), ("**", "anything/at/all.py", true), ("a/**/b.py", "a/b.py", true), ("a/**/b.py", "a/x/y/b.py", true),
    ])
    func globs(pattern: String, path: String, expected: Bool) {
        #expect(PathGlob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func globHasNoExponentialBlowUp() {
        let path = String(repeating: "a", count: 200) + ".py"
        #expect(!PathGlob(String(repeating: "*a", count: 30) + "b").matches(path))
    }

    @Test func filterExcludeWins() {
        let filter = PathFilter(include: [], exclude: ["tests/**"])
        #expect(filter.admits("src/a.py"))
        #expect(!filter.admits("tests/a.py"))
        #expect(!PathFilter(include: ["src/**"], exclude: []).admits("lib/a.py"))
    }

    static func finding(_ code: String, _ fingerprint: String, file: String = "a.py", line: Int = 1) -> Finding {
        Finding(code: code, cwe: 78, severity: .high, confidence: .high, file: file, line: line, column: 1, endLine: line,
                endColumn: 2, message: "m", fingerprint: fingerprint)
    }

    @Test func baselineCountsOccurrences() throws {
        let known = [Self.finding("ASC605", "f1"), Self.finding("ASC605", "f1", line: 9), Self.finding("ASC602", "f2")]
        let baseline = Baseline(findings: known)
        let now = known + [Self.finding("ASC605", "f1", line: 20), Self.finding("ASC605", "f1", file: "b.py")]
        let (new, old) = baseline.partition(now)
        #expect(old.count == 3)
        #expect(new.map(\.line) == [20, 1])
        #expect(new.map(\.file) == ["a.py", "b.py"])
        // Round trip through the file format.
        let url = try TestSupport.temporaryDirectory().appendingPathComponent("b.json")
        try baseline.encoded().write(to: url)
        #expect(try Baseline.load(path: url.path) == baseline)
        try Data("{\"version\": 2, \"tool\": \"x\", \"entries\": []}".utf8).write(to: url)
        #expect(throws: SelectionError.self) { try Baseline.load(path: url.path) }
    }

    @Test func renamedAndCopiedFilesAreJudgedOnlyOnAddedLines() throws {
        let repo = try ScanGitTests.Repo()
        try repo.write("old_name.py", ScanGitTests.vulnerable + "\n# padding\n" + String(repeating: "x = 1\n", count: 20))
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "legacy", "--no-verify")
        try repo.git("mv", "old_name.py", "new_name.py")
        // A pure rename adds no lines: the old finding is not new.
        let renamed = try repo.scan("--staged")
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stderr.contains("1 file checked"))
        #expect(renamed.stderr.contains("1 outside the changed lines"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let decision = GateDecision.decide(selection: Selection(), results: [], policy: .init(), baseline: nil)
        #expect(!TextReport.summary(decision, policySource: "p", style: .init(color: false)).contains("\u{1B}["))
        #expect(TextReport.summary(decision, policySource: "p", style: .init(color: true)).contains("\u{1B}[32mgate passed"))
    }
}
