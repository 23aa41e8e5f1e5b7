import Diagnostics

/// A YAML document that libyaml or our structural checks reject.
public struct YAMLError: ToolError, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var exitStatus: ExitStatus { .badInput }
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
