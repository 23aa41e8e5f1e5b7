import ArgumentParser
import Foundation
import Fuzzer
import LibGit
import Pipeline
import PolicyKit

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge Python changes against the policy: the pre-commit hook and the CI gate.",
        discussion: """
        With no selection, judges the staged changes (what the next commit will contain).
        Exit status 0 when the gate passes, 1 when new findings exceed the policy's thresholds.

        Examples:
          autosafecoder scan --staged
          autosafecoder scan --base origin/main --format json --output report.json
          autosafecoder scan src/ tools/deploy.py
        """
    )

    @OptionGroup var selection: ChangeSelection
    @OptionGroup var policyOptions: PolicyOptions

    @Option(help: ArgumentHelp("Report format: text, json, sarif, github or junit (default: the policy's output.format).", valueName: "format"))
    var format: Policy.Format?

    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Baseline of known findings (overrides gate.baseline).", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Write every current finding to this baseline file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    @Flag(inversion: .prefixedNo, help: "Fuzz the changed functions (default: on for --staged, --range and --base when fuzz.enabled; off for --all and paths).")
    var fuzz: Bool?

    @Option(help: ArgumentHelp("Fuzzing seconds per function (overrides the policy's budget).", valueName: "seconds"))
    var budget: Double?

    @Option(help: ArgumentHelp("Fuzzing sandbox: auto, bwrap or audit (overrides fuzz.sandbox).", valueName: "mode"))
    var sandbox: SandboxMode?

    func validate() throws { try Fuzz.validate(budget: budget) }

    func run() throws {
        let mode = selection.mode.selectionMode
        let repository = try openRepository(required: mode.usesGit)
        let root = repository?.workingDirectory ?? FileManager.default.currentDirectoryPath
        let (policy, source) = try PolicyLocator.load(explicitPath: policyOptions.policy, root: root)
        let policyName: String
        switch source {
        case .builtIn: policyName = "built-in defaults"
        case .file(let path): policyName = path
        }

        let chosen = try FileSelector.select(mode, analyzer: policy.analyzer, repository: repository)
        let results = ScanRunner(policy: policy).run(chosen.files)

        if let writeBaseline {
            let findings = results.flatMap(\.findings)
            try AtomicFile.write(String(decoding: Baseline(findings: findings).encoded(), as: UTF8.self) + "\n", to: writeBaseline)
            Terminal.standardError.writeLine("autosafecoder: wrote \(findings.filter { !$0.suppressed }.count) finding(s) to \(writeBaseline)")
            return
        }

        var known: Baseline?
        if let path = baseline ?? policy.gate.baseline {
            let resolved = path.hasPrefix("/") || baseline != nil ? path : (root as NSString).appendingPathComponent(path)
            known = try Baseline.load(path: resolved)
        }
        let fuzzReport = try runFuzzStage(mode: mode, selection: chosen, results: results, policy: policy, root: root)
        let decision = GateDecision.decide(selection: chosen, results: results, policy: policy, baseline: known, fuzz: fuzzReport)

        let report: String
        switch format ?? policy.output.format {
        case .text:
            report = TextReport.findings(decision, style: .init(color: output == nil && Terminal.standardOutput.usesColor))
        case .json:
            report = JSONReport.render(decision, toolVersion: AutoSafeCoder.version)
        case .sarif:
            report = SARIFReport.render(decision, toolVersion: AutoSafeCoder.version)
        case .github:
            report = GitHubReport.render(decision)
        case .junit:
            report = JUnitReport.render(decision)
        }
        if let output {
            try AtomicFile.write(report, to: output)
        } else {
            Terminal.standardOutput.write(report)
        }
        Terminal.standardError.write(TextReport.summary(decision, policySource: policyName, style: .init(color: Terminal.standardError.usesColor)))
        if !decision.passed { throw GateFailure() }
    }

    /// The fuzzing stage: the functions the change touched (all functions for whole files),
    /// in files that parsed, with the hook's budget for --staged and CI's otherwise.
    private func runFuzzStage(mode: SelectionMode, selection: Selection, results: [FileResult], policy: Policy, root: String) throws -> FuzzReport? {
        let wanted: Bool
        switch mode {
        case .staged, .range, .base: wanted = fuzz ?? policy.fuzz.enabled
        case .all, .paths: wanted = fuzz ?? false
        }
        guard wanted else { return nil }
        let parsed = Set(results.filter { $0.syntaxError == nil }.map(\.path))
        let files = selection.files.filter { parsed.contains($0.path) && $0.path.hasSuffix(".py") }
        let shadow = FileManager.default.temporaryDirectory.appendingPathComponent("autosafecoder-shadow-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: shadow) }
        let base = selection.repositoryRoot ?? root
        let requests = try FuzzStage.requests(for: files, root: base, shadow: shadow)
        guard !requests.isEmpty else { return FuzzReport() }
        let roots = Array(Set([base, shadow].map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }))
        let progress: (@Sendable (String) -> Void)? = isatty(STDERR_FILENO) == 1 ? Fuzz.showProgress : nil
        let options = FuzzStage.options(policy: policy, setting: mode == .staged ? .hook : .ci, budget: budget, seed: nil, sandbox: sandbox,
                                        roots: roots, progress: progress)
        let report: FuzzReport
        do {
            report = try FuzzCampaign(options: options).run(requests)
        } catch {
            guard error.pythonUnavailable else { throw error }
            // The static gate still judges the change; say plainly what did not run.
            let reason = error.description.hasPrefix("error: ") ? String(error.description.dropFirst(7)) : error.description
            Terminal.standardError.writeLine("autosafecoder: warning: fuzzing skipped: \(reason)")
            return nil
        }
        if progress != nil { Terminal.standardError.write("\r\u{1B}[K") }
        return report
    }

    /// Git modes open the repository the way a hook must (honouring `GIT_INDEX_FILE`); plain
    /// paths use it only to find the policy.
    private func openRepository(required: Bool) throws -> Repository? {
        do {
            return try Repository.openFromEnvironment()
        } catch {
            if let fallback = try? Repository.open(containing: FileManager.default.currentDirectoryPath) { return fallback }
            if required { throw error }
            return nil
        }
    }
}

extension Policy.Format: ExpressibleByArgument {}

extension ChangeSelection.Mode {
    var selectionMode: SelectionMode {
        switch self {
        case .staged: return .staged
        case .range(let from, let to): return .range(from: from, to: to)
        case .base(let ref): return .base(ref)
        case .all: return .all
        case .paths(let paths): return .paths(paths)
        }
    }
}
