import Analyzer
import Dispatch
import Diagnostics
import Foundation
import PolicyKit
import PythonSyntax

/// The outcome for one file: its findings (each marked in or out of the change's scope) or
/// the syntax error that stopped it.
public struct FileResult: Sendable {
    public var path: String
    public var findings: [Finding] = []
    /// Fingerprints of findings in scope (new by the policy's scope rule).
    public var inScope: Set<Int> = []
    public var syntaxError: SyntaxError?
}

/// Parses and analyzes the selected files in parallel on all cores.
public struct ScanRunner: Sendable {
    public let engine: AnalysisEngine
    public let scope: Policy.Scope

    public init(policy: Policy) {
        let analyzer = policy.analyzer
        engine = AnalysisEngine(configuration: AnalyzerConfiguration(
            minSeverity: analyzer.minSeverity, minConfidence: analyzer.minConfidence, enable: analyzer.enable, disable: analyzer.disable))
        scope = policy.gate.scope
    }

    public func run(_ files: [SourceFile]) -> [FileResult] {
        // Largest files first: a large one started last would leave the other cores idle.
        let order = files.indices.sorted { (files[$0].bytes.count, $1) > (files[$1].bytes.count, $0) }
        return concurrentMap(files, order: order) { analyze($0) }
    }

    public func analyze(_ file: SourceFile) -> FileResult {
        var result = FileResult(path: file.path)
        let parsed: ParsedModule
        do {
            parsed = try PythonSyntax.parse(file.bytes, filename: file.path)
        } catch {
            result.syntaxError = error
            return result
        }
        result.findings = engine.analyze(parsed, file: file.path)
        for (index, finding) in result.findings.enumerated() where isInScope(finding, file: file, parsed: parsed) {
            result.inScope.insert(index)
        }
        return result
    }

    /// The policy's scope rule: which findings count as new for this change.
    func isInScope(_ finding: Finding, file: SourceFile, parsed: ParsedModule) -> Bool {
        guard file.addedLines != nil else { return true }
        switch scope {
        case .all, .changedFiles:
            return true
        case .changedLines:
            return finding.lines.contains { file.isAdded(line: $0) }
        case .changedFunctions:
            if finding.lines.contains(where: { file.isAdded(line: $0) }) { return true }
            guard let enclosing = parsed.enclosingScope(startLine: finding.line, endLine: finding.endLine) else { return false }
            return (enclosing.loc.lineno...enclosing.loc.endLineno).contains { file.isAdded(line: $0) }
        }
    }
}
