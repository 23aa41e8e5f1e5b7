/// A position in a YAML file, 1-based; the column counts characters, as libyaml does.
public struct YAMLMark: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One node of a YAML document, with where it starts.
///
/// libyaml resolves no types: a scalar keeps its text and whether it was written plain
/// (unquoted), so the reader can apply its own rules for booleans, numbers and null.
public struct YAMLNode: Sendable {
    public indirect enum Value: Sendable {
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var value: Value
    public var start: YAMLMark
    public var end: YAMLMark

    public init(value: Value, start: YAMLMark, end: YAMLMark) {
        self.value = value
        self.start = start
        self.end = end
    }

    /// A short name for the node's kind, for error messages.
    public var kindName: String {
        switch value {
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
