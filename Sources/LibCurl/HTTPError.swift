import Diagnostics

/// A failed HTTP exchange, with libcurl's detailed message where there is one.
public enum HTTPError: ToolError, Equatable {
    /// libcurl failed before a response arrived (connect, TLS, timeout, ...).
    case transport(url: String, code: Int32, message: String)
    /// The response body was larger than the cap.
    case responseTooLarge(url: String, limit: Int)
    /// libcurl could not be set up (out of memory, an option it rejects).
    case setup(message: String)

    public var exitStatus: ExitStatus { .internalError }

    /// True for failures worth retrying: connection problems and timeouts.
    public var isTransient: Bool {
        guard case .transport(_, let code, _) = self else { return false }
        // 6 resolve, 7 connect, 28 timeout, 35 TLS handshake, 52 empty reply, 55/56 send/recv.
        return [6, 7, 28, 35, 52, 55, 56].contains(code)
    }

    public var description: String {
        switch self {
        case .transport(let url, let code, let message):
            return "error: request to \(url) failed: \(message) (curl \(code))"
        case .responseTooLarge(let url, let limit):
            return "error: response from \(url) exceeded \(limit) bytes"
        case .setup(let message):
            return "error: cannot set up HTTP: \(message)"
        }
    }
}
