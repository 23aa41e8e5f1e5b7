import PythonSyntax

/// B405: importing xml.etree.ElementTree / xml.etree.cElementTree; a low-severity pointer to code worth reviewing.
struct ImportXMLEtreeRule: Rule {
    static let description = RuleDescription(
        code: "ASC405", name: "import-xml-etree", banditID: "B405", cwe: 611, severity: .low, confidence: .high,
        rationale: "xml.etree parsers expand entities, so untrusted XML can exhaust memory. Import defusedxml.ElementTree for untrusted documents.",
        optIn: true,  // only a pointer to code worth reviewing: on when a policy names it
        triggering: [
            "import ↓xml.etree.ElementTree as ET\n",
            "from xml.etree import ↓cElementTree\n",
        ],
        nonTriggering: [
            "import defusedxml.ElementTree as ET\n",
            "import xml\n",
        ]
    )

    static let modules: Set<String> = ["xml.etree.ElementTree", "xml.etree.cElementTree"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
