import Analyzer
import CodingAgent
import Diagnostics
import Foundation
import Fuzzer
import LibGit
import PolicyKit
import PythonSyntax

/// What `fix` did: the side branch it wrote (if any) and each file's outcome.
public struct FixReport: Sendable {
    public var branch: String?
    public var commit: String?
    /// The commit the fixes sit on (for `--staged`, a commit of the index).
    public var base: String
    public var files: [FileFix]
    /// The branch already held exactly these fixes.
    public var unchanged: Bool
    public var howToApply: String
    /// What the policy's verify_command said, when there is one.
    public var verifyCommandNote: String? = nil
}

/// The fix loop over a selection: scan, fix what is new with the built-in agent, verify, and
/// commit the result on a side branch built in memory. The working tree, the index, HEAD and
/// the current branch are never touched.
public enum FixRunner {
    public static func run(_ mode: SelectionMode, policy: Policy, repository: Repository) throws -> FixReport {
        let selection = try FileSelector.select(mode, analyzer: policy.analyzer, repository: repository)
        let runner = ScanRunner(policy: policy)
        let agent = BuiltinAgent(engine: runner.engine, maxRounds: policy.fix.maxStaticRounds)
        let root = selection.repositoryRoot ?? repository.workingDirectory ?? FileManager.default.currentDirectoryPath
        let verifier = PatchVerifier(policy: policy, root: root)
        let llm = try AgentFactory.llmAgent(policy: policy, engine: runner.engine)
        var outcomes: [FileFix] = []
        for (file, result) in zip(selection.files, runner.run(selection.files)) {
            let targets = Set(result.inScope.map { result.findings[$0] }.filter { !$0.suppressed }.map(\.fingerprint))
            // With an LLM agent, crashes in the changed functions are worth a round even
            // without static findings.
            guard !targets.isEmpty || llm != nil else { continue }
            var outcome = agent.fix(path: file.path, source: file.bytes, targets: targets)
            if outcome.fixed != nil { outcome.agents.append("built-in agent") }
            if let llm {
                outcome = staticRound(outcome, file: file, llm: llm, engine: runner.engine)
                outcome = fuzzRounds(outcome, file: file, llm: llm, verifier: verifier, rounds: policy.fix.maxFuzzRounds)
            }
            guard outcome.fixed != nil || !outcome.hints.isEmpty || !outcome.rejected.isEmpty else { continue }
            outcome = check(outcome, original: file.bytes, with: verifier)
            outcomes.append(outcome)
        }

        let head = try repository.isHeadUnborn() ? nil : try repository.resolveCommit("HEAD")
        let scanned: String
        let apply: (String, Int) -> String
        switch mode {
        case .staged:
            guard let head else { throw SelectionError(message: "fix --staged needs a first commit to build the fix branch on") }
            scanned = head
            apply = { "git diff \($0)~\($1) \($0) | git apply --index    # apply the fixes to your staged changes" }
        case .range(_, let to):
            scanned = try repository.resolveCommit(to)
            apply = { branch, _ in "git merge \(branch)" }
        case .base, .all:
            guard let head else { throw SelectionError(message: "no commit to fix") }
            scanned = head
            apply = { branch, _ in "git merge \(branch)" }
        case .paths:
            throw SelectionError(message: "fix works on git selections: --staged, --range, --base or --all")
        }

        var changed = outcomes.filter { $0.fixed != nil }
        guard !changed.isEmpty else {
            return FixReport(branch: nil, commit: nil, base: scanned, files: outcomes, unchanged: false, howToApply: "")
        }
        let base = mode == .staged ? try repository.commitOfIndex(message: "autosafecoder: the staged changes, as scanned") : scanned

        // The policy's verify_command, in a temporary checkout: first of the base (a command that
        // already fails there cannot judge a patch), then of the base plus each file's patch.
        var verifyNote: String?
        if !policy.fix.verifyCommand.isEmpty {
            let command = VerifyCommand(command: policy.fix.verifyCommand)
            let before = try command.run(on: base, in: repository)
            if !before.passed {
                verifyNote = "verify_command `\(policy.fix.verifyCommand)` already fails without the fixes, so it was not used as a check:\n\(before.tail)"
            } else {
                for (index, outcome) in outcomes.enumerated() {
                    guard let fixed = outcome.fixed else { continue }
                    let candidate = try repository.commit(updating: [Repository.FileUpdate(path: outcome.path, content: fixed)], onto: base,
                                                          message: "autosafecoder: candidate fix of \(outcome.path)")
                    let result = try command.run(on: candidate, in: repository)
                    if result.passed {
                        outcomes[index].verification.append("verify_command `\(policy.fix.verifyCommand)` passed in a checkout of the fix")
                    } else {
                        outcomes[index] = drop(outcome, reason: "verify_command `\(policy.fix.verifyCommand)` fails with this patch: \(result.tail)")
                    }
                }
                verifyNote = "verify_command `\(policy.fix.verifyCommand)` passed before the fixes"
            }
            changed = outcomes.filter { $0.fixed != nil }
            guard !changed.isEmpty else {
                return FixReport(branch: nil, commit: nil, base: scanned, files: outcomes, unchanged: false, howToApply: "", verifyCommandNote: verifyNote)
            }
        }
        // One commit per file (or per finding, where the built-in agent's steps allow), chained
        // on the base; the branch points at the last.
        var commit = base
        var commits = 0
        for outcome in changed {
            guard let fixed = outcome.fixed else { continue }
            let stepsMatch = outcome.steps.last.map { $0.content == fixed } ?? false
            if policy.fix.commitPer == .finding, stepsMatch, outcome.crashesFixed.isEmpty, outcome.agents == ["built-in agent"] {
                for (index, step) in outcome.steps.enumerated() {
                    var single = outcome
                    single.repaired = [step.finding]
                    single.hints = index == outcome.steps.count - 1 ? outcome.hints : []
                    commit = try repository.commit(updating: [Repository.FileUpdate(path: outcome.path, content: step.content)], onto: commit,
                                                   message: message(for: [single], verifyNote: verifyNote))
                    commits += 1
                }
            } else {
                commit = try repository.commit(updating: [Repository.FileUpdate(path: outcome.path, content: fixed)], onto: commit,
                                               message: message(for: [outcome], verifyNote: verifyNote))
                commits += 1
            }
        }
        let branch = policy.fix.branch.replacingOccurrences(of: "{short_sha}", with: String(scanned.prefix(12)))

        // Idempotent: a branch that already holds these fixes on the same content stays as it is.
        if let tip = repository.branchTip(branch), try repository.treeID(of: tip) == repository.treeID(of: commit),
           let tipBase = try? repository.resolveCommit("\(tip)~\(commits)"), try repository.treeID(of: tipBase) == repository.treeID(of: base) {
            return FixReport(branch: branch, commit: tip, base: base, files: outcomes, unchanged: true, howToApply: apply(branch, commits), verifyCommandNote: verifyNote)
        }
        try repository.setBranch(branch, to: commit, logMessage: "autosafecoder fix")
        return FixReport(branch: branch, commit: commit, base: base, files: outcomes, unchanged: false, howToApply: apply(branch, commits), verifyCommandNote: verifyNote)
    }

