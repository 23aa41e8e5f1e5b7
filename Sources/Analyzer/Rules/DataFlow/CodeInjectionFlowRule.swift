import PythonSyntax

/// Untrusted data run as Python code.
struct CodeInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1095", name: "code-injection-flow", cwe: 95, severity: .high, confidence: .high,
        rationale: """
        Untrusted data reaches eval, exec or compile and runs as Python. Parse literals with \
        ast.literal_eval, or map the input to a fixed set of operations.
        """,
        fixAvailable: true,
        triggering: [
            "import importlib\nfrom flask import request\n\ndef plugin():\n    return ↓importlib.import_module(request.args[\"name\"]).run()\n",
            "from flask import request\n\ndef calc():\n    return str(↓eval(request.args[\"expr\"]))\n",
            "import sys\ncode = sys.argv[1]\n↓exec(code)\n",
        ],
        nonTriggering: [
            "import ast\nfrom flask import request\n\ndef calc():\n    return str(ast.literal_eval(request.args[\"expr\"]))\n",
            "x = eval(\"1 + 1\")\n",
        ]
    )

    var sinkNoun: String { "code execution" }

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        switch call.qualifiedName {
        case "eval", "exec", "compile", "builtins.eval", "builtins.exec", "builtins.compile":
            return SinkMatching.first(call, keyword: "source")
        case "importlib.import_module", "__import__", "builtins.__import__":
            // The requester picks which module's top-level code runs.
            return SinkMatching.first(call, keyword: "name")
        default:
            return []
        }
    }
}
