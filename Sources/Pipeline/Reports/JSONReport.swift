import Analyzer
import Foundation
import Fuzzer

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
        /// Fuzzing stage: each target's status; absent when the stage did not run.
        var targets: [TargetItem]?
        var fuzz: FuzzRun?
    }

    struct FuzzRun: Encodable {
        var sandbox: String?
        var python: String?
        var seed: UInt64
    }

    struct TargetItem: Encodable {
        var file: String
        var function: String
        var line: Int
        var status: String
        var reason: String?
        var executions: Int
        var linesCovered: Int
        var seconds: Double
        enum CodingKeys: String, CodingKey {
            case file, function, line, status, reason, executions, seconds
            case linesCovered = "lines_covered"
        }
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
        // Fuzz findings only.
        var exception: String?
        var input: String?
        var reproducer: String?
        var foundAfterMS: Double?
        enum CodingKeys: String, CodingKey {
            case kind, file, line, column, code, cwe, severity, confidence, message, fingerprint, suppressed, new, flow, function
            case exception, input, reproducer
            case endLine = "end_line", endColumn = "end_column", fixHint = "fix_hint", foundAfterMS = "found_after_ms"
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
        let fuzzFindings = (decision.fuzz?.findings ?? []).map { finding in
            Item(kind: finding.kind.rawValue, file: finding.file, line: finding.line, column: 1, endLine: finding.line, endColumn: 1,
                 code: finding.code, cwe: "CWE-\(finding.cweID)", severity: finding.severity.rawValue, confidence: "high",
                 message: finding.summary, fingerprint: finding.fingerprint, suppressed: false, new: true, fixHint: nil,
                 flow: finding.frames.map { Step(line: $0.line, column: 1, note: "\($0.file):\($0.line) in \($0.function)") },
                 function: finding.function, exception: finding.exception, input: finding.call, reproducer: finding.reproducer,
                 foundAfterMS: (finding.foundAfter * 10000).rounded() / 10)
        }
        var newCounts: [String: Int] = [:]
        for severity in ["high", "medium", "low"] { newCounts[severity] = decision.newFindings.filter { $0.severity.rawValue == severity }.count }
        let document = Document(
            tool: Tool(version: toolVersion),
            passed: decision.passed,
            summary: Summary(files: decision.selection.files.count, new: newCounts, suppressed: decision.suppressedCount,
                             baselined: decision.baselinedCount, outOfScope: decision.outOfScopeCount),
            failures: decision.failures,
            findings: findings + fuzzFindings,
            errors: decision.syntaxErrors.map { ErrorItem(file: $0.filename, line: $0.line, column: $0.column + 1, message: "\($0.kind.rawValue): \($0.message)") },
            skipped: Dictionary(uniqueKeysWithValues: decision.selection.skipped.map { ($0.key.rawValue, $0.value) }),
            targets: decision.fuzz.map { fuzz in
                fuzz.targets.map {
                    TargetItem(file: $0.file, function: $0.function, line: $0.line, status: $0.status.rawValue, reason: $0.reason,
                               executions: $0.executions, linesCovered: $0.linesCovered, seconds: ($0.seconds * 1000).rounded() / 1000)
                }
            },
            fuzz: decision.fuzz.map { FuzzRun(sandbox: $0.sandbox?.rawValue, python: $0.python, seed: $0.seed) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
