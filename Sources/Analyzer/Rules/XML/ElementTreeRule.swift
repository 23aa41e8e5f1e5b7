import PythonSyntax

/// B314: `xml.etree.ElementTree` parsing untrusted XML.
struct ElementTreeRule: Rule {
    static let description = RuleDescription(
        code: "ASC314", name: "xml-bad-elementtree", banditID: "B314", cwe: 611, severity: .medium, confidence: .high,
        rationale: XMLParsing.rationale,
        fixAvailable: true,
        triggering: [
            "import xml.etree.ElementTree as ET\nroot = ↓ET.fromstring(request.data)\n",
            "from xml.etree import ElementTree\ntree = ↓ElementTree.parse(upload)\n",
            // Next to the module, but named by the caller: anyone's document.
            "import os\nimport xml.etree.ElementTree as ET\nHERE = os.path.dirname(__file__)\n\ndef load(name):\n    return ↓ET.parse(os.path.join(HERE, name))\n",
        ],
        nonTriggering: [
            "import defusedxml.ElementTree as ET\nroot = ET.fromstring(request.data)\n",
            "import xml.etree.ElementTree as ET\nnode = ET.Element(\"item\")\n",
            // A document the package ships, read next to the module or through its resources.
            "import os\nimport xml.etree.ElementTree as ET\nHERE = os.path.dirname(__file__)\ntree = ET.parse(os.path.join(HERE, \"codes.xml\"))\n",
            "import xml.etree.ElementTree as ET\nfrom importlib import resources\n\ndef load():\n    with resources.files(\"geo\").joinpath(\"codes.xml\").open(\"rb\") as fh:\n        return ET.parse(fh)\n",
        ]
    )

    var callees: Set<String> { XMLParsing.names("xml.etree.ElementTree", ["parse", "iterparse", "fromstring", "fromstringlist", "XML", "XMLParser"]) }

    func check(call: CallSite, context: inout RuleContext) {
        XMLParsing.check(call, module: "xml.etree.ElementTree", context: &context)
    }
}
