import PythonSyntax

/// B106: a string literal passed as a keyword argument named like a secret; also as the
/// password of a call that takes it by position (`username_pw_set(user, "...")`,
/// `smtp.login(user, "...")`, `HTTPBasicAuth(user, "...")`) or in an `auth=(user, "...")` pair.
struct HardcodedPasswordArgumentRule: Rule {
    static let description = RuleDescription(
        code: "ASC106", name: "hardcoded-password-argument", banditID: "B106", cwe: 798, severity: .low, confidence: .medium,
        rationale: """
        A password passed as a literal (connect(password="...")) is in every copy of the source \
        and its history. Pass a value read at run time from the environment or a secret store.
        """,
        fixAvailable: true,
        triggering: [
            "conn = psycopg2.connect(host=host, password=↓\"hunter2\")\n",
            "client = Client(api_token=↓\"xoxb-1234\")\n",
            "client.username_pw_set(\"ota-consumer\", ↓\"0ta-C0nsum3r!fleet\")\n",
            "smtp.login(\"alerts@example.com\", ↓\"Spr1ng-Alerts-2024\")\n",
            "import requests\nrequests.get(url, auth=(\"svc\", ↓\"Qx7-deploy-Token\"), timeout=5)\n",
        ],
        nonTriggering: [
            "import os\nconn = connect(password=os.environ[\"DB_PASSWORD\"])\n",
            "form = Field(password_label=\"Password\")\n",
            "conn = connect(password=\"\")\n",
            // A placeholder shown where the real token goes.
            "link = CONFIRM_URL.format(token=\"…\")\n",
            "import os\nsmtp.login(\"alerts@example.com\", os.environ[\"SMTP_PASSWORD\"])\n",
            "client.username_pw_set(\"ota-consumer\", \"\")\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }

    /// Calls taking a password by position, by the name they are called by, with its place.
    static let positionalPasswords: [String: Int] = [
        "username_pw_set": 1, "login": 1, "HTTPBasicAuth": 1, "HTTPDigestAuth": 1, "BasicAuth": 1, "HTTPProxyAuth": 1,
    ]

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind else { return }
        let called: String?
        switch function.kind {
        case .name(let id, _): called = id
        case .attribute(_, let method, _): called = method
        default: called = nil
        }
        if let called, let place = Self.positionalPasswords[called], place < arguments.count, arguments.count <= place + 2,
           SecretNames.isCandidateValue(arguments[place]) {
            context.report(arguments[place].loc, "possible hardcoded password passed to \(called)",
                           fixHint: "read it from the environment or a secret store")
        }
        if let auth = keywords.first(where: { $0.arg == "auth" })?.value, case .tuple(let pair, _) = auth.kind, pair.count == 2,
           pair[0].stringConstant != nil, SecretNames.isCandidateValue(pair[1]) {
            context.report(pair[1].loc, "possible hardcoded password passed in auth", fixHint: "read it from the environment or a secret store")
        }
        for keyword in keywords {
            // The value first: most are not string constants, and the name test costs more.
            guard SecretNames.isCandidateValue(keyword.value), let name = keyword.arg, SecretNames.looksSecret(name) else { continue }
            context.report(keyword.value.loc, "possible hardcoded secret passed as \(name)",
                           fixHint: "read it from the environment or a secret store")
        }
    }
}
