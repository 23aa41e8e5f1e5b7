import ArgumentParser
import Foundation
import LibGit
import Pipeline
import PolicyKit

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fix findings and write verified patches as commits on a side branch.",
        discussion: """
        Never touches the working tree, the index, HEAD or the current branch. With the built-in
        agent (the default, offline) only findings with a safe mechanical fix are repaired; the
        others are listed with a hint.

        Examples:
          autosafecoder fix --staged
          autosafecoder fix --base origin/main
        """
    )

    @OptionGroup var selection: ChangeSelection
    @OptionGroup var policyOptions: PolicyOptions

    func run() throws {
        let repository: Repository
        do {
            repository = try Repository.openFromEnvironment()
        } catch {
            repository = try Repository.open(containing: FileManager.default.currentDirectoryPath)
        }
        let root = repository.workingDirectory ?? FileManager.default.currentDirectoryPath
        let (policy, _) = try PolicyLocator.load(explicitPath: policyOptions.policy, root: root)
        let report = try FixRunner.run(selection.mode.selectionMode, policy: policy, repository: repository)
        let out = Terminal.standardOutput
        for file in report.files {
            for finding in file.repaired { out.writeLine("fixed  \(finding.file):\(finding.line) \(finding.code) (\(finding.cweID)) \(finding.message)") }
            for finding in file.hints { out.writeLine("hint   \(finding.file):\(finding.line) \(finding.code) (\(finding.cweID)) \(finding.fixHint ?? finding.message)") }
            for rejection in file.rejected { out.writeLine("dropped \(rejection)") }
            for note in file.verification { out.writeLine("verified \(file.path): \(note)") }
        }
        if let note = report.verifyCommandNote { out.writeLine("autosafecoder: " + note) }
        guard let branch = report.branch else {
            out.writeLine("autosafecoder: nothing to fix mechanically; no branch written")
            return
        }
        out.writeLine(report.unchanged ? "autosafecoder: \(branch) already holds these fixes" : "autosafecoder: wrote \(branch)")
        out.writeLine("  look:  git show \(branch)")
        out.writeLine("  apply: \(report.howToApply)")
    }
}
