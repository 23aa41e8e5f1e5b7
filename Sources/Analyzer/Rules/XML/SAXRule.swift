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
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.sax", ["parse", "parseString", "make_parser"]) }

    func check(call: CallSite, context: inout RuleContext) {
        // A parser whose code turns external entities off, as the XXE advice says: the author
        // dealt with it (and expat has limited entity expansion since 2.4.1).
        if call.qualifiedName.hasSuffix("make_parser"), Self.turnsExternalEntitiesOff(around: call.expression.loc.startByte, context: context) {
            return
        }
        XMLParsing.check(call, module: "xml.sax", context: &context)
    }

    /// Whether the function around `position` (or the top level) calls
    /// `setFeature(feature_external_ges, False)`.
    static func turnsExternalEntitiesOff(around position: Int, context: RuleContext) -> Bool {
        var body = context.parsed.module.body
        if let function = context.parsed.module.innermostFunction(around: position),
           case .functionDef(_, _, let inner, _, _, _, _) = function.kind { body = inner }
        var found = false
        ScopeWalk.walk(body) { node in
            guard !found else { return false }
            guard case .expr(let expression) = node, expression.calledAttribute == "setFeature",
                  case .call(_, let arguments, _) = expression.kind, arguments.count == 2,
                  case .constant(let value, _) = arguments[1].kind, !arguments[1].isTruthyConstant,
                  value != .none else { return true }
            let feature = arguments[0].stringConstant ?? context.imports.qualifiedName(of: arguments[0]) ?? ""
            if feature == "xml.sax.handler.feature_external_ges" || feature == "http://xml.org/sax/features/external-general-entities" {
                found = true
            }
            return true
        }
        return found
    }
}
