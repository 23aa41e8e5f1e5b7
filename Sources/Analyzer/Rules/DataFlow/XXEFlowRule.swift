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
        ],
        nonTriggering: [
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
        Self.functions.contains(call.qualifiedName) ? Array(call.arguments.prefix(1)) : []
    }
}
