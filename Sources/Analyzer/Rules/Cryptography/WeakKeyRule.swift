import PythonSyntax

/// B505: RSA/DSA keys under 2048 bits and elliptic curves under 224 bits.
struct WeakKeyRule: Rule {
    static let description = RuleDescription(
        code: "ASC505", name: "weak-cryptographic-key", banditID: "B505", cwe: 326, severity: .medium, confidence: .high,
        rationale: """
        RSA and DSA keys under 2048 bits and curves under 224 bits can be broken with feasible \
        effort. Generate RSA/DSA keys of at least 2048 (better 3072) bits and use curves such as \
        SECP256R1, or Ed25519.
        """,
        triggering: [
            "from cryptography.hazmat.primitives.asymmetric import rsa\nkey = rsa.generate_private_key(public_exponent=65537, key_size=↓1024)\n",
            "from Crypto.PublicKey import RSA\nkey = RSA.generate(↓512)\n",
            "from cryptography.hazmat.primitives.asymmetric import ec\nkey = ec.generate_private_key(↓ec.SECP192R1())\n",
        ],
        nonTriggering: [
            "from cryptography.hazmat.primitives.asymmetric import rsa\nkey = rsa.generate_private_key(public_exponent=65537, key_size=3072)\n",
            "from cryptography.hazmat.primitives.asymmetric import ec\nkey = ec.generate_private_key(ec.SECP256R1())\n",
            "from Crypto.PublicKey import DSA\nkey = DSA.generate(bits)\n",
        ]
    )

    /// Qualified call → (algorithm, keyword of the size, position of the size).
    static let generators: [String: (algorithm: String, keyword: String, position: Int)] = {
        var table: [String: (String, String, Int)] = [
            "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key": ("RSA", "key_size", 1),
            "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key": ("DSA", "key_size", 0),
            "cryptography.hazmat.primitives.asymmetric.dsa.generate_parameters": ("DSA", "key_size", 0),
            "cryptography.hazmat.primitives.asymmetric.ec.generate_private_key": ("EC", "curve", 0),
        ]
        for package in ["Crypto", "Cryptodome"] {
            table["\(package).PublicKey.RSA.generate"] = ("RSA", "bits", 0)
            table["\(package).PublicKey.DSA.generate"] = ("DSA", "bits", 0)
        }
        return table
    }()

    static let weakCurves: [String: Int] = ["SECP192R1": 192, "SECT163K1": 163, "SECT163R2": 163]

    var callees: Set<String> { Set(Self.generators.keys) }

    func check(call: CallSite, context: inout RuleContext) {
        guard let generator = Self.generators[call.qualifiedName],
              let argument = call.argument(generator.keyword, position: generator.position) else { return }
        if generator.algorithm == "EC" {
            let curve: Expr
            if case .call(let function, _, _) = argument.kind { curve = function } else { curve = argument }
            guard let name = context.imports.qualifiedName(of: curve)?.split(separator: ".").last,
                  let bits = Self.weakCurves[String(name)] else { return }
            context.report(argument.loc, "EC key on \(name) (\(bits) bits) is too weak", fixHint: "use SECP256R1 or stronger")
            return
        }
        guard let bits = argument.intConstant, bits < 2048 else { return }
        context.report(argument.loc, "\(generator.algorithm) key of \(bits) bits is too weak", severity: bits < 1024 ? .high : .medium,
                       fixHint: "use at least 2048 bits")
    }
}
