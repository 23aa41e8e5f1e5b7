import ArgumentParser

/// `--policy FILE`, shared by every command that reads the policy.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Policy file (default: policy.yaml or .autosafecoder.yaml at the repository root, else built-in defaults).", valueName: "file"))
    var policy: String?
}
