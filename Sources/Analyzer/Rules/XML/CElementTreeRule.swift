import PythonSyntax

/// B313: `xml.etree.cElementTree` parsing untrusted XML.
struct CElementTreeRule: Rule {
    static let description = RuleDescription(
        code: "ASC313", name: "xml-bad-celementtree", banditID: "B313", cwe: 611, severity: .medium, confidence: .high,
        rationale: XMLParsing.rationale,
        fixAvailable: true,
        triggering: [
            "import xml.etree.cElementTree as ET\ntree = ↓ET.parse(path)\n",
            "from xml.etree.cElementTree import fromstring\nroot = ↓fromstring(body)\n",
        ],
        nonTriggering: [
            "import defusedxml.cElementTree as ET\ntree = ET.parse(path)\n",
            "import xml.etree.cElementTree as ET\nroot = ET.fromstring(\"<a/>\")\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.etree.cElementTree", ["parse", "iterparse", "fromstring", "XMLParser"]) }

    func check(call: CallSite, context: inout RuleContext) {
        XMLParsing.check(call, module: "xml.etree.cElementTree", context: &context)
    }
}
