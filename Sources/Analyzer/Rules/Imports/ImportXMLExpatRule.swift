import PythonSyntax

/// B407: importing xml.dom.expatbuilder; a low-severity pointer to code worth reviewing.
struct ImportXMLExpatRule: Rule {
    static let description = RuleDescription(
        code: "ASC407", name: "import-xml-expat", banditID: "B407", cwe: 611, severity: .low, confidence: .high,
        rationale: "xml.dom.expatbuilder expands entities in untrusted XML. Import defusedxml.expatbuilder instead.",
        optIn: true,  // only a pointer to code worth reviewing: on when a policy names it
        triggering: [
            "import ↓xml.dom.expatbuilder\n",
            "from xml.dom import ↓expatbuilder\n",
        ],
        nonTriggering: [
            "import defusedxml.expatbuilder\n",
            "from xml.dom import Node\n",
        ]
    )

    static let modules: Set<String> = ["xml.dom.expatbuilder"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
