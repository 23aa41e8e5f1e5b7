import ArgumentParser

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write verified, secure Python from a written requirement (needs an LLM agent in the policy).",
        discussion: """
        Example:
          autosafecoder generate --input requirement.txt --output app.py
        """
    )

    @Option(help: ArgumentHelp("File holding the requirement.", valueName: "file"))
    var input: String

    @Option(help: ArgumentHelp("Where to write the code (default: standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var policyOptions: PolicyOptions

    func run() throws { throw NotYetAvailable(command: "generate", issue: 7) }
}
