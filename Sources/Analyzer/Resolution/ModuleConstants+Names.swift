import PythonSyntax

/// Names that hold one literal for the whole run of a module: bound exactly once, by a
/// top-level `NAME = <literal>`, and never rebound anywhere (no other assignment, loop
/// target, import, definition, `global` or `del` of the name in any scope).
/// `"SELECT * FROM %s" % TABLE` with `TABLE = "users"` is then as fixed as the literal.
extension ModuleConstants {
    /// `bindingCounts`: how many times the file binds each name (`FileFacts.bindingCounts`).
    static func names(in module: Module, bindingCounts: [String: Int]) -> Set<String> {
        var candidates: [String: Int] = [:]  // name -> top-level literal assignments
        for statement in module.body {
            switch statement.kind {
            case .assign(let targets, let value) where targets.count == 1 && value.isLiteral:
                if case .name(let id, _) = targets[0].kind { candidates[id, default: 0] += 1 }
            case .annAssign(let target, _, let value?, _) where value.isLiteral:
                if case .name(let id, _) = target.kind { candidates[id, default: 0] += 1 }
            default:
                break
            }
        }
        candidates = candidates.filter { $0.value == 1 }
        guard !candidates.isEmpty else { return [] }
        // Every binding of each name anywhere; a constant has exactly its one.
        return Set(candidates.keys.filter { bindingCounts[$0] == 1 })
    }
}
