import ArgumentParser
import Diagnostics
import Foundation

/// Process entry: parses the command line, runs it, and turns every outcome into one of
/// the four documented exit statuses (see `ExitStatus`).
@main
enum Entry {
    static func main() {
        // A worker that exits without reading its stdin must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        _ = Allocator.version
        let status: ExitStatus
        do {
            var command = try AutoSafeCoder.parseAsRoot()
            try command.run()
            status = .passed
        } catch {
            status = report(error)
        }
        exit(status.rawValue)
    }

    /// The one place that decides the exit status and prints the error line.
    static func report(_ error: any Error) -> ExitStatus {
        if let gate = error as? GateFailure {
            return gate.exitStatus
        }
        if let tool = error as? any ToolError {
            Terminal.standardError.writeLine(tool.description)
            return tool.exitStatus
        }
        let code = AutoSafeCoder.exitCode(for: error)
        let message = AutoSafeCoder.fullMessage(for: error)
        if code == .success {
            // --help and --version.
            if !message.isEmpty { Terminal.standardOutput.writeLine(message) }
            return .passed
        }
        if code == .validationFailure {
            Terminal.standardError.writeLine(message)
            return .badInput
        }
        Terminal.standardError.writeLine("internal error: \(message.isEmpty ? String(describing: error) : message)")
        return .internalError
    }
}

/// Thrown by a command whose gate failed after it has printed its report.
struct GateFailure: ToolError {
    var exitStatus: ExitStatus { .gateFailed }
    var description: String { "gate failed" }
}
