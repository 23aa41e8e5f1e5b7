import Analyzer
import PythonSyntax

/// What a fix provider sees: the parsed file, its imports, and the call a finding points at.
public struct FixContext {
    public let parsed: ParsedModule
    public let imports: ImportTable

    public init(parsed: ParsedModule) {
        self.parsed = parsed
        imports = ImportTable(module: parsed.module)
    }

    public func text(_ loc: Loc) -> String { parsed.text(of: loc) }

    /// The innermost call whose span contains the finding's start.
    public func call(at finding: Finding) -> Expr? { call(line: finding.line, column: finding.column) }

    /// The innermost call spanning a position (1-based line and column).
    public func call(line: Int, column: Int) -> Expr? {
        var best: Expr?
        parsed.module.walk { node in
            guard let loc = node.loc else { return true }
            let startsBefore = (loc.lineno, loc.colOffset + 1) <= (line, column)
            let endsAfter = (loc.endLineno, loc.endColOffset + 1) >= (line, column)
            guard startsBefore && endsAfter else { return loc.lineno <= line }
            if case .expr(let expression) = node, case .call = expression.kind { best = expression }
            return true
        }
        return best
    }

    /// The statement starting on a line.
    public func statement(startingOn line: Int) -> Stmt? {
        var found: Stmt?
        parsed.module.walk { node in
            guard found == nil, case .stmt(let statement) = node else { return found == nil }
            if statement.loc.lineno == line { found = statement; return false }
            return statement.loc.lineno <= line && statement.loc.endLineno >= line
        }
        return found
    }

    /// The byte range to delete for keyword `name` of a call, with its separating comma.
    public func removalRange(ofKeyword name: String, in call: Expr) -> (start: Int, end: Int)? {
        guard case .call(_, let arguments, let keywords) = call.kind,
              let index = keywords.firstIndex(where: { $0.arg == name }) else { return nil }
        let keyword = keywords[index]
        let items = arguments.map(\.loc) + keywords.map(\.loc)
        let ordered = items.sorted { $0.startByte < $1.startByte }
        guard let position = ordered.firstIndex(where: { $0.startByte == keyword.loc.startByte }) else { return nil }
        if position > 0 { return (ordered[position - 1].endByte, keyword.loc.endByte) }
        if position + 1 < ordered.count { return (keyword.loc.startByte, ordered[position + 1].startByte) }
        return (keyword.loc.startByte, keyword.loc.endByte)
    }
}
