import Analyzer
import Foundation

/// The JSON report, version 1 (documented in docs/report-format.md): one object with a
/// `findings` array that other tools and our own checks read.
public enum JSONReport {
    struct Document: Encodable {
        var version = 1
        var tool: Tool
        var passed: Bool
        var summary: Summary
        var failures: [String]
        var findings: [Item]
        var errors: [ErrorItem]
        var skipped: [String: [String]]
    }

    struct Tool: Encodable {
        var name = "autosafecoder"
        var version: String
    }

    struct Summary: Encodable {
        var files: Int
        var new: [String: Int]
        var suppressed: Int
        var baselined: Int
        var outOfScope: Int
        enum CodingKeys: String, CodingKey {
            case files, new, suppressed, baselined
            case outOfScope = "out_of_scope"
        }
    }

    struct Step: Encodable {
        var line: Int
        var column: Int
        var note: String
    }

    struct Item: Encodable {
        var kind = "static"
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var code: String
        var cwe: String
        var severity: String
        var confidence: String
        var message: String
        var fingerprint: String
        var suppressed: Bool
        var new: Bool
        var fixHint: String?
        var flow: [Step]
        var function: String?
        enum CodingKeys: String, CodingKey {
            case kind, file, line, column, code, cwe, severity, confidence, message, fingerprint, suppressed, new, flow, function
            case endLine = "end_line", endColumn = "end_column", fixHint = "fix_hint"
        }
    }

    struct ErrorItem: Encodable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    public static func render(_ decision: GateDecision, toolVersion: String) -> String {
        let newSet = Set(decision.newFindings)
        let findings = decision.allFindings.map { finding in
            Item(file: finding.file, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn,
                 code: finding.code, cwe: finding.cweID, severity: finding.severity.rawValue, confidence: finding.confidence.rawValue,
                 message: finding.message, fingerprint: finding.fingerprint, suppressed: finding.suppressed, new: newSet.contains(finding),
                 fixHint: finding.fixHint, flow: finding.flow.map { Step(line: $0.line, column: $0.column, note: $0.note) },
                 function: finding.scope)
        }
        var newCounts: [String: Int] = [:]
        for severity in ["high", "medium", "low"] { newCounts[severity] = decision.newFindings.filter { $0.severity.rawValue == severity }.count }
        let document = Document(
            tool: Tool(version: toolVersion),
            passed: decision.passed,
            summary: Summary(files: decision.selection.files.count, new: newCounts, suppressed: decision.suppressedCount,
                             baselined: decision.baselinedCount, outOfScope: decision.outOfScopeCount),
            failures: decision.failures,
            findings: findings,
            errors: decision.syntaxErrors.map { ErrorItem(file: $0.filename, line: $0.line, column: $0.column + 1, message: "\($0.kind.rawValue): \($0.message)") },
            skipped: Dictionary(uniqueKeysWithValues: decision.selection.skipped.map { ($0.key.rawValue, $0.value) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
