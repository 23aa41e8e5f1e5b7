import ArgumentParser

struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fuzz Python functions in a sandboxed worker and report crashes, hangs and security flaws.",
        discussion: """
        Examples:
          autosafecoder fuzz app/parse.py
          autosafecoder fuzz app/parse.py::parse_header --budget 30 --seed 7
        """
    )

    @Argument(help: ArgumentHelp("Files or FILE::FUNCTION targets.", valueName: "target"))
    var targets: [String]

    @Option(help: "Seconds in total (overrides the policy).")
    var budget: Double?

    @Option(help: "Random seed, for a reproducible run.")
    var seed: UInt64?

    @OptionGroup var policyOptions: PolicyOptions

    func run() throws { throw NotYetAvailable(command: "fuzz", issue: 6) }
}
