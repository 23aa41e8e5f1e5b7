import ArgumentParser

/// The root command: lists the subcommands; each lives in its own file.
struct AutoSafeCoder: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "autosafecoder",
        abstract: "Keep insecure and crashing Python out of a git repository.",
        discussion: """
        Static analysis, fuzzing and a coding agent, run as a pre-commit hook, a CI merge gate
        or an auto-fix branch generator.

        Exit status: 0 gate passed, 1 gate failed, 2 bad input (usage, policy, repository
        state, unreadable file), 3 internal error.

        Example:
          autosafecoder scan --staged
        """,
        version: version,
        subcommands: [Scan.self, Fix.self, Fuzz.self, Generate.self, Eval.self, Install.self, Uninstall.self, Rules.self, Debug.self]
    )
}