    /// The LLM agent takes what the built-in agent left (findings without a mechanical fix).
    static func staticRound(_ outcome: FileFix, file: SourceFile, llm: LLMAgent, engine: AnalysisEngine) -> FileFix {
        guard !outcome.hints.isEmpty else { return outcome }
        let current = outcome.fixed ?? file.bytes
        guard let parsed = try? PythonSyntax.parse(current, filename: file.path) else { return outcome }
        let wanted = Set(outcome.hints.map { "\($0.code)|\($0.scope ?? "")" })
        let targets = engine.analyze(parsed, file: file.path).filter { !$0.suppressed && wanted.contains("\($0.code)|\($0.scope ?? "")") }
        let result = llm.fixFindings(path: file.path, source: current, targets: targets)
        var merged = outcome
        merged.rejected += result.rejected
        guard let fixed = result.fixed else { return merged }
        merged.fixed = fixed
        merged.repaired += result.repaired
        let left = Set(result.hints.map { "\($0.code)|\($0.scope ?? "")" })
        merged.hints = outcome.hints.filter { left.contains("\($0.code)|\($0.scope ?? "")") }
        merged.agents += result.agents
        return merged
    }

    /// The paper's fuzzing loop: fuzz the functions the change touched, hand the crashes to the
    /// LLM agent, keep a patch only when the crashing inputs now pass, and fuzz again with a
    /// fresh budget, up to `rounds` times.
    static func fuzzRounds(_ outcome: FileFix, file: SourceFile, llm: LLMAgent, verifier: PatchVerifier, rounds: Int) -> FileFix {
        var result = outcome
        let functions: Set<String>
        if let changed = FuzzStage.changedTargets(file) { functions = changed } else {
            functions = Set(((try? PythonSyntax.parse(file.bytes, filename: file.path)).map { TargetDiscovery.targets(in: $0) } ?? []).map(\.name))
        }
        guard !functions.isEmpty else { return result }
        for round in 0..<rounds {
            let current = result.fixed ?? file.bytes
            guard let report = verifier.fuzz(path: file.path, source: current, functions: functions) else { break }
            let crashes = report.findings.filter { $0.kind != .security }
            guard !crashes.isEmpty else { break }
            let described = crashes.map { crash in
                CrashReport(function: crash.function, call: crash.call,
                            outcome: crash.exception.map { "raises \($0): \(crash.message)" } ?? crash.message,
                            traceback: crash.frames.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line) in \($0.function)" })
            }
            let (fixed, notes) = llm.fixCrashes(path: file.path, source: current, crashes: described) { candidate in
                verifier.stillFails(path: file.path, candidate: candidate, crashes: crashes)
            }
            result.rejected += notes.map { "\(file.path): fuzz round \(round + 1): \($0)" }
            guard let fixed else { break }
            result.fixed = fixed
            result.crashesFixed += crashes.map { "\($0.call) \($0.exception.map { "raised \($0)" } ?? $0.kind.rawValue)" }
            result.verification.append("fuzz round \(round + 1): the \(crashes.count) crashing input\(crashes.count == 1 ? "" : "s") re-run on the patch and pass")
            if !result.agents.contains(llm.name) { result.agents.append(llm.name) }
        }
        return result
    }

