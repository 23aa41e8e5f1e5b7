import Analyzer
import Diagnostics
import PythonSyntax

/// The outcome of fixing one file.
public struct FileFix: Sendable {
    public var path: String
    /// The fixed source, or nil when nothing was changed.
    public var fixed: [UInt8]?
    /// Findings repaired, as they were reported on the original source.
    public var repaired: [Finding]
    /// Findings left for a person, each with its hint.
    public var hints: [Finding]
    /// Fixes that were tried and dropped, with the reason.
    public var rejected: [String]
    /// How the kept patch was verified beyond the static checks, one line each.
    public var verification: [String] = []
    /// Which agent wrote the patch ("built-in agent", "openai gpt-4o", …).
    public var agents: [String] = []
    /// Crashes the fuzz rounds fixed: "parse_header('') raised IndexError".
    public var crashesFixed: [String] = []
    /// The file after each repaired finding, in order (the built-in agent fixes one at a
    /// time), for one commit per finding; empty when a patch cannot be split.
    public var steps: [(finding: Finding, content: [UInt8])] = []

    public init(path: String, fixed: [UInt8]?, repaired: [Finding], hints: [Finding], rejected: [String]) {
        self.path = path
        self.fixed = fixed
        self.repaired = repaired
        self.hints = hints
        self.rejected = rejected
    }
}

/// The built-in coding agent: offline and deterministic. It applies the mechanical fixes,
/// one finding at a time, and keeps an edit only when the file still parses, the finding is
/// gone and no other finding appeared. Up to `maxRounds` rounds, as the paper's loop.
public struct BuiltinAgent: Sendable {
    public let engine: AnalysisEngine
    public let maxRounds: Int

    public init(engine: AnalysisEngine, maxRounds: Int) {
        self.engine = engine
        self.maxRounds = maxRounds
    }

    /// Fixes the findings of `path` whose fingerprints are in `targets` (nil: every finding).
    public func fix(path: String, source: [UInt8], targets: Set<String>?) -> FileFix {
        guard let original = try? PythonSyntax.parse(source, filename: path) else {
            return FileFix(path: path, fixed: nil, repaired: [], hints: [], rejected: ["\(path): does not parse; nothing fixed"])
        }
        // Findings to fix, by rule and line of the original source. Edits keep line counts,
        // except added imports, whose insertions are tracked to map lines back and forth.
        // Only findings that matter to the gate (medium and above), and fixes that are right at
        // any severity (a secret out of the code): a low-severity finding is a reminder, and
        // rewriting code for it risks behaviour for little gain (`eval` of an arithmetic
        // expression is no `ast.literal_eval`).
        let wanted = engine.analyze(original, file: path).filter { finding in
            let important = finding.severity >= .medium || (BuiltinFixes.fix(for: finding.code)?.fixesLowSeverity ?? false)
            return !finding.suppressed && important && (targets?.contains(finding.fingerprint) ?? true)
        }
        var pending = wanted
        var insertions: [(line: Int, count: Int)] = []
        func currentLine(_ line: Int) -> Int { line + insertions.filter { $0.line < line + 1 }.reduce(0) { $0 + $1.count } }
        var current = source
        var repaired: [Finding] = []
        var rejected: [String] = []
        var steps: [(finding: Finding, content: [UInt8])] = []
        for _ in 0..<max(1, maxRounds) {
            var progressed = false
            for finding in pending {
                guard BuiltinFixes.fix(for: finding.code) != nil,
                      let parsed = try? PythonSyntax.parse(current, filename: path) else { continue }
                let line = currentLine(finding.line)
                // The first fix for this rule that has a plan for this finding.
                guard let present = engine.analyze(parsed, file: path).first(where: { $0.code == finding.code && $0.line == line && !$0.suppressed }),
                      let plan = BuiltinFixes.all.lazy.filter({ $0.codes.contains(finding.code) })
                          .compactMap({ $0.plan(for: present, in: FixContext(parsed: parsed)) }).first else { continue }
                let edited = SourceEdit.apply(plan.edits, to: parsed.source)
                let (candidate, inserted) = Self.addImports(plan.imports, to: edited, context: FixContext(parsed: parsed))
                switch verify(candidate, replacing: parsed, fixed: present, path: path) {
                case .success:
                    current = candidate
                    if let inserted { insertions.append(inserted) }
                    repaired.append(finding)
                    steps.append((finding, candidate))
                    pending.removeAll { $0 == finding }
                    progressed = true
                case .failure(let reason):
                    rejected.append("\(path):\(finding.line) \(finding.code): \(plan.description) rejected: \(reason)")
                    pending.removeAll { $0 == finding }
                }
            }
            if !progressed { break }
        }
        let hints = wanted.filter { finding in !repaired.contains(finding) }
        var outcome = FileFix(path: path, fixed: current == source ? nil : current, repaired: repaired, hints: hints, rejected: rejected)
        outcome.steps = steps
        return outcome
    }

