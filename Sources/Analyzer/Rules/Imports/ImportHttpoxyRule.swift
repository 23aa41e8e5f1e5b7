import PythonSyntax

/// B412: importing wsgiref.handlers.CGIHandler / twisted.web.twcgi.CGIScript / twisted.web.twcgi.CGIDirectory; a low-severity pointer to code worth reviewing.
struct ImportHttpoxyRule: Rule {
    static let description = RuleDescription(
        code: "ASC412", name: "import-httpoxy", banditID: "B412", cwe: 284, severity: .low, confidence: .high,
        rationale: "CGI handlers copy the request's Proxy header into the HTTP_PROXY environment variable, so a client can redirect the server's outgoing requests (httpoxy). Serve through a WSGI server instead of CGI.",
        triggering: [
            "from wsgiref.handlers import ↓CGIHandler\n",
            "from twisted.web.twcgi import ↓CGIScript\n",
        ],
        nonTriggering: [
            "from wsgiref.handlers import SimpleHandler\n",
            "import wsgiref.simple_server\n",
        ]
    )

    static let modules: Set<String> = ["wsgiref.handlers.CGIHandler", "twisted.web.twcgi.CGIScript", "twisted.web.twcgi.CGIDirectory"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .importStatement }
    var requiredImports: [String] { ImportMatching.heads(Self.modules) }

    func check(node: Node, context: inout RuleContext) {
        ImportMatching.check(node, modules: Self.modules, message: { "import of \($0): review its use (\(Self.description.banditID ?? ""))" },
                             context: &context)
    }
}
