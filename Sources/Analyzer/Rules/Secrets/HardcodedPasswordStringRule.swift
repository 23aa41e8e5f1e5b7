import PythonSyntax

/// B105: a string literal assigned to, or compared with, a name that looks like a secret.
struct HardcodedPasswordStringRule: Rule {
    static let description = RuleDescription(
        code: "ASC105", name: "hardcoded-password-string", banditID: "B105", cwe: 798, severity: .low, confidence: .medium,
        rationale: """
        A secret written in the source is in every copy and every commit of it, and cannot be \
        rotated without a release. Read it at run time from the environment or a secret store: \
        password = os.environ["DB_PASSWORD"].
        """,
        fixAvailable: true,
        triggering: [
            "password = ↓\"hunter2\"\n",
            "self.api_token = ↓\"ghp_abc123\"\n",
            "if user_pwd == ↓\"letmein\":\n    grant()\n",
            "settings[\"secret\"] = ↓\"s3cr3t\"\n",
            "DATABASE = {\"user\": \"app\", \"password\": ↓\"pa55w0rd\"}\n",
            "MAINTENANCE_PIN = ↓\"4471-override\"\n",
            "SLACK_TOKEN = ↓\"https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX\"\n",
            "WEBHOOK_SECRET = ↓b\"whsec_7f3a91c2d84e\"\n",
            "PEPPER = ↓\"bf-proxy-7Gq2xLw9\"\n",
        ],
        nonTriggering: [
            "TOKEN_PREFIX = \"ci_\"\n",
            "LED_PIN = \"D4\"\n",
            "import os\npassword = os.environ[\"DB_PASSWORD\"]\n",
            "password = \"\"\n",
            "password_prompt = \"Enter your password:\"\n",
            "token_type = \"bearer\"\n",
            "IDP_TOKEN = \"https://login.example-idp.com/oauth2/token\"\n",
            "TOKEN_CONTEXT = b\"share-link-v2\"\n",  // what a token is made for, not the token
            "headers = {\"token\": token}\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.assignment, .dict, .compare] }

    func check(node: Node, context: inout RuleContext) {
        switch node {
        case .stmt(let statement):
            let targets: [Expr]
            let value: Expr
            switch statement.kind {
            case .assign(let assigned, let assignedValue): (targets, value) = (assigned, assignedValue)
            case .annAssign(let target, _, let assignedValue?, _): (targets, value) = ([target], assignedValue)
            default: return
            }
            guard SecretNames.isCandidateValue(value),
                  let name = targets.lazy.compactMap(SecretNames.targetName).first(where: SecretNames.looksSecret) else { return }
            context.report(value.loc, "possible hardcoded secret assigned to \(name)", fixHint: "read it from the environment or a secret store")
        case .expr(let expression):
            if case .dict(let keys, let values) = expression.kind {
                for (key, value) in zip(keys, values) {
                    // The value first: most are not string constants, and naming tests cost more.
                    guard SecretNames.isCandidateValue(value), let name = key?.stringConstant, SecretNames.looksSecret(name) else { continue }
                    context.report(value.loc, "possible hardcoded secret stored under \(name)",
                                   fixHint: "read it from the environment or a secret store")
                }
                return
            }
            guard case .compare(let left, let ops, let comparators) = expression.kind, ops.count == 1,
                  ops[0] == .eq || ops[0] == .notEq, let right = comparators.first else { return }
            // Either side may be the literal (no array of pairs: this runs for every comparison).
            func check(_ named: Expr, _ literal: Expr) {
                if SecretNames.isCandidateValue(literal), let name = SecretNames.targetName(named), SecretNames.looksSecret(name) {
                    context.report(literal.loc, "possible hardcoded secret compared with \(name)",
                                   fixHint: "compare against a secret loaded at run time (with hmac.compare_digest)")
                }
            }
            check(left, right)
            check(right, left)
        default:
            return
        }
    }
}
