import PythonSyntax

/// B503: a parameter whose default is a broken SSL/TLS protocol version.
struct SSLBadDefaultRule: Rule {
    static let description = RuleDescription(
        code: "ASC503", name: "ssl-with-bad-defaults", banditID: "B503", cwe: 327, severity: .medium, confidence: .medium,
        rationale: """
        A default of SSLv2/SSLv3/TLS 1.0/TLS 1.1 makes every caller that omits the argument use a \
        broken protocol. Default to ssl.PROTOCOL_TLS_CLIENT (or take an SSLContext built with \
        ssl.create_default_context()).
        """,
        triggering: [
            "import ssl\ndef connect(host, version=↓ssl.PROTOCOL_TLSv1):\n    pass\n",
            "from OpenSSL import SSL\ndef make(method=↓SSL.SSLv3_METHOD):\n    pass\n",
        ],
        nonTriggering: [
            "import ssl\ndef connect(host, version=ssl.PROTOCOL_TLS_CLIENT):\n    pass\n",
            "def connect(host, version=None):\n    pass\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .arguments }

    func check(node: Node, context: inout RuleContext) {
        guard case .arguments(let arguments) = node else { return }
        for value in arguments.defaults + arguments.kwDefaults.compactMap({ $0 }) {
            guard let version = InsecureProtocols.name(of: value, imports: context.imports) else { continue }
            context.report(value.loc, "parameter defaults to the insecure protocol \(version)",
                           fixHint: "default to ssl.PROTOCOL_TLS_CLIENT")
        }
    }
}
