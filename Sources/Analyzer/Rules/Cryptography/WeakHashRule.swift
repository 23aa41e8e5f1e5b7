import PythonSyntax

/// B324: MD4, MD5 and SHA-1 from hashlib, used for security.
struct WeakHashRule: Rule {
    static let description = RuleDescription(
        code: "ASC324", name: "weak-hash", banditID: "B324", cwe: 327, severity: .medium, confidence: .high,
        rationale: """
        MD4, MD5 and SHA-1 collide cheaply and must not protect passwords, signatures or tokens. \
        Use hashlib.sha256 (or a password hash such as hashlib.scrypt); for checksums that are \
        not security, say so with usedforsecurity=False.
        """,
        fixAvailable: true,
        triggering: [
            "import hashlib\ndigest = ↓hashlib.md5(password.encode()).hexdigest()\n",
            // A purpose nobody states is not taken for a checksum.
            "import hashlib\n\ndef digest(data):\n    return ↓hashlib.md5(data).hexdigest()\n",
            "import hashlib\nh = ↓hashlib.sha1()\n",
            "import hashlib\nh = ↓hashlib.new(\"md5\", data)\n",
            "from hashlib import md5 as weak\nh = ↓weak(b\"x\")\n",
            "import hashlib, hmac\nsig = ↓hmac.new(key, data, hashlib.md5).hexdigest()\n",
        ],
        nonTriggering: [
            "import hashlib\nh = hashlib.sha256(data)\n",
            "import hashlib\nh = hashlib.md5(data, usedforsecurity=False)\n",
            "import hashlib\nh = hashlib.new(\"sha256\", data)\n",
            "import hashlib, hmac\nsig = hmac.new(key, data, hashlib.sha256).hexdigest()\n",
            "import base64, hashlib, hmac\npassword = base64.b64encode(hmac.new(secret, username.encode(), hashlib.sha1).digest())\n",
            // A stated purpose that needs no secret: a checksum, a cache key, an ETag.
            "import hashlib\n\ndef file_checksum(data):\n    return hashlib.md5(data).hexdigest()\n",
            "import hashlib\n\ndef cache_key(url):\n    return hashlib.md5(url.encode()).hexdigest()\n",
        ]
    )

    static let weak: Set<String> = ["md4", "md5", "sha1", "sha", "md5-sha1", "ripemd160"]

    /// `hashlib.md5` or `"md5"` given as a MAC's digest: the weak algorithm's name.
    static func weakDigest(_ digest: Expr, imports: ImportTable) -> String? {
        if let text = digest.stringConstant?.lowercased() { return weak.contains(text) ? text : nil }
        guard let name = imports.qualifiedName(of: digest), name.hasPrefix("hashlib.") else { return nil }
        let algorithm = String(name.dropFirst("hashlib.".count))
        return weak.contains(algorithm) ? algorithm : nil
    }

    var callees: Set<String> { ["hashlib.md4", "hashlib.md5", "hashlib.sha1", "hashlib.new", "hmac.new", "hmac.digest"] }

    func check(call: CallSite, context: inout RuleContext) {
        if call.qualifiedName.hasPrefix("hmac.") {
            // `hmac.new(key, msg, hashlib.md5)`: a MAC on a broken hash, deprecated (RFC 6151)
            // though not yet forgeable; low. HMAC-SHA1 stands (collisions do not forge a MAC;
            // TURN's REST credentials and TOTP are defined on it).
            guard let digest = call.argument(call.qualifiedName == "hmac.new" ? "digestmod" : "digest", position: 2),
                  let algorithm = Self.weakDigest(digest, imports: context.imports), algorithm.hasPrefix("md") else { return }
            context.report(call.expression.loc, "HMAC-\(algorithm.uppercased()) rests on a broken hash (deprecated by RFC 6151)",
                           severity: .low, confidence: .high, fixHint: "use hashlib.sha256 as the digest")
            return
        }
        if let flag = call.argument("usedforsecurity"), flag.boolConstant == false { return }
        let algorithm: String
        if call.qualifiedName == "hashlib.new" {
            guard let name = call.argument("name", position: 0)?.stringConstant?.lowercased(), Self.weak.contains(name) else { return }
            algorithm = name
        } else {
            algorithm = String(call.qualifiedName.dropFirst("hashlib.".count))
        }
        // A checksum or cache key is not a security use; a password, token or signature is.
        if SecurityContext.statesNonSecurityPurpose(call.expression.loc, context: context) { return }
        let forSecurity = SecurityContext.suggestsSecurity(call.expression.loc, context: context)
        context.report(call.expression.loc,
                       forSecurity ? "\(algorithm.uppercased()) is a broken hash for protecting secrets"
                                   : "\(algorithm.uppercased()) is a broken hash; fine for a checksum, not for security",
                       severity: forSecurity ? .medium : .low, confidence: forSecurity ? .high : .medium,
                       fixHint: "use hashlib.sha256, or pass usedforsecurity=False for a non-security checksum")
    }
}
