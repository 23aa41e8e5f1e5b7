import PythonSyntax

/// B106: a string literal passed as a keyword argument named like a secret.
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
        ],
        nonTriggering: [
            "import os\nconn = connect(password=os.environ[\"DB_PASSWORD\"])\n",
            "form = Field(password_label=\"Password\")\n",
            "conn = connect(password=\"\")\n",
            // A placeholder shown where the real token goes.
            "link = CONFIRM_URL.format(token=\"…\")\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .call(_, _, let keywords) = expression.kind else { return }
        for keyword in keywords {
            // The value first: most are not string constants, and the name test costs more.
            guard SecretNames.isCandidateValue(keyword.value), let name = keyword.arg, SecretNames.looksSecret(name) else { continue }
            context.report(keyword.value.loc, "possible hardcoded secret passed as \(name)",
                           fixHint: "read it from the environment or a secret store")
        }
    }
}
