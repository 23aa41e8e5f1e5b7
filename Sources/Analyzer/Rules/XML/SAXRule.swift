import PythonSyntax

/// B317: `xml.sax` parsing untrusted XML.
struct SAXRule: Rule {
    static let description = RuleDescription(
        code: "ASC317", name: "xml-bad-sax", banditID: "B317", cwe: 611, severity: .medium, confidence: .high,
        rationale: XMLParsing.rationale,
        fixAvailable: true,
        triggering: [
            "import xml.sax\n↓xml.sax.parse(stream, handler)\n",
            "from xml.sax import make_parser\nparser = ↓make_parser()\n",
        ],
        nonTriggering: [
            "import defusedxml.sax\ndefusedxml.sax.parse(stream, handler)\n",
            "import xml.sax\nxml.sax.parseString(b\"<a/>\", handler)\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.sax", ["parse", "parseString", "make_parser"]) }

    func check(call: CallSite, context: inout RuleContext) {
        XMLParsing.check(call, module: "xml.sax", context: &context)
    }
}
