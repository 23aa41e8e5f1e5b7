import PythonSyntax

/// CWE-295: an SSL context or connection configured not to verify the peer's certificate.
struct TLSVerificationDisabledRule: Rule {
    static let description = RuleDescription(
        code: "ASC2295", name: "tls-verification-disabled", cwe: 295, severity: .high, confidence: .high,
        rationale: """
        With verify_mode = CERT_NONE (or VERIFY_NONE in pyOpenSSL) any certificate is accepted, and \
        with check_hostname = False a valid certificate for another site is; either way anyone on \
        the path can read and change the traffic. Use ssl.create_default_context() unchanged, and \
        load a private CA with cafile= instead of switching checks off.
        """,
        triggering: [
            "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.check_hostname = False\nctx.verify_mode = ↓ssl.CERT_NONE\n",
            // Host names unchecked, certificates still verified: any valid certificate passes.
            "import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = ↓False\n",
            "from ssl import create_default_context, CERT_NONE\ncontext = create_default_context()\ncontext.verify_mode = ↓CERT_NONE\n",
            "from OpenSSL import SSL\nctx = SSL.Context(SSL.TLS_METHOD)\nctx.set_verify(↓SSL.VERIFY_NONE, callback)\n",
            "import ssl, urllib3\npool = urllib3.PoolManager(↓cert_reqs=ssl.CERT_NONE)\n",
            "import ssl\nfrom ldap3 import Tls\ntls = ↓Tls(validate=ssl.CERT_NONE)\n",
        ],
        nonTriggering: [
            "import ssl\nctx = ssl.create_default_context(cafile=\"/etc/ca.pem\")\nctx.verify_mode = ssl.CERT_REQUIRED\n",
            "import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = True\n",
            "from OpenSSL import SSL\nctx = SSL.Context(SSL.TLS_METHOD)\nctx.set_verify(SSL.VERIFY_PEER, callback)\n",
            "options.verify_mode = CERT_NONE\n",  // a local constant, not the ssl module's
            "import ssl\nfrom ldap3 import Tls\ntls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=\"/etc/ca.pem\")\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.assignment, .call] }
    var requiredIdentifiers: [String] { ["verify_mode", "check_hostname", "set_verify", "cert_reqs", "validate"] }

    private func disablesVerification(_ value: Expr, context: RuleContext) -> Bool {
        guard let name = context.imports.qualifiedName(of: value) else { return false }
        return name == "ssl.CERT_NONE" || name == "ssl.VerifyMode.CERT_NONE" || name == "OpenSSL.SSL.VERIFY_NONE"
    }

    /// Whether the same context is also told to accept any certificate (`ctx.verify_mode =
    /// ssl.CERT_NONE`, which Python allows only with `check_hostname` off): one flaw, reported there.
    static func verificationAlsoOff(_ target: Expr, context: RuleContext) -> Bool {
        guard case .attribute(let receiver, _, _) = target.kind else { return false }
        let owner = context.text(of: receiver.loc)
        let scope = context.parsed.enclosingScope(startLine: target.loc.lineno, endLine: target.loc.lineno)
        let text = scope.map { context.text(of: $0.loc) } ?? String(decoding: context.parsed.source, as: UTF8.self)
        let compact = text.filter { $0 != " " }
        return compact.contains("\(owner).verify_mode=ssl.CERT_NONE") || compact.contains("\(owner).verify_mode=CERT_NONE")
    }

    func check(node: Node, context: inout RuleContext) {
        switch node {
        case .stmt(let statement):
            guard case .assign(let targets, let value) = statement.kind else { return }
            for target in targets {
                guard case .attribute(_, let attr, _) = target.kind else { continue }
                if attr == "verify_mode", disablesVerification(value, context: context) {
                    context.report(value.loc, "SSL context set to accept any certificate (verify_mode = CERT_NONE)",
                                   fixHint: "keep ssl.CERT_REQUIRED and load the CA you trust")
                } else if attr == "check_hostname", value.boolConstant == false, !Self.verificationAlsoOff(target, context: context) {
                    context.report(value.loc, "SSL context set not to check the certificate's host name", severity: .medium,
                                   fixHint: "keep check_hostname = True")
                }
            }
        case .expr(let expression):
            guard case .call(let function, let arguments, let keywords) = expression.kind else { return }
            if case .attribute(_, "set_verify", _) = function.kind, let mode = arguments.first, disablesVerification(mode, context: context) {
                context.report(mode.loc, "pyOpenSSL context set to VERIFY_NONE accepts any certificate",
                               fixHint: "use SSL.VERIFY_PEER and load the CA you trust")
            }
            // ldap3's `Tls(validate=ssl.CERT_NONE)`.
            if let validate = keywords.first(where: { $0.arg == "validate" })?.value, disablesVerification(validate, context: context) {
                context.report(expression.loc, "TLS settings made with validate=CERT_NONE accept any certificate",
                               fixHint: "use validate=ssl.CERT_REQUIRED and ca_certs_file=")
            }
            for keyword in keywords where keyword.arg == "cert_reqs" {
                if disablesVerification(keyword.value, context: context) || keyword.value.stringConstant == "CERT_NONE" {
                    context.report(keyword.loc, "connection created with cert_reqs=CERT_NONE accepts any certificate",
                                   fixHint: "use cert_reqs=ssl.CERT_REQUIRED")
                }
            }
        default:
            return
        }
    }
}
