import Analyzer
import PythonSyntax

/// `password = "hunter2"` → `password = os.environ["PASSWORD"]`; the same for a keyword
/// argument (`connect(password="x")`) and a comparison (`if password == "x":`).
enum SecretFromEnvironmentFix: BuiltinFix {
    static let changesResults = true
    static let codes: Set<String> = ["ASC105", "ASC106"]
    /// A secret belongs out of the code whatever severity Bandit's check gives it.
    static let fixesLowSeverity = true

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        // The reported literal itself (a keyword's value, a compared constant).
        if let range = context.byteRange(of: finding), let text = context.reportedText(finding) {
            var literal: (start: Int, end: Int, name: String)?
            if let equals = text.firstIndex(of: "="), text[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                let value = text[text.index(after: equals)...]
                if value.first == "\"" || value.first == "'" {
                    literal = (range.start + text[...equals].utf8.count, range.end, String(text[..<equals]))
                }
            } else if text.first == "\"" || text.first == "'", let statement = context.statement(startingOn: finding.line),
                      case .if(let test, _, _) = statement.kind, case .compare(let left, _, _) = test.kind, case .name(let id, _) = left.kind {
                literal = (range.start, range.end, id)
            }
            // A keyword's literal reported alone (`password='x'` in a call), or a call reported
            // whole: the secret-named keyword with a literal value.
            if literal == nil, let call = context.call(at: finding), case .call(_, _, let keywords) = call.kind {
                if let keyword = keywords.first(where: { $0.value.loc.startByte == range.start && $0.value.loc.endByte == range.end }), let name = keyword.arg {
                    literal = (range.start, range.end, name)
                }
                for keyword in keywords where literal == nil && (call.loc.lineno, call.loc.colOffset + 1) == (finding.line, finding.column) {
                    guard let name = keyword.arg, keyword.value.stringConstant != nil,
                          ["password", "passwd", "pwd", "secret", "token", "api_key", "apikey"].contains(where: { name.lowercased().contains($0) }) else { continue }
                    literal = (keyword.value.loc.startByte, keyword.value.loc.endByte, name)
                    break
                }
            }
            if let literal {
                let variable = literal.name.uppercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }
                return FixPlan(edits: [SourceEdit(start: literal.start, end: literal.end, replacement: "os.environ[\"\(variable)\"]")],
                               imports: ["os"], description: "read the secret from the environment variable \(variable)")
            }
        }
        guard let statement = context.statement(startingOn: finding.line), case .assign(let targets, let value) = statement.kind,
              targets.count == 1, value.stringConstant != nil else { return nil }
        let name: String
        switch targets[0].kind {
        case .name(let id, _): name = id
        case .attribute(_, let attr, _): name = attr
        default: return nil
        }
        let variable = name.uppercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }
        return FixPlan(edits: [SourceEdit(start: value.loc.startByte, end: value.loc.endByte, replacement: "os.environ[\"\(variable)\"]")],
                       imports: ["os"], description: "read the secret from the environment variable \(variable)")
    }
}
