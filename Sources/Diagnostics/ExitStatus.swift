/// The process exit status, decided in one place for every command.
///
/// Listed in the README; scripts and CI depend on these numbers.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The gate passed (or the command did what was asked).
    case passed = 0
    /// The gate failed: findings over the policy's thresholds.
    case gateFailed = 1
    /// Bad input: usage, policy, repository state, an unreadable file.
    case badInput = 2
    /// A bug or an environment failure inside the tool.
    case internalError = 3
}
