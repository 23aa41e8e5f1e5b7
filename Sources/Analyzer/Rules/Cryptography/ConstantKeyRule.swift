import PythonSyntax

/// CWE-321: a cipher or MAC given a key written in the source.
struct ConstantKeyRule: Rule {
    static let description = RuleDescription(
        code: "ASC2321", name: "hard-coded-cryptographic-key", cwe: 321, severity: .high, confidence: .medium,
        rationale: """
        A key written in the source is in every copy of the code, its history and its \
        packages: anyone who reads them can decrypt the data or forge its MACs, and the key \
        cannot be rotated without a release. Load keys from a secret store or the environment.
        """,
        triggering: [
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\nVAULT_KEY = ↓b\"k3y-f0r-v4ult-01\"\n\ndef cipher(iv):\n    return Cipher(algorithms.AES(VAULT_KEY), modes.CBC(iv))\n",
            "from Crypto.Cipher import AES\ncipher = AES.new(↓b\"0123456789abcdef\", AES.MODE_GCM)\n",
            "from cryptography.fernet import Fernet\nbox = Fernet(↓b\"ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=\")\n",
            "import hmac, hashlib\ndef sign(body):\n    return hmac.new(↓b\"webhook-signing-secret\", body, hashlib.sha256).hexdigest()\n",
        ],
        nonTriggering: [
            "import os\nfrom cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\nKEY = bytes.fromhex(os.environ[\"VAULT_KEY\"])\ncipher = Cipher(algorithms.AES(KEY), modes.GCM(os.urandom(12)))\n",
            "from Crypto.Cipher import AES\ndef cipher(key):\n    return AES.new(key, AES.MODE_GCM)\n",
            "import hmac, hashlib\ndef sign(secret, body):\n    return hmac.new(secret, body, hashlib.sha256).hexdigest()\n",
        ]
    )

    /// The cipher and MAC constructors whose first argument (or `key=`) is the key.
    static let keyed: Set<String> = [
        "cryptography.hazmat.primitives.ciphers.algorithms.AES", "cryptography.hazmat.primitives.ciphers.algorithms.AES128",
        "cryptography.hazmat.primitives.ciphers.algorithms.AES256", "cryptography.hazmat.primitives.ciphers.algorithms.ChaCha20",
        "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES", "cryptography.hazmat.primitives.ciphers.algorithms.Camellia",
        "cryptography.hazmat.primitives.ciphers.aead.AESGCM", "cryptography.hazmat.primitives.ciphers.aead.ChaCha20Poly1305",
        "cryptography.hazmat.primitives.ciphers.aead.AESCCM", "cryptography.hazmat.primitives.ciphers.aead.AESSIV",
        "cryptography.hazmat.primitives.hmac.HMAC", "cryptography.fernet.Fernet",
        "Crypto.Cipher.AES.new", "Crypto.Cipher.DES3.new", "Crypto.Cipher.DES.new", "Crypto.Cipher.ChaCha20.new",
        "Crypto.Cipher.Blowfish.new", "Cryptodome.Cipher.AES.new", "Cryptodome.Cipher.DES3.new", "Crypto.Hash.HMAC.new",
        "hmac.new", "hmac.digest",
    ]

    var callees: Set<String> { Self.keyed }

    /// `b""` or `""`: no key at all (a placeholder), not one to rotate.
    static func isEmpty(_ key: Expr) -> Bool {
        switch key.kind {
        case .constant(.bytes(let bytes), _): return bytes.isEmpty
        case .constant(.str(let text), _): return text.isEmpty
        default: return false
        }
    }

    func check(call: CallSite, context: inout RuleContext) {
        guard let key = call.argument("key", position: 0) else { return }
        if key.isConstantBytes, !Self.isEmpty(key) {
            context.report(key.loc, "\(call.qualifiedName) is given a key written in the source", fixHint: "load the key from a secret store or the environment")
            return
        }
        // A module constant: reported where it is written, the line a reviewer must change.
        guard case .name(let id, _) = key.kind, ModuleConstants.isConstantName(key, in: context.parsed.module),
              let value = context.moduleValue(of: id) ?? context.parsed.module.onlyAssignment(of: id, inFunctionAround: key.loc.startByte),
              value.isConstantBytes, !Self.isEmpty(value), context.marks.insert(value.loc.startByte).inserted else { return }
        context.report(value.loc, "\(id) is a key written in the source, used by \(call.qualifiedName)",
                       fixHint: "load the key from a secret store or the environment")
    }
}
