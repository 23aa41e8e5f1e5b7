import Analyzer
import Diagnostics
import Foundation
import Fuzzer

/// SARIF 2.1.0 as GitHub code scanning reads it: rules with help text, `security-severity`,
/// `security` and `external/cwe/cwe-078` tags, repository-relative URIs, regions in UTF-16
/// columns (SARIF's default column kind) and `partialFingerprints`.
public enum SARIFReport {
    public static func render(_ decision: GateDecision, toolVersion: String, rules: [RuleDescription] = RuleRegistry.descriptions) -> String {
        let sources = Dictionary(decision.selection.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let used = Set(decision.allFindings.map(\.code))
        let ruleList = rules.filter { used.contains($0.code) }.sorted { $0.code < $1.code }
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleList.enumerated().map { ($1.code, $0) })

        let sarifRules: [[String: Any]] = ruleList.map { rule in
            let cwe = String(format: "%03d", rule.cwe)
            var help = rule.rationale
            if let bandit = rule.banditID { help += "\n\nBandit: \(bandit). Suppress with `# nosec \(bandit)` on the line." }
            return [
                "id": rule.code,
                "name": rule.name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                "shortDescription": ["text": rule.name.replacingOccurrences(of: "-", with: " ")],
                "fullDescription": ["text": rule.rationale],
                "help": ["text": help, "markdown": help],
                "helpUri": "https://cwe.mitre.org/data/definitions/\(rule.cwe).html",
                "defaultConfiguration": ["level": level(rule.severity)],
                "properties": [
                    "security-severity": securitySeverity(rule.severity),
                    "precision": precision(rule.confidence),
                    "tags": ["security", "external/cwe/cwe-\(cwe)"],
                ] as [String: Any],
            ]
        }

        let newSet = Set(decision.newFindings)
        let results: [[String: Any]] = decision.allFindings.map { finding in
            let bytes = sources[finding.file] ?? []
            var region: [String: Any] = [
                "startLine": finding.line,
                "startColumn": utf16Column(bytes, line: finding.line, byteColumn: finding.column),
                "endLine": finding.endLine,
                "endColumn": utf16Column(bytes, line: finding.endLine, byteColumn: finding.endColumn),
            ]
            if let snippet = lineText(bytes, line: finding.line) { region["snippet"] = ["text": snippet] }
            var result: [String: Any] = [
                "ruleId": finding.code,
                "level": level(finding.severity),
                "message": ["text": "\(finding.message) (\(finding.cweID))"],
                "locations": [["physicalLocation": [
                    "artifactLocation": ["uri": uri(finding.file), "uriBaseId": "%SRCROOT%"],
                    "region": region,
                ]]],
                // GitHub reads only primaryLocationLineHash; ours ignores line numbers, so alerts
                // survive unrelated edits above them.
                "partialFingerprints": ["primaryLocationLineHash": finding.fingerprint, "autosafecoder/v1": finding.fingerprint],
                "properties": ["new": newSet.contains(finding), "confidence": finding.confidence.rawValue],
            ]
            if let index = ruleIndex[finding.code] { result["ruleIndex"] = index }
            if finding.suppressed { result["suppressions"] = [["kind": "inSource"]] }
            if finding.flow.count > 1 {
                result["codeFlows"] = [["threadFlows": [["locations": finding.flow.map { step in
                    ["location": ["physicalLocation": ["artifactLocation": ["uri": uri(finding.file), "uriBaseId": "%SRCROOT%"],
                                                       "region": ["startLine": step.line]],
                                  "message": ["text": step.note]]]
                }]]]]
            }
            return result
        }

        // Fuzzing: one rule per kind (ASC901–ASC904); the proof (input, reproducer) in properties.
        let fuzzFindings = decision.fuzz?.findings ?? []
        let fuzzKinds = Set(fuzzFindings.map(\.code))
        let fuzzRules: [[String: Any]] = FuzzRuleText.all.filter { fuzzKinds.contains($0.code) }.map { rule in
            [
                "id": rule.code, "name": rule.name,
                "shortDescription": ["text": rule.short], "fullDescription": ["text": rule.help],
                "help": ["text": rule.help, "markdown": rule.help],
                "helpUri": "https://cwe.mitre.org/data/definitions/\(rule.cwe).html",
                "defaultConfiguration": ["level": level(rule.severity)],
                "properties": ["security-severity": securitySeverity(rule.severity), "precision": "very-high",
                               "tags": ["security", "fuzzing", "external/cwe/cwe-\(String(format: "%03d", rule.cwe))"]] as [String: Any],
            ]
        }
        let fuzzResults: [[String: Any]] = fuzzFindings.map { finding in
            [
                "ruleId": finding.code,
                "ruleIndex": ruleList.count + (fuzzRules.firstIndex { $0["id"] as? String == finding.code } ?? 0),
                "level": level(finding.severity),
                "message": ["text": "\(finding.summary) (CWE-\(finding.cweID))"],
                "locations": [["physicalLocation": [
                    "artifactLocation": ["uri": uri(finding.file), "uriBaseId": "%SRCROOT%"],
                    "region": ["startLine": max(1, finding.line)],
                ]]],
                "partialFingerprints": ["primaryLocationLineHash": finding.fingerprint, "autosafecoder/v1": finding.fingerprint],
                "properties": ["kind": finding.kind.rawValue, "function": finding.function, "input": finding.call,
                               "reproducer": finding.reproducer, "exception": finding.exception ?? "", "cwe": "CWE-\(finding.cweID)"],
            ]
        }

        let notifications: [[String: Any]] = decision.syntaxErrors.map { error in
            ["level": "error", "message": ["text": "\(error.kind.rawValue): \(error.message)"],
             "locations": [["physicalLocation": ["artifactLocation": ["uri": uri(error.filename), "uriBaseId": "%SRCROOT%"],
                                                  "region": ["startLine": max(1, error.line)]]]]]
        }
        var run: [String: Any] = [
            "tool": ["driver": [
                "name": "AutoSafeCoder",
                "semanticVersion": toolVersion,
                "rules": sarifRules + fuzzRules,
            ] as [String: Any]],
            "results": results + fuzzResults,
            "invocations": [["executionSuccessful": true, "toolExecutionNotifications": notifications]],
            "columnKind": "utf16CodeUnits",
            "automationDetails": ["id": "autosafecoder/"],
        ]
        if let root = decision.selection.repositoryRoot {
            run["originalUriBaseIds"] = ["%SRCROOT%": ["uri": URL(fileURLWithPath: root, isDirectory: true).absoluteString]]
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .high: return "error"
        case .medium: return "warning"
        case .low: return "note"
        }
    }

