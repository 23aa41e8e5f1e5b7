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
            "import xml.sax\nfrom xml.sax.handler import feature_external_ges\ndef titles(stream):\n    parser = xml.sax.make_parser()\n    parser.setFeature(feature_external_ges, False)\n    parser.parse(stream)\n",
            // Reported where entities are turned on instead (ASC3611).
            "import xml.sax\nfrom xml.sax.handler import feature_external_ges\ndef titles(stream):\n    parser = xml.sax.make_parser()\n    parser.setFeature(feature_external_ges, True)\n    parser.parse(stream)\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.sax", ["parse", "parseString", "make_parser"]) }

    func check(call: CallSite, context: inout RuleContext) {
        // A parser whose code turns external entities off, as the XXE advice says: the author
        // dealt with it (and expat has limited entity expansion since 2.4.1). One turning them
        // on is reported where it does (ASC3611, and the parse of untrusted data): this alarm
        // would say the same a third time.
        if call.qualifiedName.hasSuffix("make_parser"),
           !SAXExternalEntitiesRule.externalEntitySettings(on: nil, around: call.expression.loc.startByte, in: context.parsed.module,
                                                          imports: context.imports).isEmpty {
            return
        }
        XMLParsing.check(call, module: "xml.sax", context: &context)
    }
}
