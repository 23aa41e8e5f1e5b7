import ArgumentParser

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the paper's evaluation on a SecurityEval- or HumanEval-format dataset.",
        discussion: """
        Example:
          autosafecoder eval --dataset securityeval.jsonl --from-insecure-code
        """
    )

    @Option(help: ArgumentHelp("Dataset in JSON lines (optionally gzip'd).", valueName: "file"))
    var dataset: String

    @Flag(help: "Start from the dataset's own code instead of asking an LLM (runs offline).")
    var fromInsecureCode = false

    @OptionGroup var policyOptions: PolicyOptions

    func run() throws { throw NotYetAvailable(command: "eval", issue: 7) }
}
