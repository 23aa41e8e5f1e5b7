import PythonSyntax

/// B411: importing xmlrpc / xmlrpclib / SimpleXMLRPCServer / DocXMLRPCServer; a low-severity pointer to code worth reviewing.
struct ImportXMLRPCRule: Rule {
    static let description = RuleDescription(
        code: "ASC411", name: "import-xmlrpc", banditID: "B411", cwe: 611, severity: .low, confidence: .high,
        rationale: "XML-RPC parses XML from the network with the vulnerable standard parsers. Call defusedxml.xmlrpc.monkey_patch() at start-up, or use a JSON API.",
        triggering: [
            "import ↓xmlrpc.client\n",
            "↓from xmlrpc.server import SimpleXMLRPCServer\n",
        ],
        nonTriggering: [
            "import defusedxml.xmlrpc\n",
            "import json\n",
        ]
    )

    static let modules: Set<String> = ["xmlrpc", "xmlrpclib", "SimpleXMLRPCServer", "DocXMLRPCServer"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
