import PythonSyntax

/// B406: importing xml.sax; a low-severity pointer to code worth reviewing.
struct ImportXMLSaxRule: Rule {
    static let description = RuleDescription(
        code: "ASC406", name: "import-xml-sax", banditID: "B406", cwe: 611, severity: .low, confidence: .high,
        rationale: "xml.sax parsers expand entities and can resolve external ones. Import defusedxml.sax for untrusted documents.",
        optIn: true,  // only a pointer to code worth reviewing: on when a policy names it
        triggering: [
            "import ↓xml.sax\n",
            "↓from xml.sax import make_parser\n",
        ],
        nonTriggering: [
            "import defusedxml.sax\n",
            "from xml.dom import Node\n",
        ]
    )

    static let modules: Set<String> = ["xml.sax"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
