@testable import Analyzer
import PythonSyntax
import Foundation
import Testing

/// Runs every rule's own examples: each `↓` in a triggering example must be exactly where a
/// finding of that rule starts, and non-triggering examples must give no finding of it.
@Suite("Rule examples")
struct RuleExampleTests {
    /// Removes the `↓` markers and returns the source with the (line, column) of each marker,
    /// columns 1-based in UTF-8 bytes, as findings report them.
    static func markers(in example: String) -> (source: String, positions: [Finding.Position]) {
        var source = ""
        var positions: [Finding.Position] = []
        var line = 1
        var column = 1
        for character in example {
            if character == "↓" {
                positions.append(Finding.Position(line: line, column: column))
                continue
            }
            source.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
        }
        return (source, positions)
    }

    static func findings(of rule: RuleDescription, in source: String) throws -> [Finding] {
        let parsed = try PythonSyntax.parse(Array(source.utf8), filename: "example.py")
        let engine = AnalysisEngine(configuration: AnalyzerConfiguration(enable: [rule.code]))
        return engine.analyze(parsed, file: "example.py").filter { $0.code == rule.code }
    }

    @Test("Triggering examples", arguments: RuleRegistry.descriptions.map(\.code))
    func triggering(code: String) throws {
        let rule = try #require(RuleRegistry.descriptions.first { $0.code == code })
        for example in rule.triggering {
            let (source, expected) = Self.markers(in: example)
            #expect(!expected.isEmpty, "\(code): triggering example without a ↓ marker:\n\(example)")
            let found = try Self.findings(of: rule, in: source).map { Finding.Position(line: $0.line, column: $0.column) }
            #expect(found == expected, "\(code) on:\n\(source)")
        }
    }

    @Test("Non-triggering examples", arguments: RuleRegistry.descriptions.map(\.code))
    func nonTriggering(code: String) throws {
        let rule = try #require(RuleRegistry.descriptions.first { $0.code == code })
        for example in rule.nonTriggering {
            let found = try Self.findings(of: rule, in: example)
            #expect(found.isEmpty, "\(code) must not fire on:\n\(example)\nbut found \(found.map(\.message))")
        }
    }

    @Test("Examples keep firing inside a function and after multibyte text", arguments: RuleRegistry.descriptions.map(\.code))
    func wrapped(code: String) throws {
        let rule = try #require(RuleRegistry.descriptions.first { $0.code == code })
        for example in rule.triggering {
            let (source, expected) = Self.markers(in: example)
            let wrapped = "# ünïcödé ✓\n" + source
            let found = try Self.findings(of: rule, in: wrapped).map { Finding.Position(line: $0.line - 1, column: $0.column) }
            #expect(found == expected, "\(code) after a multibyte line")
        }
    }

    @Test("A suppression comment silences the finding", arguments: RuleRegistry.descriptions.map(\.code))
    func suppressed(code: String) throws {
        let rule = try #require(RuleRegistry.descriptions.first { $0.code == code })
        for example in rule.triggering {
            let (source, _) = Self.markers(in: example)
            var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let parsed = try PythonSyntax.parse(Array(source.utf8), filename: "example.py")
            let engine = AnalysisEngine(configuration: AnalyzerConfiguration(enable: [rule.code]))
            let findings = engine.analyze(parsed, file: "example.py")
            for finding in findings where finding.line - 1 < lines.count {
                lines[finding.line - 1] += "  # nosec \(rule.banditID ?? rule.code)"
            }
            let silenced = try Self.findings(of: rule, in: lines.joined(separator: "\n"))
            #expect(!silenced.isEmpty && silenced.allSatisfy(\.suppressed), "\(code): # nosec must mark findings suppressed")
        }
    }
}

@Suite("Rule registry")
struct RuleRegistryTests {
    @Test func codesAreUniqueAndComplete() {
        let descriptions = RuleRegistry.descriptions
        #expect(Set(descriptions.map(\.code)).count == descriptions.count, "codes are unique")
        #expect(Set(descriptions.map(\.name)).count == descriptions.count, "names are unique")
        let banditIDs = descriptions.compactMap(\.banditID)
        #expect(Set(banditIDs).count == banditIDs.count, "one rule per Bandit id")
        for rule in descriptions {
            #expect(rule.cwe > 0, "\(rule.code) has a CWE")
            #expect(!rule.triggering.isEmpty, "\(rule.code) has triggering examples")
            #expect(!rule.nonTriggering.isEmpty, "\(rule.code) has non-triggering examples")
            #expect(!rule.rationale.isEmpty, "\(rule.code) explains itself")
            #expect(rule.code.hasPrefix("ASC"), "\(rule.code) uses our prefix")
        }
    }

    @Test func everyRuleFileIsRegistered() throws {
        // Each `struct …Rule: Rule` under Sources/Analyzer/Rules must appear in the registry.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Analyzer/Rules")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var declared: Set<String> = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("struct ") && line.contains(": Rule") {
                let name = line.dropFirst("struct ".count).prefix { $0 != ":" && $0 != " " }
                declared.insert(String(name))
            }
        }
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(registered).isEmpty, "unregistered rules: \(declared.subtracting(registered).sorted())")
    }

    @Test func selectorsMatchCodesBanditRuffAndCWE() throws {
        let rule = SubprocessShellTrueRule.description
        for selector in ["ASC602", "B602", "b602", "S602", "CWE-78", "B6"] {
            #expect(rule.matches(selector: selector), "\(selector)")
        }
        for selector in ["B601", "CWE-7", "S60X"] {
            #expect(!rule.matches(selector: selector), "\(selector)")
        }
    }

    @Test func suppressionCommentForms() {
        let rule = SubprocessShellTrueRule.description
        #expect(Suppressions.comment("# nosec", suppresses: rule))
        #expect(Suppressions.comment("# nosec B602", suppresses: rule))
        #expect(Suppressions.comment("# nosec: B602, B101", suppresses: rule))
        #expect(!Suppressions.comment("# nosec B101", suppresses: rule))
        #expect(Suppressions.comment("# noqa: S602", suppresses: rule))
        #expect(!Suppressions.comment("# noqa: S101", suppresses: rule))
        #expect(Suppressions.comment("# autosafecoder: ignore[CWE-78]", suppresses: rule))
        #expect(!Suppressions.comment("# autosafecoder: ignore[CWE-89]", suppresses: rule))
        #expect(!Suppressions.comment("# a comment about security", suppresses: rule))
    }
}
