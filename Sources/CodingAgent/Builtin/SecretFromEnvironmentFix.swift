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
