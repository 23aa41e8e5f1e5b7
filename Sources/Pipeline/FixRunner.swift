import Analyzer
import CodingAgent
import Diagnostics
import Foundation
import LibGit
import PolicyKit

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
    /// `verify: false` leaves out the fuzzing checks (for tests of the branch mechanics).
    public static func run(_ mode: SelectionMode, policy: Policy, repository: Repository, verify: Bool = true) throws -> FixReport {
        guard policy.fix.agent == .builtin else {
            throw SelectionError(message: "the \(policy.fix.agent.rawValue) agent is not available in this version yet; set fix.agent: builtin")
        }
        let selection = try FileSelector.select(mode, analyzer: policy.analyzer, repository: repository)
        let runner = ScanRunner(policy: policy)
        let agent = BuiltinAgent(engine: runner.engine, maxRounds: policy.fix.maxStaticRounds)
        let root = selection.repositoryRoot ?? repository.workingDirectory ?? FileManager.default.currentDirectoryPath
        let verifier = verify ? PatchVerifier(policy: policy, root: root) : nil
        var outcomes: [FileFix] = []
        for (file, result) in zip(selection.files, runner.run(selection.files)) {
            let targets = Set(result.inScope.map { result.findings[$0] }.filter { !$0.suppressed }.map(\.fingerprint))
            guard !targets.isEmpty else { continue }
            var outcome = agent.fix(path: file.path, source: file.bytes, targets: targets)
            if outcome.fixed != nil { outcome.agents.append("built-in agent") }
            if let verifier { outcome = check(outcome, original: file.bytes, with: verifier) }
            outcomes.append(outcome)
        }

        let head = try repository.isHeadUnborn() ? nil : try repository.resolveCommit("HEAD")
        let scanned: String
        let naming: String
        let apply: (String) -> String
        switch mode {
        case .staged:
            guard let head else { throw SelectionError(message: "fix --staged needs a first commit to build the fix branch on") }
            scanned = head
            naming = head
            apply = { "git diff \($0)~1 \($0) | git apply --index    # apply the fixes to your staged changes" }
        case .range(_, let to):
            scanned = try repository.resolveCommit(to)
            naming = scanned
            apply = { "git merge \($0)" }
        case .base, .all:
            guard let head else { throw SelectionError(message: "no commit to fix") }
            scanned = head
            naming = head
            apply = { "git merge \($0)" }
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
        let updates = changed.compactMap { outcome in outcome.fixed.map { Repository.FileUpdate(path: outcome.path, content: $0) } }
        let commit = try repository.commit(updating: updates, onto: base, message: message(for: outcomes, verifyNote: verifyNote))
        let branch = policy.fix.branch.replacingOccurrences(of: "{short_sha}", with: String(naming.prefix(12)))

        // Idempotent: a branch that already holds these fixes on the same content stays as it is.
        if let tip = repository.branchTip(branch), try repository.treeID(of: tip) == repository.treeID(of: commit),
           let tipParent = try? repository.resolveCommit("\(tip)~1"), try repository.treeID(of: tipParent) == repository.treeID(of: base) {
            return FixReport(branch: branch, commit: tip, base: base, files: outcomes, unchanged: true, howToApply: apply(branch), verifyCommandNote: verifyNote)
        }
        try repository.setBranch(branch, to: commit, logMessage: "autosafecoder fix")
        return FixReport(branch: branch, commit: commit, base: base, files: outcomes, unchanged: false, howToApply: apply(branch), verifyCommandNote: verifyNote)
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
        let repaired = outcomes.flatMap(\.repaired)
        let agents = Set(outcomes.flatMap(\.agents)).sorted()
        var text = "autosafecoder: fix \(repaired.count) finding\(repaired.count == 1 ? "" : "s") (\(agents.isEmpty ? "built-in agent" : agents.joined(separator: ", ")))\n\n"
        for finding in repaired {
            text += "- \(finding.code) (\(finding.cweID)) \(finding.file):\(finding.line) \(finding.message)\n"
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
