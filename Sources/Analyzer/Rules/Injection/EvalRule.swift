import PythonSyntax

/// B307 / B102: `eval` and `exec` run text as Python code.
struct EvalRule: Rule {
    static let description = RuleDescription(
        code: "ASC307", name: "eval-of-data", banditID: "B307", cwe: 95, severity: .low, confidence: .medium,
        rationale: """
        eval() runs any Python expression, including __import__('os').system(...). To read a \
        literal (number, list, dict) use ast.literal_eval; to compute, parse the input yourself.
        """,
        fixAvailable: true,
        triggering: [
            "value = ↓eval(request.args[\"x\"])\n",
            "import builtins\nresult = ↓builtins.eval(text)\n",
            // A tree compiled without a check of its nodes.
            "import ast\n\nclass Formula:\n    def __init__(self, text):\n        tree = ast.parse(text, mode=\"eval\")\n        self.code = compile(tree, \"<formula>\", \"eval\")\n\n    def apply(self, env):\n        return ↓eval(self.code, {\"__builtins__\": {}}, env)\n",
        ],
        nonTriggering: [
            "import ast\nvalue = ast.literal_eval(text)\n",
            "value = eval(\"1 + 2\")\n",  // a literal: nothing can flow in
            "model.eval()\n",
            // A formula engine's code object, compiled from a tree checked node by node.
            "import ast\nALLOWED = (ast.Expression, ast.BinOp, ast.Name, ast.Load, ast.Constant, ast.Add, ast.Mult)\n\nclass Formula:\n    def __init__(self, text):\n        tree = ast.parse(text, mode=\"eval\")\n        for node in ast.walk(tree):\n            if not isinstance(node, ALLOWED):\n                raise ValueError(type(node).__name__)\n        self.code = compile(tree, \"<formula>\", \"eval\")\n\n    def apply(self, env):\n        return eval(self.code, {\"__builtins__\": {}}, env)\n",
        ]
    )

    var callees: Set<String> { ["eval", "builtins.eval"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let code = call.argument("source", position: 0), !code.isLiteral else { return }
        // `eval(self._code, ...)` in a file whose code objects come from a checked tree (see
        // `compilesOnlyCheckedTrees`): a formula engine's whitelisted expression.
        if Self.isNameOrAttribute(code), context.imports.imports("ast"), context.parsed.mentions("walk("),
           Self.compilesOnlyCheckedTrees(context.parsed.module, imports: context.imports) { return }
        // Text from a request, the command line or a socket is reported by the data-flow rule
        // ASC1095 at high severity; here nothing shows where the text comes from.
        context.report(call.expression.loc, "eval() of non-constant text runs any code it is given",
                       severity: .low, confidence: .medium, fixHint: "use ast.literal_eval for literals")
    }
}

extension EvalRule {
    static func isNameOrAttribute(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .name: return true
        case .attribute(let owner, _, _): return isNameOrAttribute(owner)
        default: return false
        }
    }

    /// Whether the file compiles code, and only from trees it parsed with `ast.parse` and
    /// walked node by node, raising on what it does not allow (`for node in ast.walk(tree):
    /// if not isinstance(node, ALLOWED): raise ValueError(...)`, then `compile(tree, ...)`).
    static func compilesOnlyCheckedTrees(_ module: Module, imports: ImportTable) -> Bool {
        var compiles = 0, checked = 0
        module.walk { node in
            guard case .stmt(let statement) = node, case .functionDef(_, _, let body, _, _, _, _) = statement.kind else { return true }
            // The trees this function walks, raising on a node it does not allow.
            var walkedTrees: Set<String> = []
            ScopeWalk.walk(body) { inner in
                guard case .stmt(let loop) = inner, case .for(_, let iter, let loopBody, _, _) = loop.kind,
                      case .call(let walker, let walked, _) = iter.kind, imports.qualifiedName(of: walker) == "ast.walk",
                      case .name(let tree, _)? = walked.first?.kind else { return true }
                var raises = false
                ScopeWalk.walk(loopBody) { part in
                    if case .stmt(let check) = part, case .if(let test, let exit, _) = check.kind,
                       exit.contains(where: { if case .raise = $0.kind { true } else { false } }) {
                        var testsType = false
                        ScopeWalk.walk(test) { e in
                            if case .call(let f, _, _) = e.kind, case .name("isinstance", _) = f.kind { testsType = true }
                            return !testsType
                        }
                        if testsType { raises = true }
                    }
                    return !raises
                }
                if raises { walkedTrees.insert(tree) }
                return true
            }
            ScopeWalk.walk(body) { inner in
                guard case .expr(let expression) = inner, case .call(let function, let arguments, _) = expression.kind,
                      case .name("compile", _) = function.kind, imports.binding(of: "compile") == nil else { return true }
                compiles += 1
                if case .name(let tree, _)? = arguments.first?.kind, walkedTrees.contains(tree) { checked += 1 }
                return true
            }
            return true
        }
        return compiles > 0 && compiles == checked
    }
}

/// B102: `exec` runs a string as a Python program.
struct ExecRule: Rule {
    static let description = RuleDescription(
        code: "ASC102", name: "exec-used", banditID: "B102", cwe: 94, severity: .low, confidence: .medium,
        rationale: """
        exec() runs any Python statements. Dispatch to known functions instead (a dict of \
        callables), or load plugins with importlib from a trusted location.
        """,
        triggering: [
            "↓exec(code)\n",
            "↓exec(f\"x = {value}\")\n",
        ],
        nonTriggering: [
            "exec(\"import sys\")\n",
            "cursor.exec(query)\n",
        ]
    )

    var callees: Set<String> { ["exec", "builtins.exec"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let code = call.argument("source", position: 0), !code.isLiteral else { return }
        context.report(call.expression.loc, "exec() of non-constant text runs any code it is given", severity: .low, confidence: .medium)
    }
}
