import Analyzer
import Diagnostics
import Fuzzer
import PolicyKit

/// The human report: one line per new finding, then a summary that fits one screen.
public enum TextReport {
    public struct Style: Sendable {
        public var color: Bool
        public init(color: Bool) { self.color = color }

        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func severity(_ severity: Severity) -> String {
            switch severity {
            case .high: return paint("high", "1;31")
            case .medium: return paint("medium", "33")
            case .low: return paint("low", "36")
            }
        }
    }

    /// `file:line:col CODE (CWE-n) [severity] message`, one per new finding, and syntax errors.
    public static func findings(_ decision: GateDecision, style: Style) -> String {
        var out = ""
        for error in decision.syntaxErrors {
            out += "\(error.filename):\(error.line):\(error.column + 1): \(style.paint("error", "1;31")): \(error.kind.rawValue): \(error.message)\n"
        }
        // Findings the gate judges; the others (low-severity reminders by default) are only
        // counted, so the hook stays quiet about what cannot fail it.
        let ungated = decision.newFindings.filter { !decision.gatedSeverities.contains($0.severity) }
        for finding in decision.newFindings where decision.gatedSeverities.contains(finding.severity) {
            out += line(finding, style: style) + "\n"
        }
        if !ungated.isEmpty {
            out += "(\(ungated.count) new finding\(ungated.count == 1 ? "" : "s") of a severity the gate does not limit; --format json lists them)\n"
        }
        if let fuzz = decision.fuzz { out += fuzzFindings(fuzz, style: style) }
        return out
    }

    /// Each fuzz finding with its reproducer, then skipped targets with their reason.
    public static func fuzzFindings(_ fuzz: FuzzReport, style: Style) -> String {
        var out = ""
        for finding in fuzz.findings {
            out += "\(finding.file):\(finding.line):1 \(style.paint(finding.code, "1")) (CWE-\(finding.cweID)) [\(style.severity(finding.severity))] \(finding.summary)\n"
            for line in finding.reproducer.split(separator: "\n") { out += "    \(line)\n" }
        }
        for target in fuzz.targets where target.status == .skipped {
            out += "\(target.file):\(target.line):1 skipped \(target.function): \(target.reason ?? "")\n"
        }
        return out
    }

    /// "fuzzed 3 functions (12,345 runs, 87 lines) in bwrap; 1 skipped"
    public static func fuzzSummary(_ fuzz: FuzzReport) -> String {
        let fuzzed = fuzz.targets.filter { $0.status == .fuzzed }
        let skipped = fuzz.targets.count - fuzzed.count
        let runs = fuzzed.reduce(0) { $0 + $1.executions }, lines = fuzzed.reduce(0) { $0 + $1.linesCovered }
        var text = "fuzzed \(fuzzed.count) function\(fuzzed.count == 1 ? "" : "s") (\(runs) runs, \(lines) lines covered, sandbox: \(fuzz.sandbox?.rawValue ?? "none"))"
        if skipped > 0 { text += ", \(skipped) skipped" }
        if !fuzz.findings.isEmpty { text += "; found " + GateDecision.fuzzCounts(fuzz.findings) }
        return text
    }

    static func line(_ finding: Finding, style: Style) -> String {
        var text = "\(finding.file):\(finding.line):\(finding.column) \(style.paint(finding.code, "1")) (\(finding.cweID)) [\(style.severity(finding.severity))] \(finding.message)"
        if let source = finding.flow.first, finding.flow.count > 1, let sink = finding.flow.last {
            text += " (data from line \(source.line) reaches line \(sink.line))"
        }
        return text
    }

    /// The stderr summary: counts, the top findings, which threshold failed, and what to do.
    public static func summary(_ decision: GateDecision, policySource: String, style: Style, maxShown: Int = 10) -> String {
        var out = ""
        let files = decision.selection.files.count
        let high = decision.count(.high), medium = decision.count(.medium), low = decision.count(.low)
        out += "autosafecoder: \(files) file\(files == 1 ? "" : "s") checked (\(decision.selection.baseDescription.isEmpty ? "paths" : decision.selection.baseDescription)); "
        out += "new findings: \(high) high, \(medium) medium, \(low) low"
        var extras: [String] = []
        if decision.suppressedCount > 0 { extras.append("\(decision.suppressedCount) suppressed") }
        if decision.baselinedCount > 0 { extras.append("\(decision.baselinedCount) in baseline") }
        if decision.outOfScopeCount > 0 { extras.append("\(decision.outOfScopeCount) outside the changed lines") }
        let skipped = decision.selection.skipped.sorted { $0.key < $1.key }.map { "\($0.value.count) \($0.key.rawValue)" }
        if !skipped.isEmpty { extras.append("skipped: " + skipped.joined(separator: ", ")) }
        if !extras.isEmpty { out += " (" + extras.joined(separator: "; ") + ")" }
        out += "\n"
        if let fuzz = decision.fuzz, !fuzz.targets.isEmpty { out += "autosafecoder: " + fuzzSummary(fuzz) + "\n" }
        if decision.passed {
            out += style.paint("gate passed", "32") + " (policy: \(policySource))\n"
            return out
        }
        let ranked = decision.newFindings.filter { decision.gatedSeverities.contains($0.severity) }
            .sorted { ($1.severity, $1.confidence) < ($0.severity, $0.confidence) }
        for error in decision.syntaxErrors.prefix(maxShown) {
            out += "  \(error.filename):\(error.line):\(error.column + 1) \(error.kind.rawValue): \(error.message)\n"
        }
        for finding in ranked.prefix(max(0, maxShown - decision.syntaxErrors.count)) {
            out += "  " + line(finding, style: style) + "\n"
        }
        if ranked.count + decision.syntaxErrors.count > maxShown {
            out += "  … and \(ranked.count + decision.syntaxErrors.count - maxShown) more (see the full report)\n"
        }
        out += style.paint("gate failed", "1;31") + ": " + decision.failures.joined(separator: "; ") + " (policy: \(policySource))\n"
        out += """
        To accept one finding: add `# nosec CODE` (or `# autosafecoder: ignore[CWE-n]`) to its line.
        To accept what is there now: `autosafecoder scan --all --write-baseline .autosafecoder-baseline.json`, then set gate.baseline.
        To bypass this once: `git commit --no-verify`.

        """
        return out
    }
}
