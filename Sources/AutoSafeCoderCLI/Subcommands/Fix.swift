import ArgumentParser

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fix findings and write verified patches as commits on a side branch.",
        discussion: """
        Never touches the working tree, the index, HEAD or the current branch.

        Examples:
          autosafecoder fix --staged
          autosafecoder fix --base origin/main
        """
    )

    @OptionGroup var selection: ChangeSelection
    @OptionGroup var policyOptions: PolicyOptions

    func run() throws { throw NotYetAvailable(command: "fix", issue: 7) }
}
