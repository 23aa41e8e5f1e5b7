/// One replacement of an exact byte range of a file's source.
public struct SourceEdit: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var replacement: String

    public init(start: Int, end: Int, replacement: String) {
        self.start = start
        self.end = end
        self.replacement = replacement
    }

    /// Applies non-overlapping edits (overlapping ones after the first are dropped).
    public static func apply(_ edits: [SourceEdit], to source: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(source.count + 64)
        var position = 0
        for edit in edits.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where edit.start >= position && edit.end <= source.count {
            result.append(contentsOf: source[position..<edit.start])
            result.append(contentsOf: Array(edit.replacement.utf8))
            position = edit.end
        }
        result.append(contentsOf: source[position...])
        return result
    }
}

/// What a fix changes: edits, and the modules it needs imported.
public struct FixPlan: Sendable {
    public var edits: [SourceEdit]
    /// `import X` lines the edits rely on.
    public var imports: [String]
    public var description: String

    public init(edits: [SourceEdit], imports: [String] = [], description: String) {
        self.edits = edits
        self.imports = imports
        self.description = description
    }
}
