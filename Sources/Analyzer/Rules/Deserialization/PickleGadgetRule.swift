import PythonSyntax

/// CWE-502: a class whose `__reduce__` hands pickle a command or code to run on loading.
struct PickleGadgetRule: Rule {
    static let description = RuleDescription(
        code: "ASC2502", name: "pickle-code-execution-gadget", cwe: 502, severity: .high, confidence: .medium,
        rationale: """
        `__reduce__` tells pickle what to call when the object is loaded. Returning exec, eval, \
        os.system or a subprocess function makes every pickle of this object a program that runs \
        on whoever unpickles it: the shape of a deserialisation exploit. Return the class and \
        plain data (or implement __getstate__/__setstate__), and never unpickle untrusted bytes.
        """,
        triggering: [
            "import os\n\nclass Payload:\n    def __reduce__(self):\n        return ↓(os.system, (\"id\",))\n",
            "class Payload(object):\n    def __reduce__(self):\n        return ↓exec, (\"import os\",)\n",
            "import subprocess as sp\n\nclass P:\n    def __reduce_ex__(self, protocol):\n        return ↓(sp.check_output, ([\"ls\"],))\n",
        ],
        nonTriggering: [
            "class Point:\n    def __init__(self, x, y):\n        self.x, self.y = x, y\n\n    def __reduce__(self):\n        return (Point, (self.x, self.y))\n",
            "import os\n\ndef reduce():\n    return (os.system, (\"id\",))\n",  // not a __reduce__ method
        ]
    )

    /// Callables that run code or a command given to them as data.
    static let runners: Set<String> = [
        "exec", "eval", "compile", "__import__", "builtins.exec", "builtins.eval", "os.system", "os.popen", "os.execv",
        "os.execl", "os.execvp", "os.spawnv", "posix.system", "nt.system", "subprocess.call", "subprocess.run",
        "subprocess.Popen", "subprocess.check_call", "subprocess.check_output", "subprocess.getoutput", "pty.spawn",
        "commands.getoutput",
    ]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .classDef }
    var requiredIdentifiers: [String] { ["__reduce__", "__reduce_ex__"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .classDef(_, _, _, let body, _, _) = statement.kind else { return }
        for member in body {
            guard case .functionDef(let name, _, let methodBody, _, _, _, _) = member.kind,
                  name == "__reduce__" || name == "__reduce_ex__" else { continue }
            var returns: [Expr] = []
            Module(body: methodBody).walkStatements { inner in
                if case .return(let value?) = inner.kind { returns.append(value) }
            }
            for value in returns {
                guard case .tuple(let elements, _) = value.kind, let callable = elements.first,
                      let target = context.imports.qualifiedName(of: callable), Self.runners.contains(target) else { continue }
                context.report(value.loc, "\(name) makes unpickling this object call \(target): a pickle code-execution gadget",
                               fixHint: "return the class and plain data from __reduce__")
            }
        }
    }
}
