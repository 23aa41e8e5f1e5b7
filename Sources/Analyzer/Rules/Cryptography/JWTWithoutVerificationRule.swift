import PythonSyntax

/// CWE-347: a JWT decoded without checking its signature, or without pinning the algorithms.
struct JWTWithoutVerificationRule: Rule {
    static let description = RuleDescription(
        code: "ASC2347", name: "jwt-signature-not-verified", cwe: 347, severity: .high, confidence: .high,
        rationale: """
        A token whose signature is not checked (verify=False, verify_signature: False, the "none" \
        algorithm, get_unverified_claims) can be forged by anyone, so every claim in it (user, \
        role, expiry) is attacker-chosen. Decode with the key and a fixed list of algorithms: \
        jwt.decode(token, key, algorithms=["HS256"]).
        """,
        triggering: [
            "import python_jwt as jwt\n\ndef claims(token):\n    return ↓jwt.process_jwt(token)\n",
            "import jwt\nclaims = jwt.decode(token, ↓verify=False)\n",
            "import jwt\nclaims = jwt.decode(token, key, algorithms=[\"HS256\"], ↓options={\"verify_signature\": False})\n",
            "import jwt\nclaims = jwt.decode(token, key, algorithms=[↓\"none\", \"HS256\"])\n",
            "from jose import jwt\nclaims = ↓jwt.get_unverified_claims(token)\n",
            "import jwt\nclaims = ↓jwt.decode(token, key)\n",
            "import jwt\nclaims = jwt.decode(token, key, ↓False)\n",
            // The issuer read, but nothing in the file decodes with a key afterwards.
            "import jwt\nissuer = jwt.decode(token, ↓options={\"verify_signature\": False}).get(\"iss\")\n",
        ],
        nonTriggering: [
            "import python_jwt as jwt\n\ndef claims(token, key):\n    header, claims = jwt.verify_jwt(token, key, [\"RS256\"])\n    return claims\n",
            "import jwt\nclaims = jwt.decode(token, key, algorithms=[\"HS256\"])\n",
            "import jwt\nclaims = jwt.decode(token, key, algorithms=[\"RS256\"], options={\"require\": [\"exp\"]})\n",
            "from jose import jwt\nheader = jwt.get_unverified_header(token)\n",
            // The issuer read to pick the platform's key, the claims then decoded with it.
            "import jwt\n\ndef launch(token):\n    issuer = jwt.decode(token, options={\"verify_signature\": False}).get(\"iss\")\n    return jwt.decode(token, KEYS[issuer], algorithms=[\"RS256\"])\n",
        ]
    )

    /// The unverified decode is read at once for its issuer or key id only (`….get("iss")`,
    /// `…["kid"]`), and the file calls `decode` elsewhere with a key.
    static func readsOnlyIssuer(_ call: CallSite, context: RuleContext) -> Bool {
        let loc = call.expression.loc
        guard loc.lineno == loc.endLineno, let line = context.sourceMap.line(loc.lineno) else { return false }
        let after = String(decoding: Array(line.utf8).dropFirst(loc.endColOffset), as: UTF8.self)
        let peeks = ["iss", "kid"].contains { claim in
            after.hasPrefix(".get(\"\(claim)\")") || after.hasPrefix(".get('\(claim)')") || after.hasPrefix("[\"\(claim)\"]") || after.hasPrefix("['\(claim)']")
        }
        guard peeks else { return false }
        var keyed = false
        context.parsed.module.walk { node in
            guard !keyed else { return false }
            // A decode that checks the signature, as the data flow reads one (`TaintSources.isVerifiedPayload`).
            if case .expr(let expression) = node, case .call = expression.kind, expression.loc != loc,
               let site = CallSite(expression, imports: context.imports), TaintSources.isVerifiedPayload(site) {
                keyed = true
            }
            return !keyed
        }
        return keyed
    }

    var callees: Set<String> {
        ["jwt.decode", "jwt.api_jwt.decode", "jose.jwt.decode", "jose.jwt.get_unverified_claims", "jose.jws.get_unverified_claims",
         "jwt.get_unverified_claims", "python_jwt.process_jwt"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        if call.qualifiedName == "python_jwt.process_jwt" {
            // process_jwt only splits the token; python_jwt.verify_jwt checks it.
            guard !context.parsed.source.containsSequence(Array("verify_jwt".utf8)) else { return }
            context.report(call.expression.loc, "python_jwt.process_jwt without verify_jwt trusts an unchecked token",
                           fixHint: "call python_jwt.verify_jwt(token, key, allowed_algs=[...])")
            return
        }
        if call.qualifiedName.hasSuffix("get_unverified_claims") {
            context.report(call.expression.loc, "\(call.qualifiedName) reads the token's claims without checking its signature",
                           fixHint: "decode with the key and algorithms=[...]")
            return
        }
        if let verify = call.keywords.first(where: { $0.arg == "verify" }), verify.value.boolConstant == false {
            context.report(verify.loc, "jwt.decode with verify=False accepts forged tokens", fixHint: "remove verify=False and pass algorithms=[...]")
            return
        }
        // PyJWT 1.x: decode(jwt, key, verify, algorithms).
        if call.arguments.count >= 3, call.arguments[2].boolConstant == false {
            context.report(call.arguments[2].loc, "jwt.decode with verify False accepts forged tokens",
                           fixHint: "remove verify=False and pass algorithms=[...]")
            return
        }
        if let options = call.keywords.first(where: { $0.arg == "options" }), case .dict(let keys, let values) = options.value.kind {
            // `jwt.decode(token, options={"verify_signature": False}).get("iss")` in a file that
            // also decodes with a key: the issuer read to choose that key (OpenID Connect, LTI),
            // its claims trusted only once verified.
            if Self.readsOnlyIssuer(call, context: context) { return }
            for (key, value) in zip(keys, values) where key?.stringConstant == "verify_signature" && value.boolConstant == false {
                context.report(options.loc, "jwt.decode with verify_signature False accepts forged tokens",
                               fixHint: "remove the option and pass the key and algorithms=[...]")
                return
            }
        }
        let algorithms = call.argument("algorithms", position: 2)
        if let algorithms {
            let listed: [Expr]
            switch algorithms.kind {
            case .list(let elements, _), .tuple(let elements, _), .set(let elements): listed = elements
            default: listed = [algorithms]
            }
            for algorithm in listed where algorithm.stringConstant?.lowercased() == "none" {
                context.report(algorithm.loc, "jwt.decode allows the \"none\" algorithm, so unsigned tokens pass",
                               fixHint: "list only the algorithms you sign with")
                return
            }
        } else if !call.hasKeywordSplat, !call.qualifiedName.hasPrefix("jose.") {
            context.report(call.expression.loc, "jwt.decode without algorithms= lets the token pick its own algorithm",
                           severity: .medium, confidence: .low, fixHint: "pass algorithms=[\"HS256\"] (the one you sign with)")
        }
    }
}
