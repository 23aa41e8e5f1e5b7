internal import CGit2
import Diagnostics

/// A failed libgit2 call, carrying libgit2's own message and error class.
public struct GitError: ToolError, Equatable {
    /// What we were doing, such as "open repository at '/x'".
    public var operation: String
    /// libgit2's return code (`GIT_ENOTFOUND` is -3, `GIT_EOWNER` is -36, ...).
    public var code: Int32
    /// libgit2's error class (`GIT_ERROR_REPOSITORY` is 6, ...).
    public var errorClass: Int32
    public var message: String

    public init(operation: String, code: Int32, errorClass: Int32, message: String) {
        self.operation = operation
        self.code = code
        self.errorClass = errorClass
        self.message = message
    }

    /// Repository state problems are the user's input, not our bug.
    public var exitStatus: ExitStatus { .badInput }

    public var description: String { "error: cannot \(operation): \(message)" }

    /// Reads libgit2's thread-local last error at once, before another call replaces it.
    static func last(_ operation: String, code: Int32) -> GitError {
        guard let error = git_error_last() else {
            return GitError(operation: operation, code: code, errorClass: 0, message: "libgit2 error \(code)")
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "libgit2 error \(code)"
        return GitError(operation: operation, code: code, errorClass: error.pointee.klass, message: message)
    }

    /// Throws a `GitError` for a negative libgit2 status.
    @discardableResult
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(GitError) -> Int32 {
        if status < 0 { throw last(operation(), code: status) }
        return status
    }
}
