import PythonSyntax

/// Untrusted XML given to a parser that expands entities.
struct XXEFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1611", name: "xml-external-entity-flow", cwe: 611, severity: .high, confidence: .medium,
        rationale: """
        Untrusted XML reaches a parser that resolves external entities or expands nested ones \
        (file disclosure, SSRF, billion laughs). Parse with defusedxml, or an lxml parser with \
        resolve_entities=False and no network.
        """,
        fixAvailable: true,
        triggering: [
            "from lxml import etree\nfrom flask import request\n\ndef upload():\n    doc = ↓etree.fromstring(request.data)\n    return doc.tag\n",
            "import xml.dom.minidom, sys\ndoc = ↓xml.dom.minidom.parseString(sys.stdin.read())\n",
            // A SAX parser a helper made and told to fetch external entities.
            "import xml.sax\nfrom xml.sax.handler import feature_external_ges\nfrom flask import request\n\ndef make_parser():\n    parser = xml.sax.make_parser()\n    parser.setFeature(feature_external_ges, True)\n    return parser\n\ndef upload():\n    parser = make_parser()\n    ↓parser.parse(request.files[\"doc\"])\n",
        ],
        nonTriggering: [
            "import lxml.etree\nfrom flask import request\n\ndef upload():\n    return lxml.etree.fromstring(request.get_data(), parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True))\n",
            "import defusedxml.ElementTree as ET\nfrom flask import request\n\ndef upload():\n    return ET.fromstring(request.data).tag\n",
            "from lxml import etree\ndoc = etree.fromstring(b\"<a/>\")\n",
        ]
    )

    var sinkNoun: String { "an XML parser" }

    static let functions: Set<String> = [
        "lxml.etree.fromstring", "lxml.etree.parse", "lxml.etree.XML", "lxml.etree.iterparse",
        "xml.etree.ElementTree.fromstring", "xml.etree.ElementTree.parse", "xml.etree.ElementTree.XML", "xml.etree.ElementTree.iterparse",
        "xml.etree.cElementTree.fromstring", "xml.etree.cElementTree.parse", "xml.dom.minidom.parseString", "xml.dom.minidom.parse",
        "xml.dom.pulldom.parseString", "xml.dom.pulldom.parse", "xml.sax.parseString", "xml.sax.parse", "xml.dom.expatbuilder.parseString",
    ]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        if let receiver = Self.saxParserReceiver(call) { return receiver.isEmpty ? [] : Array(call.arguments.prefix(1)) }
        guard Self.functions.contains(call.qualifiedName) else { return [] }
        if call.qualifiedName.hasPrefix("lxml."), let parser = call.argument("parser", position: 1), Self.isSafeLXMLParser(parser, imports: imports) {
            return []  // a parser that resolves no entities, loads no DTD and stays off the network
        }
        return Array(call.arguments.prefix(1))
    }

    /// The parser an lxml call is given (`etree.fromstring(data, parser)`), or the parser a
    /// `parser.parse(data)` call is made on.
    func configuringArguments(of call: CallSite) -> [Expr] {
        if let receiver = Self.saxParserReceiver(call), !receiver.isEmpty { return [Expr(.name(id: receiver, ctx: .load), call.function.loc)] }
        guard call.qualifiedName.hasPrefix("lxml."), let parser = call.argument("parser", position: 1) else { return [] }
        return [parser]
    }

    func sinkRequiresConfiguration(_ call: CallSite) -> Bool { Self.saxParserReceiver(call) != nil }

    func configurationMakesSafe(_ value: Expr, boundTo name: String, in module: Module, imports: ImportTable) -> Bool {
        // `parser = make_parser(handler)` of a function of this file returning the parser it
        // made and configured: as that function left it.
        if case .call(let function, _, _) = value.kind, case .name(let helper, _) = function.kind, imports.binding(of: helper) == nil,
           let returned = module.returnedValues(ofFunction: helper), !returned.isEmpty {
            let made = returned.map { result -> (String, Expr)? in
                guard case .name(let made, _) = result.kind, let assigned = module.onlyAssignment(of: made, inFunctionAround: result.loc.startByte),
                      case .call(let maker, _, _) = assigned.kind, let makerName = imports.qualifiedName(of: maker),
                      makerName.hasPrefix("xml.") || makerName.hasPrefix("lxml.") else { return nil }
                return (made, assigned)
            }
            if made.allSatisfy({ $0 != nil }) {
                return made.allSatisfy { configurationMakesSafe($0!.1, boundTo: $0!.0, in: module, imports: imports) }
            }
        }
        if case .call(let function, _, _) = value.kind, let maker = imports.qualifiedName(of: function) {
            if maker == "xml.sax.make_parser" {
                return !SAXExternalEntitiesRule.externalEntitySettings(on: name, around: value.loc.startByte, in: module, imports: imports).contains(true)
            }
            // `env = jinja2.Environment()` … `env.parse(body)`: no XML parser at all.
            if !maker.hasPrefix("lxml.") && !maker.hasPrefix("xml.") { return true }
        }
        return Self.isSafeLXMLParser(value, imports: imports)
    }

    /// `parser` of `parser.parse(x)` (a name no import binds, so it may hold a SAX parser made
    /// here); "" for a parse call on anything else; nil for other calls. A SAX parser reads
    /// external entities only once told to (Python 3.7.1 on), so the sink is one only for a
    /// parser the code made and turned them on for.
    static func saxParserReceiver(_ call: CallSite) -> String? {
        guard case .attribute(let receiver, "parse", _) = call.function.kind, !functions.contains(call.qualifiedName) else { return nil }
        guard case .name(let id, _) = receiver.kind else { return "" }
        return id
    }


    /// `lxml.etree.XMLParser(resolve_entities=False, ...)` written in the call, with no option
    /// that turns entities, DTDs or the network back on.
    static func isSafeLXMLParser(_ parser: Expr, imports: ImportTable) -> Bool {
        guard case .call(let function, _, let keywords) = parser.kind,
              imports.qualifiedName(of: function) == "lxml.etree.XMLParser" else { return false }
        func value(_ name: String) -> Expr? { keywords.first { $0.arg == name }?.value }
        guard value("resolve_entities")?.boolConstant == false else { return false }
        if value("load_dtd")?.isTruthyConstant == true || value("no_network")?.boolConstant == false || value("huge_tree")?.isTruthyConstant == true {
            return false
        }
        return !keywords.contains { $0.arg == nil }
    }
}
