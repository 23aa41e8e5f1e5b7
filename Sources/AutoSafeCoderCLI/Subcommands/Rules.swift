import ArgumentParser

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the analyzer's rules with their CWE, severity and confidence.",
        discussion: """
        Example:
          autosafecoder rules --format markdown
        """
    )

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(help: "Output format.")
    var format: ListFormat = .text

    func run() throws { throw NotYetAvailable(command: "rules", issue: 4) }
}
