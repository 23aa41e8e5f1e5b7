import Foundation
import Fuzzer
import PolicyKit
import PythonSyntax

/// The verdict on one file's patch, beyond "it parses and the findings are gone".
public struct PatchVerification: Sendable {
    public var accepted: Bool
    /// Why it was dropped.
    public var reason: String?
    /// How it was checked, one line each (for the commit message and the report).
    public var notes: [String]
}

/// Fuzzing checks of a patch: the functions it changed are fuzzed before and after with the
/// same seed (no new crash, hang or confirmed flaw may appear), and inputs on which the
/// original returned normally are replayed on both (the patched function must return an equal
/// value: behaviour is kept).
public struct PatchVerifier: Sendable {
    public let options: FuzzOptions
    /// The repository root: the real directory of a file goes on the worker's import path.
    public let root: String

    public init(policy: Policy, root: String, seed: UInt64 = 1) {
        var options = FuzzStage.options(policy: policy, setting: .hook, budget: min(2, policy.fuzz.ci.perFunctionSeconds), seed: seed,
                                        sandbox: nil, roots: [root])
        options.samplesPerTarget = 100
        self.options = options
        self.root = root
    }

    /// `exempt`: functions whose change alters results on purpose (no differential check).
    public func verify(path: String, original: [UInt8], patched: [UInt8], exempt: Set<String> = []) -> PatchVerification {
        guard let before = try? PythonSyntax.parse(original, filename: path), let after = try? PythonSyntax.parse(patched, filename: path) else {
            return PatchVerification(accepted: false, reason: "the patch does not parse", notes: [])
        }
        let changed = Self.changedFunctions(before: before, after: after)
        guard !changed.isEmpty else { return PatchVerification(accepted: true, reason: nil, notes: ["no function body changed: nothing to fuzz"]) }

        return withWorkspace { workspace, campaign in
            compare(path: path, original: original, patched: patched, changed: changed, exempt: exempt, workspace: workspace, campaign: campaign)
        }
    }

    private func compare(path: String, original: [UInt8], patched: [UInt8], changed: Set<String>, exempt: Set<String>,
                         workspace: String, campaign: FuzzCampaign) -> PatchVerification {
        let names = changed.sorted().joined(separator: ", ")
        let beforeRun: FuzzReport, afterRun: FuzzReport
        let beforeRequest: FuzzRequest, afterRequest: FuzzRequest
        do {
            beforeRequest = try privateCopy(path: path, bytes: original, in: workspace + "/before", functions: changed)
            afterRequest = try privateCopy(path: path, bytes: patched, in: workspace + "/after", functions: changed)
            beforeRun = try campaign.run([beforeRequest])
            afterRun = try campaign.run([afterRequest])
        } catch {
            return PatchVerification(accepted: true, reason: nil, notes: ["fuzz checks skipped: \(error)"])
        }
        if let skipped = afterRun.targets.first(where: { $0.status == .skipped }) ?? beforeRun.targets.first(where: { $0.status == .skipped }) {
            return PatchVerification(accepted: true, reason: nil, notes: ["fuzz checks skipped for \(skipped.function): \(skipped.reason ?? "")"])
        }

        // No new crash, hang, memory bug or confirmed flaw (lines move with a patch: compare by
        // function, kind and exception type).
        func key(_ finding: FuzzFinding) -> String { "\(finding.function)|\(finding.kind.rawValue)|\(finding.exception ?? "")|\(finding.cwe ?? 0)" }
        let known = Set(beforeRun.findings.map(key))
        for new in afterRun.findings where !known.contains(key(new)) {
            // A crash is new only if the original handled that very input; failing differently
            // where the original failed too (TypeError before, a parser's error after) is not.
            if new.kind != .security, let original = try? campaign.replay(beforeRequest, function: new.function, inputs: [new.input]).first {
                if case .returned = original {} else { continue }
            }
            return PatchVerification(accepted: false, reason: "fuzzing the patched \(new.function) finds what the original did not: \(new.summary)", notes: [])
        }
        let runs = afterRun.targets.reduce(0) { $0 + $1.executions }
        var notes = ["fuzzed \(names) before and after (\(runs) runs after, seed \(options.seed)): no new crash, hang or injection"]
        let remaining = Set(afterRun.findings.map(key))
        let fixedCount = beforeRun.findings.filter { !remaining.contains(key($0)) }.count
        if fixedCount > 0 { notes.append("fuzzing findings gone after the patch: \(fixedCount)") }

        // Differential: the same inputs, the same results.
        var compared = 0
        for function in changed.sorted() {
            let samples = beforeRun.samples[function] ?? []
            if exempt.contains(function) {
                notes.append("differential check not applied to \(function): the fix changes its results on purpose")
                continue
            }
            guard !samples.isEmpty else { continue }
            let old: [ReplayOutcome], again: [ReplayOutcome], new: [ReplayOutcome]
            do {
                old = try campaign.replay(beforeRequest, function: function, inputs: samples)
                again = try campaign.replay(beforeRequest, function: function, inputs: samples)
                new = try campaign.replay(afterRequest, function: function, inputs: samples)
            } catch {
                notes.append("differential check of \(function) skipped: \(error)")
                continue
            }
            for (index, (a, b)) in zip(old, new).enumerated() {
                // Only what the original does the same way twice (not random or time-dependent).
                guard case .returned(let value) = a, index < again.count, again[index] == a else { continue }
                compared += 1
                if a != b {
                    let call = PythonLiteral.call(function, samples[index])
                    let after: String
                    switch b {
                    case .returned(let other): after = "returns \(other.prefix(120))"
                    case .raised(let type): after = "raises \(type)"
                    case .other(let what): after = what
                    }
                    return PatchVerification(accepted: false, reason: "behaviour changed: \(call.prefix(160)) returned \(value.prefix(120)) before the patch, and \(after) after it", notes: notes)
                }
            }
        }
        if compared > 0 { notes.append("differential check: \(compared) fuzz inputs on which the original returned give equal results after the patch") }
        return PatchVerification(accepted: true, reason: nil, notes: notes)
    }

