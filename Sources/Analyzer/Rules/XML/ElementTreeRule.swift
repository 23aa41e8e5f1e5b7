import PythonSyntax

/// B314: `xml.etree.ElementTree` parsing untrusted XML.
struct ElementTreeRule: Rule {
    static let description = RuleDescription(
        code: "ASC314", name: "xml-bad-elementtree", banditID: "B314", cwe: 611, severity: .medium, confidence: .high,
        rationale: XMLParsing.rationale,
        fixAvailable: true,
        triggering: [
            "import xml.etree.ElementTree as ET\nroot = ↓ET.fromstring(request.data)\n",
            "from xml.etree import ElementTree\ntree = ↓ElementTree.parse(upload)\n",
        ],
        nonTriggering: [
            "import defusedxml.ElementTree as ET\nroot = ET.fromstring(request.data)\n",
            "import xml.etree.ElementTree as ET\nnode = ET.Element(\"item\")\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.etree.ElementTree", ["parse", "iterparse", "fromstring", "fromstringlist", "XML", "XMLParser"]) }

    func check(call: CallSite, context: inout RuleContext) {
        XMLParsing.check(call, module: "xml.etree.ElementTree", context: &context)
    }
}
