import PythonSyntax

/// A SAX parser told to fetch external entities (`feature_external_ges` or `_pes` set to True).
struct SAXExternalEntitiesRule: Rule {
    static let description = RuleDescription(
        code: "ASC3611", name: "sax-external-entities", cwe: 611, severity: .high, confidence: .high,
        rationale: """
        Since Python 3.7.1 xml.sax leaves external entities alone; turning \
        feature_external_ges (or feature_external_pes) on again lets a document name a local \
        file or a URL and have its content parsed in (XXE). Leave the feature off, or parse \
        untrusted XML with defusedxml.sax.
        """,
        triggering: [
            "import xml.sax\nfrom xml.sax.handler import feature_external_ges\nparser = xml.sax.make_parser()\n↓parser.setFeature(feature_external_ges, True)\n",
            "import xml.sax\nparser = xml.sax.make_parser()\n↓parser.setFeature(\"http://xml.org/sax/features/external-general-entities\", 1)\n",
        ],
        nonTriggering: [
            "import xml.sax\nfrom xml.sax.handler import feature_external_ges\nparser = xml.sax.make_parser()\nparser.setFeature(feature_external_ges, False)\n",
            "import xml.sax\nfrom xml.sax.handler import feature_namespaces\nparser = xml.sax.make_parser()\nparser.setFeature(feature_namespaces, True)\n",
        ]
    )

    static let features: Set<String> = [
        "xml.sax.handler.feature_external_ges", "xml.sax.handler.feature_external_pes",
        "http://xml.org/sax/features/external-general-entities", "http://xml.org/sax/features/external-parameter-entities",
    ]

    /// The values the function around `position` (or the top level) sets the external-entity
    /// features to, on `parser` (any receiver when nil): `[true]` for
    /// `parser.setFeature(feature_external_ges, True)`.
    static func externalEntitySettings(on parser: String?, around position: Int, in module: Module, imports: ImportTable) -> [Bool] {
        var settings: [Bool] = []
        ScopeWalk.walk(module.scopeBody(around: position)) { node in
            guard case .expr(let expression) = node, case .call(let function, let arguments, _) = expression.kind,
                  case .attribute(let receiver, "setFeature", _) = function.kind, arguments.count == 2,
                  case .constant(let value, _) = arguments[1].kind, value != .none else { return true }
            if let parser, case .name(let id, _) = receiver.kind, id != parser { return true }
            let feature = arguments[0].stringConstant ?? imports.qualifiedName(of: arguments[0]) ?? ""
            if features.contains(feature) { settings.append(arguments[1].isTruthyConstant) }
            return true
        }
        return settings
    }

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.call] }
    var requiredImports: [String] { ["xml.sax"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, expression.calledAttribute == "setFeature",
              case .call(_, let arguments, _) = expression.kind, arguments.count == 2, arguments[1].isTruthyConstant else { return }
        let feature = arguments[0].stringConstant ?? context.imports.qualifiedName(of: arguments[0]) ?? ""
        guard Self.features.contains(feature) else { return }
        context.report(expression.loc, "SAX parser set to fetch external entities (XXE)",
                       fixHint: "leave external entities off, or use defusedxml.sax")
    }
}
