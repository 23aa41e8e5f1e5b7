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
            context.report(call.expression.loc, "lxml parser set to resolve entities, load DTDs or use the network (XXE)", severity: .high,
                           confidence: .high, fixHint: "pass resolve_entities=False and keep no_network=True")
        } else if resolve == nil, !call.hasKeywordSplat {
            context.report(call.expression.loc, "lxml parser resolves entities by default (entity expansion)",
                           fixHint: "pass resolve_entities=False")
        }
    }
}
