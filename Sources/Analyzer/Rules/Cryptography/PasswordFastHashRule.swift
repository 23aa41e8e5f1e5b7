import PythonSyntax

/// CWE-916: a password hashed with a fast digest (MD5, SHA-1, SHA-2, SHA-3, BLAKE2) instead of
/// a key-derivation function.
struct PasswordFastHashRule: Rule {
    static let description = RuleDescription(
        code: "ASC2916", name: "password-fast-hash", cwe: 916, severity: .medium, confidence: .medium,
        rationale: """
        General-purpose hashes are built to be fast: a GPU tries billions of SHA-256 guesses a \
        second, so a leaked table of them gives up most passwords. Store passwords with a slow, \
        salted key-derivation function: hashlib.scrypt, hashlib.pbkdf2_hmac with a random salt \
        and many iterations, bcrypt or argon2 (argon2-cffi's PasswordHasher).
        """,
        triggering: [
            "import hashlib\nstored = hashlib.sha256(↓password.encode()).hexdigest()\n",
            "import hashlib\ndigest = hashlib.md5((salt + ↓user.password).encode(\"utf-8\")).hexdigest()\n",
            "from hashlib import sha1\nh = sha1(↓form[\"passwd\"].encode())\n",
            "import hashlib\nh = hashlib.new(\"sha512\", ↓new_pwd.encode())\n",
        ],
        nonTriggering: [
            "import hashlib, os\nsalt = os.urandom(16)\nkey = hashlib.pbkdf2_hmac(\"sha256\", password.encode(), salt, 600_000)\n",
            "import hashlib\nchecksum = hashlib.sha256(data).hexdigest()\n",
            "import hashlib\nh = hashlib.sha256(password_hash.encode())\n",
        ]
    )

    static let digests: Set<String> = [
        "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s",
    ]

    var callees: Set<String> { Set(Self.digests.map { "hashlib." + $0 } + ["hashlib.new"]) }

    func check(call: CallSite, context: inout RuleContext) {
        let data = call.qualifiedName == "hashlib.new" ? call.argument("data", position: 1) : call.argument("string", position: 0)
        guard let data else { return }
        var found: Expr?
        ScopeWalk.walk(data) { current in
            guard found == nil else { return false }
            if let name = current.readName, PasswordNames.looksPassword(name) {
                found = current
                return false
            }
            return true
        }
        guard let found else { return }
        let name = found.readName ?? "password"
        context.report(found.loc, "\(name) is hashed with \(call.qualifiedName), a fast hash that is cheap to brute-force",
                       fixHint: "use hashlib.scrypt, hashlib.pbkdf2_hmac with a random salt, bcrypt or argon2")
    }
}