    /// Fuzzes the functions of `source` named in `functions` (the fuzz round of the fix loop).
    public func fuzz(path: String, source: [UInt8], functions: Set<String>) -> FuzzReport? {
        withWorkspace { workspace, campaign in
            guard let request = try? privateCopy(path: path, bytes: source, in: workspace, functions: functions) else { return nil }
            return try? campaign.run([request])
        }
    }

    /// Runs each crash's input on `candidate`; the reason it still fails, or nil.
    public func stillFails(path: String, candidate: [UInt8], crashes: [FuzzFinding]) -> String? {
        withWorkspace { workspace, campaign in
            guard let request = try? privateCopy(path: path, bytes: candidate, in: workspace, functions: Set(crashes.map(\.function))) else {
                return "the patched file cannot be written for a re-run"
            }
            return stillFails(request, crashes: crashes, campaign: campaign)
        }
    }

    private func stillFails(_ request: FuzzRequest, crashes: [FuzzFinding], campaign: FuzzCampaign) -> String? {
        for crash in crashes {
            let outcome: [ReplayOutcome]
            do { outcome = try campaign.replay(request, function: crash.function, inputs: [crash.input]) } catch {
                return "the patched module does not run: \(error)"
            }
            switch outcome.first {
            case .returned?: continue
            case .raised(let type)?:
                if let exception = crash.exception, type == exception {
                    return "\(crash.call) still raises \(type)"
                }
                if ["ValueError", "TypeError"].contains(type.split(separator: ".").last.map(String.init) ?? type) { continue }
                return "\(crash.call) now raises \(type)"
            case .other(let what)?: return "\(crash.call): \(what)"
            case nil: return "\(crash.call) did not run"
            }
        }
        return nil
    }

    /// A private directory for copies of the file (removed afterwards) and a campaign whose
    /// coverage counts lines there and in the repository.
    private func withWorkspace<T>(_ body: (String, FuzzCampaign) -> T) -> T {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("autosafecoder-verify-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        var options = self.options
        options.roots = [workspace, root]
        return body(workspace, FuzzCampaign(options: options))
    }

    /// `path` (relative to the repository) written under `workspace`; the real directory stays
    /// on the import path so the module's own imports resolve.
    private func privateCopy(path: String, bytes: [UInt8], in workspace: String, functions: Set<String>) throws -> FuzzRequest {
        let copy = (workspace as NSString).appendingPathComponent(path)
        try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: copy))
        var request = FuzzRequest(displayPath: path, path: copy, source: bytes, functions: functions)
        request.searchPath = [((root as NSString).appendingPathComponent(path) as NSString).deletingLastPathComponent]
        return request
    }

    /// Fuzz targets whose source text differs between the two versions (or that are new).
    static func changedFunctions(before: ParsedModule, after: ParsedModule) -> Set<String> {
        func bodies(_ parsed: ParsedModule) -> [String: ArraySlice<UInt8>] {
            let map = parsed.sourceMap
            var out: [String: ArraySlice<UInt8>] = [:]
            for target in TargetDiscovery.targets(in: parsed) {
                guard let start = map.byteOffset(line: target.line, column: 0),
                      let end = map.byteOffset(line: target.endLine + 1, column: 0) ?? Optional(parsed.source.count) else { continue }
                out[target.name] = parsed.source[start..<min(end, parsed.source.count)]
            }
            return out
        }
        let old = bodies(before), new = bodies(after)
        return Set(new.filter { old[$0.key] != $0.value }.map(\.key))
    }
}
