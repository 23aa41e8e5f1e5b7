import PythonSyntax

/// B415: importing pyghmi; a low-severity pointer to code worth reviewing.
struct ImportPyghmiRule: Rule {
    static let description = RuleDescription(
        code: "ASC415", name: "import-pyghmi", banditID: "B415", cwe: 319, severity: .low, confidence: .high,
        rationale: "pyghmi speaks IPMI, whose authentication is weak and whose traffic is readable on the network. Keep IPMI on an isolated management network, or use Redfish over HTTPS.",
        triggering: [
            "import ↓pyghmi.ipmi.command\n",
            "↓from pyghmi.ipmi import command\n",
        ],
        nonTriggering: [
            "import redfish\n",
            "import pyghmi_docs\n",
        ]
    )

    static let modules: Set<String> = ["pyghmi"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
