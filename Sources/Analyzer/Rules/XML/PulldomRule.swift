import PythonSyntax

/// B319: `xml.dom.pulldom` parsing untrusted XML.
struct PulldomRule: Rule {
    static let description = RuleDescription(
        code: "ASC319", name: "xml-bad-pulldom", banditID: "B319", cwe: 611, severity: .medium, confidence: .high,
        rationale: XMLParsing.rationale,
        fixAvailable: true,
        triggering: [
            "from xml.dom import pulldom\nevents = ↓pulldom.parse(stream)\n",
            "from xml.dom.pulldom import parseString\nevents = ↓parseString(body)\n",
        ],
        nonTriggering: [
            "from defusedxml import pulldom\nevents = pulldom.parse(stream)\n",
            "from xml.dom import pulldom\nevents = pulldom.parseString(\"<a/>\")\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.dom.pulldom", ["parse", "parseString"]) }

    func check(call: CallSite, context: inout RuleContext) {
        XMLParsing.check(call, module: "xml.dom.pulldom", context: &context)
    }
}
