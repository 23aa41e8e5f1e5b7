import ArgumentParser
import Foundation
import PolicyKit

struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the tool's view of a file or policy.",
        subcommands: [DebugAST.self, DebugPolicy.self]
    )
}

struct DebugPolicy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check a policy file and print the effective settings.",
        discussion: """
        Example:
          autosafecoder debug policy --policy policy.yaml
        """
    )

    @OptionGroup var policyOptions: PolicyOptions

    func run() throws {
        let root = FileManager.default.currentDirectoryPath
        let (policy, source) = try PolicyLocator.load(explicitPath: policyOptions.policy, root: root)
        switch source {
        case .builtIn: Terminal.standardOutput.writeLine("# policy: built-in defaults")
        case .file(let path): Terminal.standardOutput.writeLine("# policy: \(path)")
        }
        Terminal.standardOutput.write(PolicyRenderer.render(policy))
    }
}
