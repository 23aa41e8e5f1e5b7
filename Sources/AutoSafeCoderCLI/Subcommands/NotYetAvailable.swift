import Diagnostics

/// A command whose engine has not landed yet: says so plainly instead of pretending.
struct NotYetAvailable: ToolError {
    var command: String
    var issue: Int
    var exitStatus: ExitStatus { .internalError }
    var description: String {
        "error: '\(command)' is not available in this version yet (tracked as issue #\(issue))"
    }
}
