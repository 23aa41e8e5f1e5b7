import Diagnostics
import LibYAML

/// A policy file that cannot be used, reported as `FILE:LINE:COL: error: …`.
public enum PolicyError: ToolError, Equatable {
    /// The file is not valid YAML (or not UTF-8).
    case syntax(YAMLError)
    /// A key or value is wrong; `key` is its dotted path, such as `gate.scope`.
    case invalid(file: String, line: Int, column: Int, key: String, message: String)
    /// The file named with `--policy` cannot be read.
    case unreadable(file: String, reason: String)

    public var exitStatus: ExitStatus { .badInput }

    public var description: String {
        switch self {
        case .syntax(let error):
            return error.description
        case .invalid(let file, let line, let column, let key, let message):
            return "\(file):\(line):\(column): error: \(key): \(message)"
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read policy: \(reason)"
        }
    }
}
