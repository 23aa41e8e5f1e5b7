import PythonSyntax

/// B316: `xml.dom.expatbuilder` parsing untrusted XML.
struct ExpatBuilderRule: Rule {
    static let description = RuleDescription(
        code: "ASC316", name: "xml-bad-expatbuilder", banditID: "B316", cwe: 611, severity: .medium, confidence: .high,
        rationale: XMLParsing.rationale,
        fixAvailable: true,
        triggering: [
            "import xml.dom.expatbuilder\ndoc = ↓xml.dom.expatbuilder.parse(path)\n",
            "from xml.dom.expatbuilder import parseString\ndoc = ↓parseString(body)\n",
        ],
        nonTriggering: [
            "import defusedxml.expatbuilder\ndoc = defusedxml.expatbuilder.parse(path)\n",
            "from xml.dom.expatbuilder import parseString\ndoc = parseString(\"<a/>\")\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.dom.expatbuilder", ["parse", "parseString"]) }

    func check(call: CallSite, context: inout RuleContext) {
        XMLParsing.check(call, module: "xml.dom.expatbuilder", context: &context)
    }
}
