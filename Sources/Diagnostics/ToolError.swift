/// An error the user sees as one line, with the exit status it causes.
///
/// Every module's typed error conforms, so the executable maps any error to an
/// exit status without knowing the module it came from.
public protocol ToolError: Error, CustomStringConvertible, Sendable {
    /// Exit status this error ends the process with.
    var exitStatus: ExitStatus { get }
}
