import Analyzer
import Fuzzer

/// The JSON report, version 1 (documented in docs/report-format.md): one object with a
/// `findings` array that other tools and our own checks read.
public enum JSONReport {
    struct Document {
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
        var json: JSONText {
            .object(["errors": .array(errors.map(\.json)), "failures": .array(failures.map(JSONText.string)),
                     "findings": .array(findings.map(\.json)), "fuzz": fuzz?.json, "passed": .bool(passed),
                     "skipped": .object(sorting: skipped.mapValues { .array($0.map(JSONText.string)) }), "summary": summary.json,
                     "targets": targets.map { .array($0.map(\.json)) }, "tool": tool.json, "version": .int(version)])
        }
    }

    struct FuzzRun {
        var sandbox: String?
        var python: String?
        var seed: UInt64
        var json: JSONText {
            .object(["python": python.map(JSONText.string), "sandbox": sandbox.map(JSONText.string), "seed": .unsigned(seed)])
        }
    }

    struct TargetItem {
        var file: String
        var function: String
        var line: Int
        var status: String
        var reason: String?
        var executions: Int
        var linesCovered: Int
        var seconds: Double
        var json: JSONText {
            .object(["executions": .int(executions), "file": .string(file), "function": .string(function), "line": .int(line),
                     "lines_covered": .int(linesCovered), "reason": reason.map(JSONText.string), "seconds": .double(seconds),
                     "status": .string(status)])
        }
    }

    struct Tool {
        var name = "autosafecoder"
        var version: String
        var json: JSONText { .object(["name": .string(name), "version": .string(version)]) }
    }

    struct Summary {
        var files: Int
        var new: [String: Int]
        var suppressed: Int
        var baselined: Int
        var outOfScope: Int
        var json: JSONText {
            .object(["baselined": .int(baselined), "files": .int(files), "new": .object(sorting: new.mapValues(JSONText.int)),
                     "out_of_scope": .int(outOfScope), "suppressed": .int(suppressed)])
        }
    }

    struct Step {
        var line: Int
        var column: Int
        var note: String
        var json: JSONText { .object(["column": .int(column), "line": .int(line), "note": .string(note)]) }
    }

    struct Item {
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
        var json: JSONText {
            .object(["code": .string(code), "column": .int(column), "confidence": .string(confidence), "cwe": .string(cwe),
                     "end_column": .int(endColumn), "end_line": .int(endLine), "exception": exception.map(JSONText.string),
                     "file": .string(file), "fingerprint": .string(fingerprint), "fix_hint": fixHint.map(JSONText.string),
                     "flow": .array(flow.map(\.json)), "found_after_ms": foundAfterMS.map(JSONText.double),
                     "function": function.map(JSONText.string), "input": input.map(JSONText.string), "kind": .string(kind),
                     "line": .int(line), "message": .string(message), "new": .bool(new), "reproducer": reproducer.map(JSONText.string),
                     "severity": .string(severity), "suppressed": .bool(suppressed)])
        }
    }

    struct ErrorItem {
        var file: String
        var line: Int
        var column: Int
        var message: String
        var json: JSONText { .object(["column": .int(column), "file": .string(file), "line": .int(line), "message": .string(message)]) }
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
        return document.json.rendered
    }
}
