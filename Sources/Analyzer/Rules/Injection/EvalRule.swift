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
        ],
        nonTriggering: [
            "import ast\nvalue = ast.literal_eval(text)\n",
            "value = eval(\"1 + 2\")\n",  // a literal: nothing can flow in
            "model.eval()\n",
        ]
    )

    var callees: Set<String> { ["eval", "builtins.eval"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let code = call.argument("source", position: 0), !code.isLiteral else { return }
        // Text from a request, the command line or a socket is reported by the data-flow rule
        // ASC1095 at high severity; here nothing shows where the text comes from.
        context.report(call.expression.loc, "eval() of non-constant text runs any code it is given",
                       severity: .low, confidence: .medium, fixHint: "use ast.literal_eval for literals")
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
