import PythonSyntax

extension Module {
    /// The value of `name` in the function around source byte `position`, when the function
    /// binds the name exactly once, by a plain `name = value` (no parameter, loop target,
    /// `with ... as`, walrus, import, nested definition, `global`, or second assignment of it).
    func onlyAssignment(of name: String, inFunctionAround position: Int) -> Expr? {
        guard let function = innermostFunction(around: position),
              case .functionDef(_, let arguments, let body, _, _, _, _) = function.kind else { return nil }
        let parameters = arguments.posonlyargs + arguments.args + arguments.kwonlyargs + [arguments.vararg, arguments.kwarg].compactMap { $0 }
        guard !parameters.contains(where: { $0.arg == name }) else { return nil }
        var bindings = 0
        var value: Expr?
        Module(body: body).walk { node in
            switch node {
            case .stmt(let statement):
                switch statement.kind {
                case .assign(let targets, let assigned):
                    for target in targets {
                        if case .name(name, _) = target.kind { bindings += 1; value = assigned }
                    }
                case .functionDef(let defined, _, _, _, _, _, _), .classDef(let defined, _, _, _, _, _):
                    if defined == name { bindings += 2 }
                    return false  // a nested scope's names are its own
                case .global(let names), .nonlocal(let names):
                    if names.contains(name) { bindings += 2 }
                default:
                    break
                }
            case .expr(let expression):
                if case .lambda = expression.kind { return false }
                if case .name(name, let context) = expression.kind, context != .load { bindings += 1 }
            case .alias(let alias):
                if (alias.asname ?? String(alias.name.split(separator: ".").first ?? "")) == name { bindings += 2 }
            case .exceptHandler(let handler):
                if handler.name == name { bindings += 2 }
            case .pattern(let pattern):
                switch pattern.kind {
                case .matchAs(_, name?), .matchStar(name?), .matchMapping(_, _, name?): bindings += 2
                default: break
                }
            default:
                break
            }
            return true
        }
        // The assignment's own target was counted twice: as a statement and as a Store name.
        return bindings == 2 ? value : nil
    }

    /// The innermost `def` whose source range holds `position`.
    func innermostFunction(around position: Int) -> Stmt? {
        var found: Stmt?
        var level = body
        while true {
            guard let statement = level.first(where: { $0.loc.startByte <= position && position < $0.loc.endByte }) else { return found }
            if case .functionDef = statement.kind { found = statement }
            var inner: [Stmt] = []
            statement.forEachBlock { block in
                if block.contains(where: { $0.loc.startByte <= position && position < $0.loc.endByte }) { inner = block }
            }
            guard !inner.isEmpty else { return found }
            level = inner
        }
    }
}
