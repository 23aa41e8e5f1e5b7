import PythonSyntax

/// B323: `ssl._create_unverified_context` turns certificate checks off.
struct UnverifiedSSLContextRule: Rule {
    static let description = RuleDescription(
        code: "ASC323", name: "unverified-ssl-context", banditID: "B323", cwe: 295, severity: .medium, confidence: .high,
        rationale: """
        An unverified context accepts any certificate, so anyone on the path can read and change \
        the traffic. Use ssl.create_default_context(), with cafile= for a private CA.
        """,
        triggering: [
            "import ssl\nctx = ↓ssl._create_unverified_context()\n",
            "import ssl, urllib.request\nurllib.request.urlopen(url, context=↓ssl._create_unverified_context())\n",
        ],
        nonTriggering: [
            "import ssl\nctx = ssl.create_default_context()\n",
            "import ssl\nctx = ssl.create_default_context(cafile=\"/etc/ca.pem\")\n",
        ]
    )

    var callees: Set<String> { ["ssl._create_unverified_context"] }

    func check(call: CallSite, context: inout RuleContext) {
        context.report(call.expression.loc, "ssl._create_unverified_context skips certificate verification",
                       fixHint: "use ssl.create_default_context()")
    }
}
