import PythonSyntax

/// B501: HTTP requests that skip TLS certificate verification.
struct RequestsVerifyFalseRule: Rule {
    static let description = RuleDescription(
        code: "ASC501", name: "request-without-cert-validation", banditID: "B501", cwe: 295, severity: .high, confidence: .high,
        rationale: """
        verify=False accepts any certificate, so anyone on the path can read and change the \
        traffic. Keep verification on; for a private CA pass verify="/path/to/ca.pem".
        """,
        fixAvailable: true,
        triggering: [
            "import requests\nr = requests.get(url, ↓verify=False, timeout=5)\n",
            "import httpx\nclient = httpx.Client(↓verify=False)\n",
            "from aiohttp import ClientSession, TCPConnector\nsession = ClientSession(connector=TCPConnector(↓ssl=False))\n",
            // A module constant is as false as the literal.
            "import requests\nVERIFY_TLS = False\n\ndef get(url):\n    return requests.get(url, ↓verify=VERIFY_TLS, timeout=5)\n",
            // A session kept on the instance.
            "import requests\n\nclass Client:\n    def __init__(self):\n        self.session = requests.Session()\n\n    def send(self, url):\n        return self.session.post(url, ↓verify=False, timeout=5)\n",
            "import requests\n\ndef client():\n    session = requests.Session()\n    ↓session.verify = False\n    return session\n",
            // On the call's first line when the keyword is on a later one.
            "import requests\nr = ↓requests.get(\n    url,\n    verify=False,\n    timeout=5,\n)\n",
        ],
        nonTriggering: [
            "import requests\nr = requests.get(url, timeout=5)\n",
            "import requests\nr = requests.get(url, verify=\"/etc/ca.pem\", timeout=5)\n",
            "import os, requests\nVERIFY_TLS = os.environ.get(\"CA_BUNDLE\", True)\nr = requests.get(url, verify=VERIFY_TLS, timeout=5)\n",
            "cache.get(key, verify=False)\n",  // neither requests nor httpx in this file
        ]
    )

    var calleePrefixes: [String] { ["requests.", "httpx.", "aiohttp."] }

    /// The keyword turning verification off: `verify=` for requests and httpx; `ssl=` (or the
    /// older `verify_ssl=`) for aiohttp.
    static func verificationKeyword(_ keywords: [Keyword], aiohttp: Bool) -> Keyword? {
        keywords.first { $0.arg == "verify" || aiohttp && ($0.arg == "ssl" || $0.arg == "verify_ssl") }
    }

    /// An HTTP method on a client the file keeps in an attribute or a parameter
    /// (`self.session.post(url, verify=False)`), in a file importing requests or httpx.
    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.call, .assignment] }
    static let httpMethods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream"]

    func check(node: Node, context: inout RuleContext) {
        // `session.verify = False`: every request of the session skips the check.
        if case .stmt(let statement) = node, case .assign(let targets, let value) = statement.kind {
            guard targets.contains(where: { if case .attribute(_, "verify", _) = $0.kind { true } else { false } }),
                  context.literalValue(value)?.boolConstant == false,
                  context.imports.imports("requests") || context.imports.imports("httpx") else { return }
            context.report(statement.loc, "a client with verify = False skips TLS certificate checks on every request",
                           fixHint: "remove verify = False (or point it at a CA bundle)")
            return
        }
        // The keyword first: most calls have none, and a set lookup hashes the method's name.
        guard case .expr(let expression) = node, case .call(let function, _, let keywords) = expression.kind, !keywords.isEmpty,
              case .attribute(_, let method, _) = function.kind, Self.httpMethods.contains(method),
              let keyword = Self.verificationKeyword(keywords, aiohttp: context.imports.imports("aiohttp")),
              context.imports.imports("requests") || context.imports.imports("httpx") || context.imports.imports("aiohttp") else { return }
        // A call resolving to requests, httpx or aiohttp is `check(call:)`'s.
        if let name = context.imports.qualifiedName(of: function), name.hasPrefix("requests.") || name.hasPrefix("httpx.") || name.hasPrefix("aiohttp.") {
            return
        }
        guard context.literalValue(keyword.value)?.boolConstant == false else { return }
        context.report(Self.place(keyword, in: expression), ".\(method)() with verify=False skips TLS certificate checks", confidence: .medium,
                       fixHint: "remove verify=False (or point verify at a CA bundle)")
    }

    /// The keyword itself, or, when it sits on a later line of the call, the call up to it: a
    /// finding (and its `# nosec`) belongs on the statement's first line.
    static func place(_ keyword: Keyword, in call: Expr) -> Loc {
        keyword.loc.lineno == call.loc.lineno ? keyword.loc : call.loc.to(keyword.loc)
    }

    func check(call: CallSite, context: inout RuleContext) {
        guard let keyword = Self.verificationKeyword(call.keywords, aiohttp: call.qualifiedName.hasPrefix("aiohttp.")),
              context.literalValue(keyword.value)?.boolConstant == false else { return }
        context.report(Self.place(keyword, in: call.expression), "\(call.qualifiedName) with verify=False skips TLS certificate checks",
                       fixHint: "remove verify=False (or point verify at a CA bundle)")
    }
}
