import PythonSyntax

/// A pyOpenSSL `SSL.Context` that never gets `set_verify`: pyOpenSSL's default is VERIFY_NONE.
struct OpenSSLContextWithoutVerifyRule: Rule {
    static let description = RuleDescription(
        code: "ASC3295", name: "pyopenssl-context-without-verification", cwe: 295, severity: .medium, confidence: .medium,
        rationale: """
        pyOpenSSL contexts do not verify the peer's certificate unless told to: a context used \
        without set_verify(SSL.VERIFY_PEER, ...) accepts any certificate. Call set_verify with \
        VERIFY_PEER and load trusted CAs (set_default_verify_paths), or use the ssl module's \
        create_default_context().
        """,
        triggering: [
            "from OpenSSL import SSL\n\ndef context():\n    ctx = ↓SSL.Context(SSL.TLS_METHOD)\n    return ctx\n",
            "import OpenSSL\nctx = ↓OpenSSL.SSL.Context(OpenSSL.SSL.TLSv1_2_METHOD)\nctx.use_certificate_file(\"c.pem\")\n",
        ],
        nonTriggering: [
            "from OpenSSL import SSL\n\ndef context():\n    ctx = SSL.Context(SSL.TLS_METHOD)\n    ctx.set_verify(SSL.VERIFY_PEER, lambda *a: True)\n    ctx.set_default_verify_paths()\n    return ctx\n",
            "import ssl\nctx = ssl.create_default_context()\n",
        ]
    )

    var callees: Set<String> { ["OpenSSL.SSL.Context"] }

    func check(call: CallSite, context: inout RuleContext) {
        // Anywhere in the file: contexts are often configured by a helper.
        guard !context.parsed.source.containsSequence(Array("set_verify".utf8)) else { return }
        context.report(call.expression.loc, "pyOpenSSL context without set_verify does not check certificates",
                       fixHint: "ctx.set_verify(SSL.VERIFY_PEER, callback) and ctx.set_default_verify_paths()")
    }
}
