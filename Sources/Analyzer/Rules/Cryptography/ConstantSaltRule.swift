import PythonSyntax

/// CWE-760: a password hash or key derivation with a salt fixed in the source.
struct ConstantSaltRule: Rule {
    static let description = RuleDescription(
        code: "ASC2760", name: "constant-salt", cwe: 760, severity: .medium, confidence: .high,
        rationale: """
        A salt exists to make every stored hash unique; with one constant salt, equal passwords \
        give equal hashes and one precomputed table cracks them all. Draw a fresh salt per \
        password (os.urandom(16), bcrypt.gensalt()) and store it next to the hash.
        """,
        triggering: [
            "import hashlib\nkey = hashlib.pbkdf2_hmac(\"sha256\", password, ↓b\"static-salt\", 100_000)\n",
            "import hashlib\nSALT = b\"NaCl\"\nkey = hashlib.pbkdf2_hmac(\"sha256\", password, ↓SALT, 100_000)\n",
            "import bcrypt\nhashed = bcrypt.hashpw(password, ↓b\"$2b$12$abcdefghijklmnopqrstuv\")\n",
            "from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC\nkdf = PBKDF2HMAC(algorithm=alg, length=32, salt=↓\"pepper\".encode(), iterations=480000)\n",
        ],
        nonTriggering: [
            "import hashlib, os\nsalt = os.urandom(16)\nkey = hashlib.pbkdf2_hmac(\"sha256\", password, salt, 100_000)\n",
            "import bcrypt\nhashed = bcrypt.hashpw(password, bcrypt.gensalt())\n",
            "import bcrypt\nok = bcrypt.hashpw(password, stored) == stored\n",
        ]
    )

    /// Where each function takes its salt: keyword name and position.
    static let saltArgument: [String: (String, Int?)] = [
        "hashlib.pbkdf2_hmac": ("salt", 2),
        "hashlib.scrypt": ("salt", nil),
        "bcrypt.hashpw": ("salt", 1),
        "bcrypt.kdf": ("salt", 1),
        "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC": ("salt", 2),
        "cryptography.hazmat.primitives.kdf.scrypt.Scrypt": ("salt", 0),
        "argon2.low_level.hash_secret": ("salt", 1),
        "argon2.low_level.hash_secret_raw": ("salt", 1),
        "Crypto.Protocol.KDF.PBKDF2": ("salt", 1),
        "Crypto.Protocol.KDF.scrypt": ("salt", 1),
        "Cryptodome.Protocol.KDF.PBKDF2": ("salt", 1),
        "Cryptodome.Protocol.KDF.scrypt": ("salt", 1),
        "passlib.hash.pbkdf2_sha256.hash": ("salt", nil),
    ]

    var callees: Set<String> { Set(Self.saltArgument.keys) }

    func check(call: CallSite, context: inout RuleContext) {
        guard let (keyword, position) = Self.saltArgument[call.qualifiedName], let salt = call.argument(keyword, position: position),
              salt.isConstantBytes || ModuleConstants.isConstantName(salt, in: context.parsed.module) else { return }
        context.report(salt.loc, "\(call.qualifiedName) uses a constant salt", fixHint: "use a random per-password salt (os.urandom(16))")
    }
}
