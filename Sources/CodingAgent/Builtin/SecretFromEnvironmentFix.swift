import Analyzer
import PythonSyntax

/// `password = "hunter2"` → `password = os.environ["PASSWORD"]`.
enum SecretFromEnvironmentFix: BuiltinFix {
    static let changesResults = true
    static let codes: Set<String> = ["ASC105"]
    /// A secret belongs out of the code whatever severity Bandit's check gives it.
    static let fixesLowSeverity = true

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
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