    /// Whether the built-in fix for this rule changes results on purpose (no differential check).
    public static func changesResults(code: String) -> Bool { BuiltinFixes.fix(for: code)?.changesResults ?? false }

    private func key(_ finding: Finding) -> String { "\(finding.code):\(finding.fingerprint)" }

    enum Verdict { case success, failure(String) }

    /// The candidate must parse, lose the fixed finding, and gain no finding of medium severity
    /// or above (low-severity reminders such as "subprocess imported" are what a fix may bring).
    func verify(_ candidate: [UInt8], replacing original: ParsedModule, fixed: Finding, path: String) -> Verdict {
        let parsed: ParsedModule
        do {
            parsed = try PythonSyntax.parse(candidate, filename: path)
        } catch {
            return .failure("the result does not parse (\(error.message) at line \(error.line))")
        }
        func counts(_ findings: [Finding], minimum: Severity) -> [String: Int] {
            findings.filter { !$0.suppressed && $0.severity >= minimum }.reduce(into: [:]) { $0[$1.code, default: 0] += 1 }
        }
        let beforeFindings = engine.analyze(original, file: path)
        let afterFindings = engine.analyze(parsed, file: path)
        let before = counts(beforeFindings, minimum: .medium), after = counts(afterFindings, minimum: .medium)
        for (code, count) in after where count > before[code, default: 0] && code != fixed.code {
            return .failure("it introduces \(code)")
        }
        let fixedBefore = counts(beforeFindings, minimum: .low)[fixed.code, default: 0]
        guard counts(afterFindings, minimum: .low)[fixed.code, default: 0] < fixedBefore else { return .failure("the finding remains") }
        return .success
    }

    /// Adds `import X` lines the edits need, after the module's last top-level import.
    static func addImports(_ modules: [String], to source: [UInt8], context: FixContext) -> ([UInt8], (line: Int, count: Int)?) {
        let missing = modules.filter { context.imports.binding(of: $0) != $0 }
        guard !missing.isEmpty else { return (source, nil) }
        let body = context.parsed.module.body
        // After the docstring and the leading block of imports.
        var line = 0
        for (index, statement) in body.enumerated() {
            switch statement.kind {
            case .import, .importFrom:
                line = statement.loc.endLineno
                continue
            case .expr(let value) where index == 0 && value.stringConstant != nil:
                line = statement.loc.endLineno
                continue
            default:
                break
            }
            break
        }
        var offset = 0
        var seen = 0
        while seen < line, offset < source.count {
            if source[offset] == 10 { seen += 1 }
            offset += 1
        }
        var text = missing.map { "import \($0)\n" }.joined()
        if offset == source.count, let last = source.last, last != 10 { text = "\n" + text }
        return (Array(source[..<offset]) + Array(text.utf8) + Array(source[offset...]), (line, missing.count))
    }
}
