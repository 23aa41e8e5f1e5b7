/// An error the user sees as one line, with the exit status it causes.
///
/// Every module's typed error conforms, so the executable maps any error to an
/// exit status without knowing the module it came from.
public protocol ToolError: Error, CustomStringConvertible, Sendable {
    /// Exit status this error ends the process with.
    var exitStatus: ExitStatus { get }
}

/// A position in a user's file, 1-based line and column.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

extension ExitStatus {
    /// The exit status an arbitrary error maps to: its own for a `ToolError`, else internal.
    public static func of(_ error: any Error) -> ExitStatus {
        (error as? any ToolError)?.exitStatus ?? .internalError
    }
}
