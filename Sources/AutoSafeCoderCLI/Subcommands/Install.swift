import ArgumentParser

struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Install the pre-commit hook into the hooks directory git uses.",
        discussion: """
        Respects core.hooksPath; an existing hook is never overwritten without --force.

        Example:
          autosafecoder install
        """
    )

    @Flag(help: "Replace an existing hook (a backup is kept).")
    var force = false

    func run() throws { throw NotYetAvailable(command: "install", issue: 5) }
}
