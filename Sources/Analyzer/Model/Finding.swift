import Diagnostics

/// One problem found in a file, with everything the reports and the baseline need.
public struct Finding: Sendable, Hashable {
    /// A step of a data-flow path: where tainted data came from or passed through.
    public struct FlowStep: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var note: String
        public init(line: Int, column: Int, note: String) {
            self.line = line
            self.column = column
            self.note = note
        }
    }

    public var code: String
    public var cwe: Int
    public var severity: Severity
    public var confidence: Confidence
    public var file: String
    /// 1-based line and column (column counts UTF-8 bytes + 1, as editors and SARIF do).
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var message: String
    /// Source → sink, where the finding rests on data flow.
    public var flow: [FlowStep]
    public var fixHint: String?
    /// Stable across unrelated line shifts: rule, file, enclosing scope and the code's text.
    public var fingerprint: String
    /// Silenced by a `# nosec`, `# noqa` or `# autosafecoder: ignore[...]` comment.
    public var suppressed: Bool
    /// The enclosing function or class (dotted), if any.
    public var scope: String?

    public init(code: String, cwe: Int, severity: Severity, confidence: Confidence, file: String, line: Int, column: Int,
                endLine: Int, endColumn: Int, message: String, flow: [FlowStep] = [], fixHint: String? = nil,
                fingerprint: String = "", suppressed: Bool = false, scope: String? = nil) {
        self.code = code
        self.cwe = cwe
        self.severity = severity
        self.confidence = confidence
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.message = message
        self.flow = flow
        self.fixHint = fixHint
        self.fingerprint = fingerprint
        self.suppressed = suppressed
        self.scope = scope
    }

    public var cweID: String { "CWE-\(cwe)" }

    /// Lines the finding spans.
    public var lines: ClosedRange<Int> { line...max(line, endLine) }
}

extension Finding {
    /// A line and column pair, 1-based.
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
        public var description: String { "\(line):\(column)" }
    }
}
