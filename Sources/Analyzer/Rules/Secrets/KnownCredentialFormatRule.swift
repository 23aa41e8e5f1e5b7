import PythonSyntax

/// CWE-798: a string in the exact format of a cloud or service credential (AWS access key
/// ids, GitHub, Slack and Stripe tokens, Google API keys, private keys), or a connection
/// string holding its password, whatever it is named.
struct KnownCredentialFormatRule: Rule {
    static let description = RuleDescription(
        code: "ASC2797", name: "known-credential-format", cwe: 798, severity: .high, confidence: .high,
        rationale: """
        These formats are issued only as credentials: one in the source is in every clone, \
        fork and package of the code, and scanners in the wild find and use them within \
        minutes of a push. Revoke it, and load credentials from the environment or a secret \
        manager.
        """,
        triggering: [
            "AWS_ACCESS_KEY_ID = ↓\"AKIAQ3EGX7LR5MZK2P4N\"\n",
            "client = Github(↓\"ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R\")\n",
            "SLACK = {\"token\": ↓\"xoxb-2048-4096-8192-aBcDeFgHiJkLmNoPqRsTuVwX\"}\n",
            "DIGEST_WEBHOOK = ↓\"https://hooks.slack.com/services/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\"\n",
            "KEY = ↓\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEow...\\n-----END RSA PRIVATE KEY-----\"\n",
            "DSN = ↓\"host=db.internal dbname=accounts user=admin password=Wint3r-2021!\"\n",
            "engine = create_engine(↓\"postgresql://app:Pa55w0rd9@db.internal/app\")\n",
            "BROKER = ↓\"amqp://guest:guest@rabbit.internal:5672//\"\n",
        ],
        nonTriggering: [
            "EXAMPLE = \"AKIAIOSFODNN7EXAMPLE\"  # AWS's documented example id\n",
            "ID = \"AKIA4EXAMPLEQ7ZL2KJM\"  # a placeholder\n",
            "PREFIX = \"ghp_\"\n",
            "HEADER = \"-----BEGIN PUBLIC KEY-----\"\n",
            "DSN = f\"postgresql://app:{password}@db.internal/app\"\n",
            "DSN = \"host=db user=app password=%s\" % secret\n",
            "URL = \"https://example.com/a@b\"\n",
            "AMQP_URL = os.environ.get(\"AMQP_URL\", \"amqp://guest:guest@localhost:5672/%2F\")\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .constant }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .constant(.str(let value), _) = expression.kind else { return }
        if let kind = Self.credentialKind(value.string) {
            context.report(expression.loc, "\(kind) written in the source", fixHint: "revoke it; load credentials from the environment")
        } else if Self.embeddedPassword(value.string) {
            context.report(expression.loc, "a connection string holding its password written in the source",
                           fixHint: "take the password from the environment or a secret manager")
        }
    }

    /// The kind of credential `text` is in the format of, or nil. Asked of every string
    /// literal: the first byte decides before anything else is looked at.
    static func credentialKind(_ text: String) -> String? {
        guard let first = text.utf8.first, first == UInt8(ascii: "A") || first == UInt8(ascii: "g") || first == UInt8(ascii: "x")
            || first == UInt8(ascii: "s") || first == UInt8(ascii: "r") || first == UInt8(ascii: "-") || first == UInt8(ascii: "h"),
            text.utf8.count >= 20 else { return nil }
        let bytes = Array(text.utf8)
        func isUpperAlnum(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (48...57).contains(byte) }
        func isAlnum(_ byte: UInt8) -> Bool { isUpperAlnum(byte) || (97...122).contains(byte) }
        if bytes.count == 20, text.hasPrefix("AKIA") || text.hasPrefix("ASIA"), bytes[4...].allSatisfy(isUpperAlnum), !text.contains("EXAMPLE") {
            return "an AWS access key id"
        }
        if bytes.count == 39, text.hasPrefix("AIza"), bytes[4...].allSatisfy({ isAlnum($0) || $0 == 45 || $0 == 95 }) { return "a Google API key" }
        if bytes.count == 40, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"].contains(where: text.hasPrefix), bytes[4...].allSatisfy(isAlnum) {
            return "a GitHub token"
        }
        if text.hasPrefix("github_pat_"), bytes.count >= 50 { return "a GitHub token" }
        if bytes.count >= 24, ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"].contains(where: text.hasPrefix),
           bytes[5...].allSatisfy({ isAlnum($0) || $0 == 45 }) {
            return "a Slack token"
        }
        if bytes.count >= 24, text.hasPrefix("sk_live_") || text.hasPrefix("rk_live_"), bytes[8...].allSatisfy(isAlnum) { return "a Stripe live key" }
        // `https://hooks.slack.com/services/T…/B…/<24 characters>`: whoever holds it posts to the channel.
        if text.hasPrefix("https://hooks.slack.com/services/T") {
            let parts = text.dropFirst("https://hooks.slack.com/services/".count).split(separator: "/")
            if parts.count == 3, parts[1].hasPrefix("B"), parts[2].utf8.count >= 20, parts[2].utf8.allSatisfy(isAlnum),
               !parts[2].contains("XXXX") { return "a Slack webhook URL" }
        }
        if text.hasPrefix("-----BEGIN"), text.contains("PRIVATE KEY-----"), bytes.count > 60 { return "a private key" }
        return nil
    }

    /// A database connection string holding its password: `postgresql://app:s3cret@db/app`
    /// or `host=db user=app password=s3cret`. Placeholders (`{pw}`, `%s`, `$PW`, `***`,
    /// `password`) are not passwords.
    static func embeddedPassword(_ text: String) -> Bool {
        // Asked of every string literal: bytes looked at before any search.
        let bytes = text.utf8
        guard bytes.count >= 12, bytes.count <= 300, bytes.contains(UInt8(ascii: "@"))
                || bytes.contains(UInt8(ascii: "=")) && Array(bytes).containsSequence(Array("password=".utf8)) else { return false }
        func isReal(_ secret: Substring) -> Bool {
            secret.count >= 4 && !secret.contains(where: { "{}%$*<>".contains($0) })
                && !["password", "passwd", "pass", "pwd", "secret", "changeme", "xxxx", "test", "example"].contains(secret.lowercased())
        }
        if let range = text.range(of: "password=") {
            return isReal(text[range.upperBound...].prefix { $0 != " " && $0 != ";" && $0 != "&" && $0 != "'" })
        }
        guard let scheme = text.range(of: "://") else { return false }
        let authority = text[scheme.upperBound...].prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return false }
        // A local server's stock account, named as its password (`guest:guest@localhost`:
        // RabbitMQ's, refused from any other host).
        let user = authority[..<colon], secret = authority[authority.index(after: colon)..<at]
        let host = authority[authority.index(after: at)...].prefix { $0 != ":" }
        if user == secret, ["localhost", "127.0.0.1", "[::1]"].contains(host) { return false }
        return isReal(secret)
    }
}
