import PythonSyntax

/// The protocol constants that name SSLv2, SSLv3, TLS 1.0 or TLS 1.1 (shared by ASC502/ASC503).
enum InsecureProtocols {
    static let names: Set<String> = [
        "ssl.PROTOCOL_SSLv2", "ssl.PROTOCOL_SSLv3", "ssl.PROTOCOL_TLSv1", "ssl.PROTOCOL_TLSv1_1",
        "OpenSSL.SSL.SSLv2_METHOD", "OpenSSL.SSL.SSLv23_METHOD", "OpenSSL.SSL.SSLv3_METHOD", "OpenSSL.SSL.TLSv1_METHOD",
        "OpenSSL.SSL.TLSv1_1_METHOD",
    ]

    static func name(of expression: Expr, imports: ImportTable) -> String? {
        guard let name = imports.qualifiedName(of: expression), names.contains(name) else { return nil }
        return String(name.split(separator: ".").last ?? "")
    }
}

/// B502: a call given an SSL/TLS protocol version known to be broken.
struct SSLBadVersionRule: Rule {
    static let description = RuleDescription(
        code: "ASC502", name: "ssl-with-bad-version", banditID: "B502", cwe: 327, severity: .high, confidence: .high,
        rationale: """
        SSLv2, SSLv3, TLS 1.0 and TLS 1.1 have practical attacks (POODLE, BEAST) and are disabled \
        by current peers. Use ssl.create_default_context() and, if needed, set \
        context.minimum_version = ssl.TLSVersion.TLSv1_2.
        """,
        triggering: [
            "import ssl\nsock = ssl.wrap_socket(s, ssl_version=↓ssl.PROTOCOL_SSLv3)\n",
            "from OpenSSL import SSL\nctx = SSL.Context(↓SSL.TLSv1_METHOD)\n",
            "import ssl\nctx = ssl.SSLContext(↓ssl.PROTOCOL_TLSv1)\n",
        ],
        nonTriggering: [
            "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n",
            "from OpenSSL import SSL\nctx = SSL.Context(SSL.TLS_METHOD)\n",
        ]
    )

    static let sslCalls: Set<String> = ["ssl.wrap_socket", "ssl.SSLContext", "OpenSSL.SSL.Context"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    /// Every insecure version is a name of these modules.
    var requiredImports: [String] { ["ssl", "OpenSSL"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind else { return }
        let values = arguments + keywords.map(\.value)
        for value in values {
            guard let version = InsecureProtocols.name(of: value, imports: context.imports) else { continue }
            let known = context.imports.qualifiedName(of: function).map(Self.sslCalls.contains) ?? false
            context.report(value.loc, "\(version) is an insecure SSL/TLS protocol version",
                           severity: known ? nil : .medium, confidence: known ? nil : .medium,
                           fixHint: "use ssl.create_default_context() with TLS 1.2 or later")
        }
    }
}
