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
            // Reported where the parser then parses, in the function or where a helper's parser is used.
            "import xml.sax\nfrom xml.sax.handler import feature_external_ges, feature_external_pes\n\ndef load(data, handler):\n    parser = xml.sax.make_parser()\n    parser.setFeature(feature_external_ges, True)\n    parser.setFeature(feature_external_pes, True)\n    parser.setContentHandler(handler)\n    ↓parser.parse(data)\n",
            "import xml.sax\nfrom xml.sax.handler import feature_external_ges\n\ndef make(handler):\n    parser = xml.sax.make_parser()\n    parser.setFeature(feature_external_ges, True)\n    return parser\n\ndef load(data, handler):\n    reader = make(handler)\n    ↓reader.parse(data)\n",
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
            guard case .expr(let expression) = node, let (receiver, on) = setting(expression, imports: imports) else { return true }
            if let parser, case .name(let id, _) = receiver.kind, id != parser { return true }
            settings.append(on)
            return true
        }
        return settings
    }

    /// `receiver.setFeature(<an external-entity feature>, <constant>)`: the receiver, and whether
    /// the constant turns the feature on.
    static func setting(_ expression: Expr, imports: ImportTable) -> (receiver: Expr, on: Bool)? {
        guard case .call(let function, let arguments, _) = expression.kind, case .attribute(let receiver, "setFeature", _) = function.kind,
              arguments.count == 2, case .constant(let value, _) = arguments[1].kind, value != .none,
              features.contains(arguments[0].stringConstant ?? imports.qualifiedName(of: arguments[0]) ?? "") else { return nil }
        return (receiver, arguments[1].isTruthyConstant)
    }

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.call] }
    var requiredImports: [String] { ["xml.sax"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, expression.calledAttribute == "setFeature",
              let (receiver, on) = Self.setting(expression, imports: context.imports), on else { return }
        // The XXE happens where the parser reads the document: reported there when that is
        // found (once for every enabling call before it), else at the setting.
        let module = context.parsed.module
        if case .name(let parser, _) = receiver.kind {
            let scope = module.scopeBody(around: expression.loc.startByte)
            if Self.enablesEarlier(parser, before: expression.loc.startByte, in: scope, imports: context.imports) { return }
            var parses = Self.parses(of: parser, after: expression.loc.endByte, in: scope).prefix(1).map { $0 }
            if parses.isEmpty, SQLStringBuildingRule.returnedPlace(of: parser, in: scope) == .some(nil),
               let helper = module.functionName(around: expression.loc.startByte) {
                parses = Self.parses(ofResultOf: helper, in: module)
            }
            if !parses.isEmpty {
                for parse in parses {
                    context.report(parse.loc, "SAX parser set to fetch external entities (line \(expression.loc.lineno)) parses a document (XXE)",
                                   flow: [Finding.FlowStep(line: expression.loc.lineno, column: expression.loc.colOffset + 1, note: "external entities turned on here")],
                                   fixHint: "leave external entities off, or use defusedxml.sax")
                }
                return
            }
        }
        context.report(expression.loc, "SAX parser set to fetch external entities (XXE)",
                       fixHint: "leave external entities off, or use defusedxml.sax")
    }

    /// Whether an external-entity feature of `parser` was turned on before byte `position`.
    private static func enablesEarlier(_ parser: String, before position: Int, in body: [Stmt], imports: ImportTable) -> Bool {
        var found = false
        ScopeWalk.walk(body) { node in
            guard !found else { return false }
            if case .expr(let expression) = node, expression.loc.startByte < position, let (receiver, on) = setting(expression, imports: imports),
               on, case .name(parser, _) = receiver.kind {
                found = true
            }
            return !found
        }
        return found
    }

    /// `parser.parse(...)` calls after byte `position` in `body` (nested definitions aside).
    private static func parses(of parser: String, after position: Int, in body: [Stmt]) -> [Expr] {
        var found: [Expr] = []
        ScopeWalk.walk(body) { node in
            if case .expr(let expression) = node, expression.loc.startByte >= position, expression.calledAttribute == "parse",
               case .call(let function, _, _) = expression.kind, case .attribute(let receiver, _, _) = function.kind,
               case .name(parser, _) = receiver.kind {
                found.append(expression)
            }
            return true
        }
        return found
    }

    /// The `parse` calls on a name bound once to what `helper(...)` returns, in the function
    /// (or top level) that binds it.
    private static func parses(ofResultOf helper: String, in module: Module) -> [Expr] {
        var found: [Expr] = []
        module.walk { node in
            if case .expr(let expression) = node, expression.calledAttribute == "parse",
               case .call(let function, _, _) = expression.kind, case .attribute(let receiver, _, _) = function.kind,
               case .name(let id, _) = receiver.kind, module.holdsResult(of: helper, name: id, at: expression.loc.startByte) {
                found.append(expression)
            }
            return true
        }
        return found
    }
}
