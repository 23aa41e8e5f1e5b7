import PythonSyntax

/// B315: `xml.sax.expatreader` parsing untrusted XML.
struct ExpatReaderRule: Rule {
    static let description = RuleDescription(
        code: "ASC315", name: "xml-bad-expatreader", banditID: "B315", cwe: 611, severity: .medium, confidence: .high,
        rationale: XMLParsing.rationale,
        fixAvailable: true,
        triggering: [
            "import xml.sax.expatreader\nparser = ↓xml.sax.expatreader.create_parser()\n",
            "from xml.sax.expatreader import create_parser\np = ↓create_parser()\n",
        ],
        nonTriggering: [
            "import defusedxml.expatreader\nparser = defusedxml.expatreader.create_parser()\n",
            "create_parser()\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.sax.expatreader", ["create_parser"]) }

    func check(call: CallSite, context: inout RuleContext) {
        XMLParsing.check(call, module: "xml.sax.expatreader", context: &context)
    }
}
