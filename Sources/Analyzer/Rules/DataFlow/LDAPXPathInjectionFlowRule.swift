import PythonSyntax

/// Untrusted data in an LDAP search filter.
struct LDAPInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1090", name: "ldap-injection-flow", cwe: 90, severity: .high, confidence: .medium,
        rationale: """
        A filter built from untrusted data can widen the search ((uid=*)) or bypass a login \
        check. Escape values with ldap.filter.escape_filter_chars (ldap3.utils.conv.escape_filter_chars).
        """,
        triggering: [
            "import ldap\nfrom flask import request\n\ndef find():\n    conn = ldap.initialize(\"ldap://x\")\n    user = request.args[\"user\"]\n    return ↓conn.search_s(\"dc=x\", ldap.SCOPE_SUBTREE, \"(uid=\" + user + \")\")\n",
            "import ldap3, sys\nconn = ldap3.Connection(\"x\")\n↓conn.search(\"dc=x\", f\"(cn={sys.argv[1]})\")\n",
        ],
        nonTriggering: [
            "import ldap\nfrom ldap.filter import escape_filter_chars\nfrom flask import request\n\ndef find():\n    conn = ldap.initialize(\"ldap://x\")\n    return conn.search_s(\"dc=x\", ldap.SCOPE_SUBTREE, \"(uid=\" + escape_filter_chars(request.args[\"user\"]) + \")\")\n",
            "import ldap\nconn = ldap.initialize(\"ldap://x\")\nconn.search_s(\"dc=x\", ldap.SCOPE_SUBTREE, \"(uid=admin)\")\n",
        ]
    )

    var sinkNoun: String { "an LDAP filter" }

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        guard imports.imports("ldap") || imports.imports("ldap3"), let method = SinkMatching.method(call) else { return [] }
        switch method {
        case "search_s", "search_st", "search_ext", "search_ext_s", "search":
            if imports.imports("ldap3") && !imports.imports("ldap") {
                return call.argument("search_filter", position: 1).map { [$0] } ?? []
            }
            return call.argument("filterstr", position: 2).map { [$0] } ?? []
        default:
            return []
        }
    }
}

/// Untrusted data in an XPath expression.
struct XPathInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1643", name: "xpath-injection-flow", cwe: 643, severity: .high, confidence: .medium,
        rationale: """
        An XPath expression built from untrusted data can select other nodes (' or '1'='1). \
        Pass values as XPath variables: tree.xpath("//user[@name=$name]", name=value).
        """,
        triggering: [
            // A method of a module-level instance, made again on reload (`global catalog`).
            "from bottle import request, route\nfrom lxml import etree\n\nclass Catalog:\n    def __init__(self, path):\n        self.tree = etree.parse(path)\n\n    def styles(self, precinct):\n        expr = f\"//style[@precinct='{precinct}']\"\n        return ↓self.tree.xpath(expr)\n\ncatalog = Catalog(\"/srv/styles.xml\")\n\n@route(\"/ballot\")\ndef ballot():\n    return {\"n\": len(catalog.styles(request.query.get(\"precinct\")))}\n\n@route(\"/reload\", method=\"POST\")\ndef reload():\n    global catalog\n    catalog = Catalog(\"/srv/styles.xml\")\n    return {}\n",
            "from lxml import etree\nfrom flask import request\n\ndef find(tree):\n    user = request.args[\"user\"]\n    return ↓tree.xpath(\"//user[@name='\" + user + \"']\")\n",
            "from lxml import etree\nimport sys\ntree = etree.parse(\"users.xml\")\n↓tree.xpath(f\"//user[@id={sys.argv[1]}]\")\n",
            "import xml.etree.ElementTree as ET\nfrom flask import request\nroot = ET.parse(\"users.xml\").getroot()\n\ndef find():\n    query = \"./user/[@name='\" + request.args[\"name\"] + \"']\"\n    return list(↓root.findall(query))\n",
        ],
        nonTriggering: [
            "from lxml import etree\nfrom flask import request\n\ndef find(tree):\n    return tree.xpath(\"//user[@name=$name]\", name=request.args[\"user\"])\n",
            "from lxml import etree\ntree = etree.parse(\"users.xml\")\ntree.xpath(\"//user\")\n",
            "import re, xml.etree.ElementTree as ET\nfrom flask import request\nwords = re.compile(\"[a-z]+\")\n\ndef find():\n    return words.findall(request.args[\"text\"])\n",
        ]
    )

    var sinkNoun: String { "an XPath expression" }

    /// ElementTree's path methods, which take an XPath subset (`[@name='x']` included).
    static let elementPathMethods: Set<String> = ["find", "findall", "iterfind", "findtext"]
    /// How the interpreter names such a call on a parsed tree (`TaintEngine.xmlElements`).
    static let elementPrefix = "xml.etree.ElementTree.Element."

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        if call.qualifiedName == "lxml.etree.XPath" { return SinkMatching.first(call, keyword: "path") }
        if call.qualifiedName.hasPrefix(Self.elementPrefix) { return SinkMatching.first(call, keyword: "path") }
        guard SinkMatching.method(call) == "xpath" else { return [] }
        return SinkMatching.first(call, keyword: "_path")
    }
}
