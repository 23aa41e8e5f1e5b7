import PythonSyntax

/// CWE-319: requests to a literal `http://` URL on another host, and SMTP logins without
/// STARTTLS.
struct CleartextTransmissionRule: Rule {
    static let description = RuleDescription(
        code: "ASC2319", name: "cleartext-transmission", cwe: 319, severity: .medium, confidence: .medium,
        rationale: """
        Plain HTTP and SMTP without TLS send data, cookies and credentials in clear text that \
        anyone on the path can read or change. Use https:// URLs, and call starttls() (or use \
        smtplib.SMTP_SSL) before login().
        """,
        triggering: [
            "import requests\nr = requests.post(↓\"http://api.example.com/login\", data=creds, timeout=5)\n",
            "import urllib.request\nurllib.request.urlopen(↓f\"http://{HOST}/status\")\n",
            "import smtplib\n\ndef send(user, password, msg):\n    server = smtplib.SMTP(\"mail.example.com\", 587)\n    ↓server.login(user, password)\n    server.send_message(msg)\n",
        ],
        nonTriggering: [
            "import requests\nr = requests.get(\"https://api.example.com/items\", timeout=5)\n",
            "import requests\nr = requests.get(\"http://localhost:8080/health\", timeout=5)\n",
            "import httpx\nr = httpx.get(\"http://127.0.0.1:9000/metrics\")\n",
            "import smtplib\n\ndef send(user, password, msg):\n    server = smtplib.SMTP(\"mail.example.com\", 587)\n    server.starttls()\n    server.login(user, password)\n",
            "import smtplib\n\ndef send(user, password):\n    with smtplib.SMTP_SSL(\"mail.example.com\", 465) as server:\n        server.login(user, password)\n",
        ]
    )

    static let verbs = ["get", "post", "put", "patch", "delete", "head", "options", "request", "stream"]
    static let localHosts: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", ""]

    var callees: Set<String> {
        var names: Set<String> = ["urllib.request.urlopen", "urllib.request.Request", "urllib2.urlopen", "urllib.urlopen"]
        for module in ["requests", "httpx"] { for verb in Self.verbs { names.insert("\(module).\(verb)") } }
        return names
    }

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .functionDef }

    func check(call: CallSite, context: inout RuleContext) {
        let position = call.qualifiedName.hasSuffix(".request") || call.qualifiedName.hasSuffix(".stream") ? 1 : 0
        guard let url = call.argument("url", position: position), let built = url.builtString,
              let host = Self.plainHTTPHost(built.text), !Self.isLocal(host) else { return }
        context.report(url.loc, "\(call.qualifiedName) sends the request over plain HTTP", fixHint: "use an https:// URL")
    }

    /// The host of an `http://` URL, `?` when it is spliced in.
    static func plainHTTPHost(_ text: String) -> String? {
        guard text.lowercased().hasPrefix("http://") else { return nil }
        let rest = text.dropFirst("http://".count)
        // A spliced host reads as `?`, so only a `?` after some host text starts the query.
        var authority = rest.prefix { $0 != "/" && $0 != "#" }
        if let query = authority.dropFirst().firstIndex(of: "?") { authority = authority[..<query] }
        let hostPort = authority.split(separator: "@").last.map(String.init) ?? ""
        if hostPort.hasPrefix("[") { return String(hostPort.prefix { $0 != "]" }) + "]" }
        return String(hostPort.prefix { $0 != ":" }).lowercased()
    }

    static func isLocal(_ host: String) -> Bool {
        localHosts.contains(host) || host.hasPrefix("127.") || host.hasSuffix(".localhost") || host.hasSuffix(".local")
    }

    func check(node: Node, context: inout RuleContext) {
        guard context.imports.imports("smtplib"),
              case .stmt(let statement) = node, case .functionDef(_, _, let body, _, _, _, _) = statement.kind else { return }
        var clients: Set<String> = []
        var secured: Set<String> = []
        var logins: [(name: String, call: Expr)] = []
        ScopeWalk.walk(body) { inner in
            switch inner {
            case .stmt(let current):
                if case .assign(let targets, let value) = current.kind, isPlainSMTP(value, context: context) {
                    for target in targets { if case .name(let id, _) = target.kind { clients.insert(id) } }
                }
            case .withItem(let item):
                if isPlainSMTP(item.contextExpr, context: context), let bound = item.optionalVars, case .name(let id, _) = bound.kind {
                    clients.insert(id)
                }
            case .expr(let expression):
                if case .call(let function, _, _) = expression.kind, case .attribute(let receiver, let method, _) = function.kind,
                   case .name(let id, _) = receiver.kind {
                    if method == "starttls" { secured.insert(id) }
                    if method == "login" { logins.append((id, expression)) }
                }
            default:
                break
            }
            return true
        }
        for login in logins where clients.contains(login.name) && !secured.contains(login.name) {
            context.report(login.call.loc, "SMTP login without starttls() sends the credentials in clear text",
                           fixHint: "call starttls() before login(), or use smtplib.SMTP_SSL")
        }
    }

    private func isPlainSMTP(_ expression: Expr, context: RuleContext) -> Bool {
        guard case .call(let function, _, _) = expression.kind else { return false }
        return context.imports.qualifiedName(of: function) == "smtplib.SMTP"
    }
}
