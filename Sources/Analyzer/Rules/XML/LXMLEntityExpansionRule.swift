import PythonSyntax

/// lxml parsers that resolve entities or load DTDs.
struct LXMLEntityExpansionRule: Rule {
    static let description = RuleDescription(
        code: "ASC2611", name: "lxml-entity-resolution", cwe: 611, severity: .medium, confidence: .medium,
        rationale: """
        lxml's XMLParser resolves entities unless told not to; with resolve_entities=True, \
        load_dtd=True or no_network=False a document can read local files, reach the network or \
        expand entities without bound. Create the parser with resolve_entities=False (and keep \
        no_network=True), or parse with defusedxml.lxml.
        """,
        fixAvailable: true,
        triggering: [
            "from lxml import etree\nparser = ↓etree.XMLParser(resolve_entities=True)\n",
            "from lxml import etree\nparser = ↓etree.XMLParser()\ntree = etree.parse(\"c.xml\", parser)\n",
            "import lxml.etree\nparser = ↓lxml.etree.XMLParser(load_dtd=True, no_network=False)\n",
            // Reported where a document is parsed with it, here or through a helper.
            "from lxml import etree\n\nclass Reader:\n    def __init__(self):\n        self._parser = etree.XMLParser(resolve_entities=True)\n\n    def read(self, raw):\n        return ↓etree.fromstring(raw, self._parser)\n",
            "from lxml import etree\n\nclass Import:\n    parser = etree.XMLParser(no_network=False)\n\n    def load(self, body):\n        return ↓etree.fromstring(body, self.parser)\n",
            "from lxml import etree\nPARSER = etree.XMLParser(load_dtd=True)\n\ndef read(raw):\n    return ↓etree.fromstring(raw, parser=PARSER)\n",
            "from lxml import etree\n\ndef marc_parser():\n    return etree.XMLParser(resolve_entities=True, load_dtd=True)\n\ndef load(path):\n    parser = marc_parser()\n    return ↓etree.parse(str(path), parser)\n",
        ],
        nonTriggering: [
            "from lxml import etree\nparser = etree.XMLParser(resolve_entities=False)\n",
            "from lxml import etree\nparser = etree.XMLParser(resolve_entities=False, no_network=True)\n",
            "import xml.etree.ElementTree as ET\nparser = ET.XMLParser()\n",
        ]
    )

    var callees: Set<String> { ["lxml.etree.XMLParser", "lxml.etree.XMLPullParser", "lxml.etree.ETCompatXMLParser"] }

    func check(call: CallSite, context: inout RuleContext) {
        let resolve = call.argument("resolve_entities")
        let dangerous = resolve?.isTruthyConstant == true
            || call.argument("load_dtd")?.isTruthyConstant == true
            || call.argument("no_network")?.boolConstant == false
            || call.argument("huge_tree")?.isTruthyConstant == true
        if dangerous {
            // The XXE happens where a document is parsed with it: reported there when this file
            // does so (the parser bound to a name, or returned by a helper), else here.
            let parses = Self.parses(with: call.expression, module: context.parsed.module, imports: context.imports)
            for parse in parses {
                context.report(parse.loc, "lxml parser set to resolve entities, load DTDs or use the network (line \(call.expression.loc.lineno)) parses a document (XXE)",
                               severity: .high, confidence: .high,
                               flow: [Finding.FlowStep(line: call.expression.loc.lineno, column: call.expression.loc.colOffset + 1, note: "parser made here")],
                               fixHint: "pass resolve_entities=False and keep no_network=True")
            }
            if !parses.isEmpty { return }
            context.report(call.expression.loc, "lxml parser set to resolve entities, load DTDs or use the network (XXE)", severity: .high,
                           confidence: .high, fixHint: "pass resolve_entities=False and keep no_network=True")
        } else if resolve == nil, !call.hasKeywordSplat {
            context.report(call.expression.loc, "lxml parser resolves entities by default (entity expansion)",
                           fixHint: "pass resolve_entities=False")
        }
    }

    static let parseFunctions: Set<String> = ["lxml.etree.parse", "lxml.etree.fromstring", "lxml.etree.XML", "lxml.etree.iterparse"]

    /// The parse calls given the parser `made` makes: through the one name it is bound to in
    /// its function (`parser = etree.XMLParser(...)` … `etree.parse(path, parser)`), or through
    /// a name bound once to what the helper returning it gives (`tree = etree.parse(p, make_parser())`
    /// counts too). Only calls passing it as the parser (second argument or `parser=`).
    static func parses(with made: Expr, module: Module, imports: ImportTable) -> [Expr] {
        // What stands for the parser: (name, position in its scope) pairs, and helper names.
        var names: [(String, Int)] = []
        var helpers: [String] = []
        // `self._parser = etree.XMLParser(...)` in a constructor, used by the class's methods.
        var attributes: [String] = []
        module.walk { node in
            guard case .stmt(let statement) = node else { return true }
            switch statement.kind {
            case .assign(let targets, let value) where value.loc == made.loc && targets.count == 1:
                if case .name(let id, _) = targets[0].kind { names.append((id, value.loc.startByte)) }
                if case .attribute(let owner, let attr, _) = targets[0].kind, case .name("self", _) = owner.kind { attributes.append(attr) }
            case .return(let value?) where value.loc == made.loc:
                if let helper = module.functionName(around: value.loc.startByte) { helpers.append(helper) }
            default:
                break
            }
            return true
        }
        // A class's own `parser = etree.XMLParser(...)`, read as `self.parser`.
        for statement in module.body {
            guard case .classDef(_, _, _, let members, _, _) = statement.kind else { continue }
            for member in members {
                if case .assign(let targets, let value) = member.kind, value.loc == made.loc, targets.count == 1,
                   case .name(let id, _) = targets[0].kind { attributes.append(id) }
            }
        }
        guard !names.isEmpty || !helpers.isEmpty || !attributes.isEmpty else { return [] }
        func isParser(_ argument: Expr) -> Bool {
            switch argument.kind {
            case .name(let id, _):
                // Bound in the same function, or at the top level (`PARSER = etree.XMLParser(...)`).
                if names.contains(where: { name in
                    guard name.0 == id else { return false }
                    let scope = module.innermostFunction(around: name.1)?.loc
                    if scope == module.innermostFunction(around: argument.loc.startByte)?.loc { return true }
                    // The top level's, unless the function binds the name itself.
                    return scope == nil && !module.bindsLocally(id, inFunctionAround: argument.loc.startByte)
                }) {
                    return true
                }
                return helpers.contains { module.holdsResult(of: $0, name: id, at: argument.loc.startByte) }
            case .call(let function, _, _):
                if case .name(let callee, _) = function.kind { return helpers.contains(callee) }
                return false
            case .attribute(let owner, let attr, _):
                guard case .name("self", _) = owner.kind else { return false }
                return attributes.contains(attr)
            default:
                return false
            }
        }
        var found: [Expr] = []
        module.walk { node in
            guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind,
                  let name = imports.qualifiedName(of: function), parseFunctions.contains(name) else { return true }
            let parser = keywords.first(where: { $0.arg == "parser" })?.value ?? (arguments.count > 1 ? arguments[1] : nil)
            if let parser, isParser(parser) { found.append(expression) }
            return true
        }
        return found
    }
}
