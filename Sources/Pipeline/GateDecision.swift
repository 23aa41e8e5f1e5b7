import Analyzer
import Diagnostics
import Fuzzer
import PolicyKit
import PythonSyntax

/// The verdict of a scan: what is new, what the thresholds say, and everything counted.
public struct GateDecision: Sendable {
    public var selection: Selection
    public var results: [FileResult]
    /// New, unsuppressed findings (in scope, not in the baseline): what the gate judges.
    public var newFindings: [Finding]
    /// Every finding of the scanned files, with suppressed and known ones, for the reports.
    public var allFindings: [Finding]
    public var suppressedCount: Int
    public var baselinedCount: Int
    public var outOfScopeCount: Int
    public var syntaxErrors: [SyntaxError]
    /// Human-readable thresholds that failed, such as "high: 2 new findings, at most 0 allowed".
    public var failures: [String]
    /// Severities the policy limits; new findings of the others never fail the gate.
    public var gatedSeverities: Set<Severity> = Set(Severity.allCases)
    /// The fuzzing stage's results, when it ran.
    public var fuzz: FuzzReport?
    /// Whether fuzz findings fail the gate (`gate.fail_on_fuzz_crash`).
    public var fuzzFindingsFail = true

    public var passed: Bool { failures.isEmpty }

    public func count(_ severity: Severity) -> Int { newFindings.filter { $0.severity == severity }.count }

    /// Applies scope, suppressions, baseline and thresholds.
    public static func decide(selection: Selection, results: [FileResult], policy: Policy, baseline: Baseline?, fuzz: FuzzReport? = nil) -> GateDecision {
        var inScope: [Finding] = []
        var all: [Finding] = []
        var suppressed = 0, outOfScope = 0
        for result in results {
            for (index, finding) in result.findings.enumerated() {
                all.append(finding)
                if finding.suppressed {
                    suppressed += 1
                } else if result.inScope.contains(index) {
                    inScope.append(finding)
                } else {
                    outOfScope += 1
                }
            }
        }
        let (new, known) = (baseline ?? Baseline()).partition(inScope)
        let errors = results.compactMap(\.syntaxError)
        var failures: [String] = []
        for severity in Severity.allCases.reversed() {
            let count = new.filter { $0.severity == severity }.count
            if let limit = policy.gate.limit(for: severity), count > limit {
                failures.append("\(severity.rawValue): \(count) new finding\(count == 1 ? "" : "s"), at most \(limit) allowed")
            }
        }
        if !errors.isEmpty {
            failures.append("\(errors.count) file\(errors.count == 1 ? "" : "s") with a syntax error")
        }
        if let fuzz, policy.gate.failOnFuzzCrash, !fuzz.findings.isEmpty {
            failures.append("fuzzing: " + fuzzCounts(fuzz.findings))
        }
        var decision = GateDecision(selection: selection, results: results, newFindings: new, allFindings: all, suppressedCount: suppressed,
                                    baselinedCount: known.count, outOfScopeCount: outOfScope, syntaxErrors: errors, failures: failures)
        decision.gatedSeverities = Set(Severity.allCases.filter { policy.gate.limit(for: $0) != nil })
        decision.fuzz = fuzz
        decision.fuzzFindingsFail = policy.gate.failOnFuzzCrash
        return decision
    }

    /// "2 crashes, 1 security flaw"
    public static func fuzzCounts(_ findings: [FuzzFinding]) -> String {
        let names: [(FuzzFinding.Kind, String, String)] = [(.crash, "crash", "crashes"), (.hang, "hang", "hangs"), (.memory, "memory bug", "memory bugs"), (.security, "security flaw", "security flaws")]
        return names.compactMap { kind, one, many in
            let count = findings.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(count == 1 ? one : many)"
        }.joined(separator: ", ")
    }
}
