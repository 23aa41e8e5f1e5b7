import Foundation
import Analyzer
import Fuzzer

/// JUnit XML: one test case per scanned file, failing with its new findings.
public enum JUnitReport {
    public static func render(_ decision: GateDecision) -> String {
        var byFile: [String: [Finding]] = [:]
        for finding in decision.newFindings { byFile[finding.file, default: []].append(finding) }
        let errors = Dictionary(grouping: decision.syntaxErrors, by: \.filename)
        let paths = decision.selection.files.map(\.path)
        let fuzzTargets = decision.fuzz?.targets ?? []
        let fuzzFindings = decision.fuzz?.findings ?? []
        let fuzzFailures = fuzzTargets.filter { target in fuzzFindings.contains { $0.file == target.file && $0.function == target.function } }.count
        let failures = paths.filter { byFile[$0] != nil || errors[$0] != nil }.count + fuzzFailures
        let tests = paths.count + fuzzTargets.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"autosafecoder\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        out += "  <testsuite name=\"autosafecoder\" tests=\"\(paths.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        for path in paths {
            out += "    <testcase classname=\"autosafecoder\" name=\"\(escape(path))\""
            let findings = byFile[path] ?? []
            let syntax = errors[path] ?? []
            if findings.isEmpty && syntax.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            let lines = syntax.map { "\($0.filename):\($0.line):\($0.column + 1) \($0.kind.rawValue): \($0.message)" }
                + findings.map { "\($0.file):\($0.line):\($0.column) \($0.code) (\($0.cweID)) [\($0.severity.rawValue)] \($0.message)" }
            out += "      <failure message=\"\(escape("\(lines.count) problem\(lines.count == 1 ? "" : "s")"))\" type=\"autosafecoder\">"
            out += escape(lines.joined(separator: "\n")) + "</failure>\n"
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n"
        if !fuzzTargets.isEmpty {
            // One test case per fuzzed function: skipped with its reason, or failing with what was found.
            out += "  <testsuite name=\"autosafecoder-fuzz\" tests=\"\(fuzzTargets.count)\" failures=\"\(fuzzFailures)\" errors=\"0\" skipped=\"\(fuzzTargets.filter { $0.status == .skipped }.count)\">\n"
            for target in fuzzTargets {
                out += "    <testcase classname=\"autosafecoder.fuzz.\(escape(target.file))\" name=\"\(escape(target.function))\" time=\"\(String(format: "%.3f", target.seconds))\""
                let found = fuzzFindings.filter { $0.file == target.file && $0.function == target.function }
                if target.status == .skipped {
                    out += ">\n      <skipped message=\"\(escape(target.reason ?? ""))\"/>\n    </testcase>\n"
                } else if found.isEmpty {
                    out += "/>\n"
                } else {
                    let text = found.map { "\($0.file):\($0.line) \($0.code) (CWE-\($0.cweID)) \($0.summary)\n\($0.reproducer)" }.joined(separator: "\n\n")
                    out += ">\n      <failure message=\"\(escape(GateDecision.fuzzCounts(found)))\" type=\"autosafecoder-fuzz\">\(escape(text))</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids most control characters even escaped.
                if scalar.value < 0x20 { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
