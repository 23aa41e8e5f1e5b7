import PythonSyntax

/// B408: importing xml.dom.minidom; a low-severity pointer to code worth reviewing.
struct ImportXMLMinidomRule: Rule {
    static let description = RuleDescription(
        code: "ASC408", name: "import-xml-minidom", banditID: "B408", cwe: 611, severity: .low, confidence: .high,
        rationale: "xml.dom.minidom expands entities in untrusted XML. Import defusedxml.minidom instead.",
        optIn: true,  // only a pointer to code worth reviewing: on when a policy names it
        triggering: [
            "import ↓xml.dom.minidom\n",
            "from xml.dom import ↓minidom\n",
        ],
        nonTriggering: [
            "from defusedxml import minidom\n",
            "from xml.dom import Node\n",
        ]
    )

    static let modules: Set<String> = ["xml.dom.minidom"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
