import PythonSyntax

/// B504: `ssl.wrap_socket` without an explicit protocol version.
struct SSLNoVersionRule: Rule {
    static let description = RuleDescription(
        code: "ASC504", name: "ssl-with-no-version", banditID: "B504", cwe: 327, severity: .low, confidence: .medium,
        rationale: """
        ssl.wrap_socket (removed in Python 3.12) neither checks certificates nor pins a modern \
        protocol by default. Build a context with ssl.create_default_context() and call \
        context.wrap_socket(sock, server_hostname=host).
        """,
        triggering: [
            "import ssl\nsecure = ↓ssl.wrap_socket(sock)\n",
            "from ssl import wrap_socket\ns = ↓wrap_socket(sock, certfile=cert)\n",
        ],
        nonTriggering: [
            "import ssl\nsecure = ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS_CLIENT)\n",
            "import ssl\nctx = ssl.create_default_context()\nsecure = ctx.wrap_socket(sock, server_hostname=host)\n",
        ]
    )

    var callees: Set<String> { ["ssl.wrap_socket"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard call.argument("ssl_version", position: 5) == nil, !call.hasKeywordSplat else { return }
        context.report(call.expression.loc, "ssl.wrap_socket without ssl_version uses weak defaults",
                       fixHint: "use ssl.create_default_context().wrap_socket")
    }
}
