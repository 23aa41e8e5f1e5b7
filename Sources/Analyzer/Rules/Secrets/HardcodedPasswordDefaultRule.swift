import PythonSyntax

/// B107: a parameter named like a secret with a string literal as its default.
struct HardcodedPasswordDefaultRule: Rule {
    static let description = RuleDescription(
        code: "ASC107", name: "hardcoded-password-default", banditID: "B107", cwe: 798, severity: .low, confidence: .medium,
        rationale: """
        A default password is a password everyone who can read the code knows, and callers that \
        forget the argument silently use it. Make the parameter required, or default to None \
        and load the secret at run time.
        """,
        fixAvailable: true,
        triggering: [
            "def connect(user, password=↓\"admin\"):\n    pass\n",
            "def login(*, token=↓\"dev-token\"):\n    pass\n",
            "handler = lambda secret=↓\"s3cr3t\": secret\n",
        ],
        nonTriggering: [
            "def connect(user, password=None):\n    pass\n",
            "def connect(user, password):\n    pass\n",
            "def ask(password_prompt=\"Password:\"):\n    pass\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .arguments }

    func check(node: Node, context: inout RuleContext) {
        guard case .arguments(let arguments) = node, !arguments.defaults.isEmpty || !arguments.kwDefaults.isEmpty else { return }
        let positional = arguments.posonlyargs + arguments.args
        var pairs: [(Arg, Expr)] = Array(zip(positional.suffix(arguments.defaults.count), arguments.defaults))
        for (arg, value) in zip(arguments.kwonlyargs, arguments.kwDefaults) { if let value { pairs.append((arg, value)) } }
        for (arg, value) in pairs where SecretNames.looksSecret(arg.arg) && SecretNames.isCandidateValue(value) {
            context.report(value.loc, "possible hardcoded secret as the default of \(arg.arg)",
                           fixHint: "default to None and load the secret at run time")
        }
    }
}
