import PythonSyntax

/// B303: MD2/MD4/MD5/SHA-1 from PyCrypto(dome) and `cryptography`.
struct WeakHashLibraryRule: Rule {
    static let description = RuleDescription(
        code: "ASC303", name: "weak-hash-crypto-library", banditID: "B303", cwe: 327, severity: .medium, confidence: .high,
        rationale: """
        MD2, MD4, MD5 and SHA-1 collide cheaply and must not protect signatures, passwords or \
        integrity. Use SHA-256 or better (Crypto.Hash.SHA256, hashes.SHA256()), and a password \
        hash (scrypt, argon2) for passwords.
        """,
        triggering: [
            "from Crypto.Hash import MD5\nh = ↓MD5.new(data)\n",
            "from cryptography.hazmat.primitives import hashes\ndigest = hashes.Hash(↓hashes.SHA1())\n",
        ],
        nonTriggering: [
            "from Crypto.Hash import SHA256\nh = SHA256.new(data)\n",
            "from cryptography.hazmat.primitives import hashes\ndigest = hashes.Hash(hashes.SHA256())\n",
        ]
    )

    var callees: Set<String> {
        var names: Set<String> = []
        for package in ["Crypto", "Cryptodome"] {
            for algorithm in ["MD2", "MD4", "MD5", "SHA"] { names.insert("\(package).Hash.\(algorithm).new") }
        }
        for algorithm in ["MD5", "SHA1"] { names.insert("cryptography.hazmat.primitives.hashes.\(algorithm)") }
        return names
    }

    func check(call: CallSite, context: inout RuleContext) {
        let parts = call.qualifiedName.split(separator: ".")
        let algorithm = parts.last == "new" ? parts[parts.count - 2] : parts[parts.count - 1]
        context.report(call.expression.loc, "\(algorithm) is a broken hash for security purposes", fixHint: "use SHA-256")
    }
}
