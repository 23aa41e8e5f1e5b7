import Analyzer
import PythonSyntax

/// `eval(text)` → `ast.literal_eval(text)`: reads literals, runs nothing.
enum LiteralEvalFix: BuiltinFix {
    static let codes: Set<String> = ["ASC307", "ASC1095"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(let function, let arguments, let keywords) = call.kind,
              case .name("eval", _) = function.kind, arguments.count == 1, keywords.isEmpty else { return nil }
        return FixPlan(edits: [SourceEdit(start: function.loc.startByte, end: function.loc.endByte, replacement: "ast.literal_eval")],
                       imports: ["ast"], description: "parse literals with ast.literal_eval instead of eval")
    }
}
