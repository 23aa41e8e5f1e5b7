import PythonSyntax

/// B404: importing subprocess; a low-severity pointer to code worth reviewing.
struct ImportSubprocessRule: Rule {
    static let description = RuleDescription(
        code: "ASC404", name: "import-subprocess", banditID: "B404", cwe: 78, severity: .low, confidence: .high,
        rationale: "subprocess starts programs; review each call for untrusted input, pass argument lists and avoid shell=True.",
        optIn: true,  // only a pointer to code worth reviewing: on when a policy names it
        triggering: [
            "import ↓subprocess\n",
            "↓from subprocess import run\n",
        ],
        nonTriggering: [
            "import shlex\n",
            "import subprocess_tee\n",
        ]
    )

    static let modules: Set<String> = ["subprocess"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
