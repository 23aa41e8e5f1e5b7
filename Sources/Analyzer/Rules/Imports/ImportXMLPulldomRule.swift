import PythonSyntax

/// B409: importing xml.dom.pulldom; a low-severity pointer to code worth reviewing.
struct ImportXMLPulldomRule: Rule {
    static let description = RuleDescription(
        code: "ASC409", name: "import-xml-pulldom", banditID: "B409", cwe: 611, severity: .low, confidence: .high,
        rationale: "xml.dom.pulldom expands entities in untrusted XML. Import defusedxml.pulldom instead.",
        optIn: true,  // only a pointer to code worth reviewing: on when a policy names it
        triggering: [
            "import ↓xml.dom.pulldom\n",
            "from xml.dom import ↓pulldom\n",
        ],
        nonTriggering: [
            "from defusedxml import pulldom\n",
            "from xml.dom import Node\n",
        ]
    )

    static let modules: Set<String> = ["xml.dom.pulldom"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
