import PythonSyntax

/// B318: `xml.dom.minidom` parsing untrusted XML.
struct MinidomRule: Rule {
    static let description = RuleDescription(
        code: "ASC318", name: "xml-bad-minidom", banditID: "B318", cwe: 611, severity: .medium, confidence: .high,
        rationale: XMLParsing.rationale,
        fixAvailable: true,
        triggering: [
            "from xml.dom import minidom\ndoc = ↓minidom.parseString(body)\n",
            "import xml.dom.minidom\ndoc = ↓xml.dom.minidom.parse(path)\n",
        ],
        nonTriggering: [
            "from defusedxml import minidom\ndoc = minidom.parseString(body)\n",
            "from xml.dom import minidom\ndoc = minidom.Document()\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.dom.minidom", ["parse", "parseString"]) }

    func check(call: CallSite, context: inout RuleContext) {
        XMLParsing.check(call, module: "xml.dom.minidom", context: &context)
    }
}
