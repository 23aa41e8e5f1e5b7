import ArgumentParser
import Foundation
import Pipeline
import PolicyKit

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write verified, secure Python from a written requirement (needs an LLM agent in the policy).",
        discussion: """
        The paper's flow: the LLM agent writes the code, static analysis and the fixers repair it
        (up to fix.max_static_rounds), the fuzzer tries every function and the agent fixes the
        crashes (up to fix.max_fuzz_rounds). Exit status 0 when nothing is left, 1 when findings
        remain (the code is still written, with the findings listed).

        Example:
          autosafecoder generate --input requirement.txt --output app.py
        """
    )

    @Option(help: ArgumentHelp("File holding the requirement.", valueName: "file"))
    var input: String

    @Option(help: ArgumentHelp("Where to write the code (default: standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var policyOptions: PolicyOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: input), let requirement = String(data: data, encoding: .utf8),
              !requirement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("cannot read a requirement from \(input)")
        }
        let cwd = FileManager.default.currentDirectoryPath
        let (policy, _) = try PolicyLocator.load(explicitPath: policyOptions.policy, root: cwd)
        let result = try CodeGenerator(policy: policy, root: cwd).run(requirement: requirement, filename: output ?? "generated.py")
        if let output { try AtomicFile.write(result.code, to: output) } else { Terminal.standardOutput.write(result.code) }
        for line in result.log { Terminal.standardError.writeLine("autosafecoder: \(line)") }
        for finding in result.findings {
            Terminal.standardError.writeLine("  left: line \(finding.line) \(finding.code) (\(finding.cweID)) \(finding.message)")
        }
        for finding in result.fuzzFindings { Terminal.standardError.writeLine("  left: \(finding.summary)") }
        Terminal.standardError.writeLine(result.verified ? "autosafecoder: verified: no finding and no crash left" : "autosafecoder: not verified: see what is left above")
        if !result.verified { throw GateFailure() }
    }
}
