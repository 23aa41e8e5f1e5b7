/// A syntax error with CPython-like message and position (1-based line, 1-based column
/// as CPython reports `offset`; `column` here is 0-based byte column).
public struct SyntaxError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable { case syntaxError = "SyntaxError", indentationError = "IndentationError", tabError = "TabError", valueError = "ValueError", recursionError = "RecursionError" }
    public var kind: Kind
    public var message: String
    public var filename: String
    public var line: Int
    public var column: Int
    public init(kind: Kind = .syntaxError, message: String, filename: String = "<unknown>", line: Int, column: Int) {
        self.kind = kind; self.message = message; self.filename = filename; self.line = line; self.column = column
    }
    /// CPython's 1-based `offset` (byte based).
    public var offset: Int { column + 1 }
    public var description: String { "\(filename):\(line):\(column + 1): \(kind.rawValue): \(message)" }
}