    /// The fuzzing checks of a patch; a patch that fails them is dropped, its findings go back
    /// to the hints.
    static func check(_ outcome: FileFix, original: [UInt8], with verifier: PatchVerifier) -> FileFix {
        guard let fixed = outcome.fixed else { return outcome }
        let exempt = Set(outcome.repaired.filter { BuiltinAgent.changesResults(code: $0.code) }.compactMap(\.scope))
        let verdict = verifier.verify(path: outcome.path, original: original, patched: fixed, exempt: exempt)
        guard verdict.accepted else { return drop(outcome, reason: verdict.reason ?? "verification failed") }
        var kept = outcome
        kept.verification += verdict.notes
        return kept
    }

    static func drop(_ outcome: FileFix, reason: String) -> FileFix {
        var dropped = outcome
        dropped.fixed = nil
        dropped.rejected.append("\(outcome.path): patch dropped: \(reason)")
        dropped.hints = outcome.hints + outcome.repaired
        dropped.repaired = []
        dropped.verification = []
        return dropped
    }

    /// Names every finding fixed and how the patch was verified.
    static func message(for outcomes: [FileFix], verifyNote: String? = nil) -> String {
        let repaired = outcomes.filter { $0.fixed != nil }.flatMap(\.repaired)
        let agents = Set(outcomes.flatMap(\.agents)).sorted()
        let crashes = outcomes.filter { $0.fixed != nil }.flatMap(\.crashesFixed).count
        var what = "\(repaired.count) finding\(repaired.count == 1 ? "" : "s")"
        if crashes > 0 { what = (repaired.isEmpty ? "" : what + " and ") + "\(crashes) crash\(crashes == 1 ? "" : "es")" }
        var text = "autosafecoder: fix \(what) (\(agents.isEmpty ? "built-in agent" : agents.joined(separator: ", ")))\n\n"
        for finding in repaired {
            text += "- \(finding.code) (\(finding.cweID)) \(finding.file):\(finding.line) \(finding.message)\n"
        }
        for outcome in outcomes where outcome.fixed != nil {
            for crash in outcome.crashesFixed { text += "- crash found by fuzzing, \(outcome.path): \(crash)\n" }
        }
        text += "\nVerified: after each edit the file parses again, the finding is gone, and no new finding of any rule appeared.\n"
        for outcome in outcomes where outcome.fixed != nil && !outcome.verification.isEmpty {
            text += "\(outcome.path):\n" + outcome.verification.map { "- \($0)\n" }.joined()
        }
        if let verifyNote { text += verifyNote + "\n" }
        let hints = outcomes.flatMap(\.hints)
        if !hints.isEmpty {
            text += "\nLeft for a person (no safe mechanical fix):\n"
            for finding in hints { text += "- \(finding.code) (\(finding.cweID)) \(finding.file):\(finding.line) \(finding.fixHint ?? finding.message)\n" }
        }
        return text
    }
}
