import PythonSyntax

/// B401: importing telnetlib; a low-severity pointer to code worth reviewing.
struct ImportTelnetlibRule: Rule {
    static let description = RuleDescription(
        code: "ASC401", name: "import-telnetlib", banditID: "B401", cwe: 319, severity: .low, confidence: .high,
        rationale: "Telnet sends credentials and data in clear text. Use SSH (paramiko, asyncssh) instead.",
        triggering: [
            "import ↓telnetlib\n",
            "↓from telnetlib import Telnet\n",
        ],
        nonTriggering: [
            "import paramiko\n",
            "import telnetlib_helpers\n",
        ]
    )

    static let modules: Set<String> = ["telnetlib"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
