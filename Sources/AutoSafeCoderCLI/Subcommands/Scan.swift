import ArgumentParser
import Foundation
import PolicyKit

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge Python changes against the policy: the pre-commit hook and the CI gate.",
        discussion: """
        Exit status 0 when the gate passes, 1 when new findings exceed the policy's thresholds.

        Examples:
          autosafecoder scan --staged
          autosafecoder scan --base origin/main --format sarif --output results.sarif
          autosafecoder scan src/ tools/deploy.py
        """
    )

    @OptionGroup var selection: ChangeSelection
    @OptionGroup var policyOptions: PolicyOptions

    @Option(help: ArgumentHelp("Report format: text, json, sarif, github or junit (default: the policy's).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        _ = try PolicyLocator.load(explicitPath: policyOptions.policy, root: FileManager.default.currentDirectoryPath)
        throw NotYetAvailable(command: "scan", issue: 5)
    }
}
