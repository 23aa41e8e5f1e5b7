import Foundation
import Fuzzer
import PolicyKit
import PythonSyntax

/// The fuzzing stage of `scan` and the `fuzz` command: options from the policy, targets from
/// the change, regression tests on request.
public enum FuzzStage {
    public enum Setting: Sendable { case hook, ci }

    /// Fuzz options from the policy; `budget` (seconds per function) overrides the policy's.
    public static func options(policy: Policy, setting: Setting, budget: Double?, seed: UInt64?, sandbox: SandboxMode?, roots: [String], python: String = "python3",
                               progress: (@Sendable (String) -> Void)? = nil) -> FuzzOptions {
        var options = baseOptions(policy: policy, setting: setting, budget: budget, seed: seed, sandbox: sandbox, roots: roots, python: python, progress: progress)
        // The LLM tester agent proposes seeds in CI and for `fuzz`, not in the hook (a network
        // round trip per function is more than a commit should wait).
        if setting == .ci, policy.fix.agent != .builtin, let agent = try? AgentFactory.llmAgent(policy: policy, engine: ScanRunner(policy: policy).engine) {
            options.seedProposer = { source, function in agent.proposeSeeds(functionSource: source, function: function) }
        }
        return options
    }

    static func baseOptions(policy: Policy, setting: Setting, budget: Double?, seed: UInt64?, sandbox: SandboxMode?, roots: [String], python: String,
                            progress: (@Sendable (String) -> Void)?) -> FuzzOptions {
        let fuzz = policy.fuzz
        let policyBudget = setting == .hook ? fuzz.hook : fuzz.ci
        let perFunction = budget ?? policyBudget.perFunctionSeconds
        // --budget is per function; the total then grows with it so every target gets its share.
        let total = budget.map { max(policyBudget.totalSeconds, $0 * 1000) } ?? policyBudget.totalSeconds
        return FuzzOptions(
            perFunctionSeconds: perFunction, totalSeconds: total, maxExecutions: fuzz.maxExecutions,
            expectedExceptions: fuzz.expectedExceptions, sandbox: sandbox ?? SandboxMode(rawValue: fuzz.sandbox.rawValue) ?? .auto,
            memoryLimitMB: fuzz.memoryLimitMB, callTimeout: Double(fuzz.callTimeoutMS) / 1000, seed: seed ?? defaultSeed(),
            python: python, roots: roots, progress: progress)
    }

    /// Without `--seed` a run still has one (reported, so it can be repeated).
    static func defaultSeed() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000 }

    /// Targets of a scanned file whose body the change touched (all of them for whole files).
    public static func changedTargets(_ file: SourceFile) -> Set<String>? {
        guard let added = file.addedLines else { return nil }
        guard let parsed = try? PythonSyntax.parse(file.bytes, filename: file.path) else { return [] }
        return Set(TargetDiscovery.targets(in: parsed).filter { target in
            added.contains { $0.overlaps(target.line...target.endLine) }
        }.map(\.name))
    }

    /// Requests for the scanned files. A file whose scanned content differs from the working
    /// tree (a partially staged file, another commit) is written to a private copy beside
    /// nothing of the user's: the worker imports that copy, with the real directory on its path.
    public static func requests(for files: [SourceFile], root: String, shadow: String) throws -> [FuzzRequest] {
        var out: [FuzzRequest] = []
        for file in files {
            let functions = changedTargets(file)
            if let functions, functions.isEmpty { continue }
            let onDisk = (root as NSString).appendingPathComponent(file.path)
            var path = onDisk
            if FileManager.default.contents(atPath: onDisk).map({ [UInt8]($0) }) != file.bytes {
                let copy = (shadow as NSString).appendingPathComponent(file.path)
                try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.bytes).write(to: URL(fileURLWithPath: copy))
                path = copy
            }
            var request = FuzzRequest(displayPath: file.path, path: path, source: file.bytes, functions: functions)
            if path != onDisk { request.searchPath = [(onDisk as NSString).deletingLastPathComponent] }
            out.append(request)
        }
        return out
    }

    /// Writes one pytest file per finding into `directory`; returns the paths written.
    public static func writeRegressionTests(_ report: FuzzReport, requests: [FuzzRequest], directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        let marker = Payloads(seed: report.seed).marker
        for (index, finding) in report.findings.enumerated() {
            guard let request = requests.first(where: { $0.displayPath == finding.file }) else { continue }
            let name = "test_autosafecoder_\(finding.function.replacingOccurrences(of: ".", with: "_"))_\(finding.kind.rawValue)_\(index + 1).py"
            let path = (directory as NSString).appendingPathComponent(name)
            try AtomicFile.write(Reproducer.regressionTest(finding, modulePath: request.path, index: index + 1, marker: marker), to: path)
            written.append(path)
        }
        return written
    }
}