    /// GitHub maps >= 7.0 to high, >= 4.0 to medium, else low.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        }
    }

    static func precision(_ confidence: Confidence) -> String {
        switch confidence {
        case .high: return "high"
        case .medium: return "medium"
        case .low: return "low"
        }
    }

    /// A relative URI reference: path segments percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":;?#[]@")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }

    static func lineBytes(_ bytes: [UInt8], line: Int) -> ArraySlice<UInt8>? {
        guard line >= 1 else { return nil }
        var current = 1, start = 0
        var index = 0
        while current < line {
            guard let newline = bytes[index...].firstIndex(of: 10) else { return nil }
            index = newline + 1
            current += 1
        }
        start = index
        let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
        return bytes[start..<end]
    }

    static func lineText(_ bytes: [UInt8], line: Int) -> String? {
        lineBytes(bytes, line: line).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Converts a 1-based UTF-8 byte column to a 1-based UTF-16 column.
    static func utf16Column(_ bytes: [UInt8], line: Int, byteColumn: Int) -> Int {
        guard let text = lineBytes(bytes, line: line) else { return byteColumn }
        let prefix = text.prefix(max(0, byteColumn - 1))
        return String(decoding: prefix, as: UTF8.self).utf16.count + 1
    }
}

/// Rule texts of the fuzzer's finding kinds, for SARIF.
enum FuzzRuleText {
    struct Rule {
        var code: String, name: String, short: String, help: String, cwe: Int, severity: Severity
    }

    static let all: [Rule] = [
        Rule(code: "ASC901", name: "FuzzCrash", short: "uncaught exception found by fuzzing",
             help: "A well-typed input makes the function raise an exception it neither raises itself nor documents. The reproducer shows the call.", cwe: 248, severity: .medium),
        Rule(code: "ASC902", name: "FuzzHang", short: "call that does not return, found by fuzzing",
             help: "An input makes the function run past the per-call timeout (an infinite loop or runaway work).", cwe: 835, severity: .medium),
        Rule(code: "ASC903", name: "FuzzMemory", short: "unbounded memory use found by fuzzing",
             help: "An input makes the function exhaust the worker's memory limit.", cwe: 400, severity: .medium),
        Rule(code: "ASC904", name: "FuzzConfirmedInjection", short: "injection confirmed by fuzzing",
             help: "Text the fuzzer planted in an argument reached a dangerous operation (a shell, eval/exec, pickle, open or SQL) in a position where it acts as code or a path. The operation was blocked in the sandbox.", cwe: 20, severity: .high),
    ]
}
