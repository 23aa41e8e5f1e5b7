import PythonSyntax

/// CWE-916: a Django settings module whose first password hasher, the one new passwords are
/// stored with, is a fast digest (`MD5PasswordHasher`, `SHA1PasswordHasher`, the unsalted ones).
struct DjangoWeakPasswordHasherRule: Rule {
    static let description = RuleDescription(
        code: "ASC3916", name: "django-weak-password-hasher", cwe: 916, severity: .medium, confidence: .high,
        rationale: """
        Django stores every new or changed password with the first entry of PASSWORD_HASHERS. \
        MD5, SHA-1 and the unsalted hashers are fast digests: a leaked table of them gives up \
        most passwords. Put a slow hasher first (Argon2PasswordHasher, PBKDF2PasswordHasher, \
        BCryptSHA256PasswordHasher) and keep a legacy hasher later in the list only to verify, \
        and so upgrade, old hashes.
        """,
        triggering: [
            "PASSWORD_HASHERS = [↓\"django.contrib.auth.hashers.MD5PasswordHasher\", \"django.contrib.auth.hashers.PBKDF2PasswordHasher\"]\n",
            "PASSWORD_HASHERS = (↓\"django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher\",)\n",
        ],
        nonTriggering: [
            // A legacy hasher after a slow one: it only verifies old hashes, which are upgraded at login.
            "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.Argon2PasswordHasher\", \"django.contrib.auth.hashers.MD5PasswordHasher\"]\n",
            "PASSWORD_HASHERS = [\"django.contrib.auth.hashers.PBKDF2PasswordHasher\"]\n",
        ]
    )

    /// Django's hashers built on a fast digest.
    static let fastHashers: Set<String> = [
        "MD5PasswordHasher", "SHA1PasswordHasher", "UnsaltedMD5PasswordHasher", "UnsaltedSHA1PasswordHasher", "CryptPasswordHasher",
    ]

    var inspectsSource: Bool { true }
    var requiredIdentifiers: [String] { ["PASSWORD_HASHERS"] }

    func check(source parsed: ParsedModule, context: inout RuleContext) {
        for statement in parsed.module.body {
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1,
                  case .name("PASSWORD_HASHERS", _) = targets[0].kind else { continue }
            let elements: [Expr]
            switch value.kind {
            case .list(let items, _), .tuple(let items, _): elements = items
            default: continue
            }
            guard let first = elements.first, let path = first.stringConstant,
                  let hasher = path.split(separator: ".").last.map(String.init), Self.fastHashers.contains(hasher) else { continue }
            context.report(first.loc, "\(hasher) stores new passwords with a fast digest",
                           fixHint: "put Argon2PasswordHasher or PBKDF2PasswordHasher first")
        }
    }
}
