import PythonSyntax

/// CWE-208: a secret (password, token, signature, MAC) compared with `==`, which returns as
/// soon as a byte differs.
struct NonConstantTimeComparisonRule: Rule {
    static let description = RuleDescription(
        code: "ASC2208", name: "non-constant-time-secret-comparison", cwe: 208, severity: .low, confidence: .medium,
        rationale: """
        `==` on strings and bytes stops at the first differing byte, so the response time tells \
        an attacker how much of a guessed signature, token or password is right, and they can \
        recover it byte by byte. Compare secrets with hmac.compare_digest(a, b) (or \
        secrets.compare_digest).
        """,
        triggering: [
            "import hmac\nif ↓hmac.new(key, body, \"sha256\").hexdigest() == request_signature:\n    accept()\n",
            "def check(user, supplied):\n    return ↓user.api_key == supplied\n",
            "if ↓expected_digest != received:\n    reject()\n",
            "def check(received, body):\n    if ↓received != _expected_signature(body):\n        abort(401)\n",
        ],
        nonTriggering: [
            // A manifest's published checksum, however spelt.
            "import hashlib\n\ndef verify(blob, entry):\n    digest = hashlib.sha256(blob).hexdigest()\n    if digest != entry[\"sha256\"].lower():\n        raise ValueError(\"corrupt\")\n",
            // A password typed twice at the terminal.
            "import getpass\n\ndef ask():\n    password = getpass.getpass()\n    if password != getpass.getpass(\"Confirm: \"):\n        raise SystemExit(1)\n",
            "import hmac\nif hmac.compare_digest(expected_signature, received):\n    accept()\n",
            "if password is None or password == \"\":\n    ask()\n",
            "if token == tokenize.NAME:\n    pass\n",  // a lexer token, not a secret
            "def signup(form):\n    if form.get(\"password\") != form.get(\"password_confirm\"):\n        raise ValueError(\"mismatch\")\n",
            "def changed(self, job_id, digest):\n    return self.fingerprints.get(job_id) != digest\n",
            "if len(signature) != 64:\n    reject()\n",
            "import inspect\nif inspect.signature(f) == signature:\n    pass\n",
            // A file's checksum, which anyone may compute.
            "if file_digest(archive) != entry[\"sha256\"]:\n    reject()\n",
            "digest = sha256sum(target)\nif digest != entry[\"sha256\"]:\n    reject()\n",
            "if sha256sum(archive) != expected_digest(archive):\n    reject()\n",
            // A job's published checksum, as an attribute.
            "if job.checksum.lower() != digest:\n    reject()\n",
            // A keyless digest of a downloaded file, bound to a name first.
            "import hashlib\n\ndef fetch(dest, expected_sha256):\n    digest = hashlib.sha256(open(dest, \"rb\").read()).hexdigest()\n    if digest != expected_sha256.lower():\n        raise ValueError(\"corrupt\")\n",
            // A keyless digest of the data itself.
            "import hashlib\nif hashlib.sha256(data).digest() != digest:\n    reject()\n",
            // npm's published subresource integrity of a tarball.
            "if digest != manifest[\"dist\"].get(\"integrity\"):\n    reject()\n",
            // A stored password hash: what leaks is the hash of the guess, not the password.
            "if user.password_hash != hash_password(supplied):\n    reject()\n",
        ]
    )

    static let secretWords: Set<String> = ["password", "passwd", "pwd", "secret", "digest", "hmac", "apikey", "otp", "totp"]
    /// `signature` alone is as often a function's signature; a qualified one is a MAC.
    static let signatureQualifiers: Set<String> = [
        "expected", "received", "computed", "provided", "request", "header", "webhook", "given", "supplied", "actual", "calculated",
        "sent", "incoming", "hmac", "payload", "message", "msg", "body",
    ]
    static let tokenQualifiers: Set<String> = ["csrf", "xsrf", "auth", "access", "api", "session", "reset", "refresh", "bearer", "verification", "confirm", "confirmation", "secret"]
    static let checksumQualifiers: Set<String> = ["file", "checksum", "archive", "artifact", "download", "content", "package", "blob", "chunk", "image"]
    static let describing: Set<String> = ["hash", "length", "len", "type", "name", "algorithm", "alg", "size", "field", "label", "prompt", "url", "header", "method", "format", "count", "version"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .compare }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .compare(let left, let ops, let comparators) = expression.kind,
              ops.count == 1, ops[0] == .eq || ops[0] == .notEq, let right = comparators.first else { return }
        // `form.get("password") != form.get("password_confirm")`: two values of one submission
        // matched against each other; no secret of the server's is timed.
        if Self.submittedField(left).map({ $0 == Self.submittedField(right) }) == true { return }
        // The name test before the binding lookups: most comparisons name no secret.
        guard Self.isOperand(left), Self.isOperand(right), !Self.isPublishedChecksum(left), !Self.isPublishedChecksum(right),
              !Self.isHash(left), !Self.isHash(right),
              let secret = Self.secretName(of: left, context: context) ?? Self.secretName(of: right, context: context),
              !Self.isTypedHere(left, context: context), !Self.isTypedHere(right, context: context),
              !Self.holdsChecksum(left, context: context), !Self.holdsChecksum(right, context: context) else { return }
        context.report(expression.loc, "\(secret) compared with \(ops[0] == .eq ? "==" : "!="), which leaks timing",
                       fixHint: "use hmac.compare_digest(a, b)")
    }

    /// The container a field is read from by key (`form.get("password")`, `data["confirm"]`),
    /// by its text.
    static func submittedField(_ expression: Expr) -> String? {
        switch expression.kind {
        case .subscript(let container, let key, _) where key.stringConstant != nil: return container.readName
        case .call(let function, let arguments, _):
            guard case .attribute(let container, "get", _) = function.kind, arguments.first?.stringConstant != nil else { return nil }
            return container.readName
        default: return nil
        }
    }

    /// A confirmation typed at this terminal (`getpass.getpass("Confirm: ")`, `input()`, or a
    /// name bound to one): whoever could time the comparison is the one typing.
    static func isTypedHere(_ expression: Expr, context: RuleContext) -> Bool {
        var value = expression
        if case .name(let id, _) = expression.kind, let bound = context.parsed.module.onlyAssignment(of: id, inFunctionAround: expression.loc.startByte) {
            value = bound
        }
        guard case .call(let function, _, _) = value.kind, let name = context.imports.qualifiedName(of: function) else { return false }
        return name == "getpass.getpass" || name == "input"
    }

    /// A name the function binds once to a checksum (`digest = hashlib.sha256(data).hexdigest()`).
    static func holdsChecksum(_ expression: Expr, context: RuleContext) -> Bool {
        guard case .name(let id, _) = expression.kind,
              let bound = context.parsed.module.onlyAssignment(of: id, inFunctionAround: expression.loc.startByte) else { return false }
        return isPublishedChecksum(bound)
    }

    /// `entry["sha256"]`, `meta.get("checksum")`: a manifest's published checksum of a file,
    /// which anyone may compute.
    static func isPublishedChecksum(_ expression: Expr) -> Bool {
        let key: String?
        switch expression.kind {
        case .subscript(_, let slice, _): key = slice.stringConstant
        case .attribute(_, let attr, _): key = attr  // `job.checksum`, `entry.sha256`
        case .call(let function, let arguments, _):
            // `entry["sha256"].lower()`: the same checksum, spelt one way.
            if case .attribute(let inner, let method, _) = function.kind, ["lower", "upper", "strip"].contains(method), arguments.isEmpty {
                return isPublishedChecksum(inner)
            }
            // `hashlib.sha256(data).digest()`: a digest without a key, which anyone may compute.
            if case .attribute(let hashed, let method, _) = function.kind, method == "digest" || method == "hexdigest",
               case .call(let algorithm, _, _) = hashed.kind, case .attribute(let module, _, _) = algorithm.kind,
               case .name("hashlib", _) = module.kind {
                return true
            }
            // `sha256sum(archive)`, `md5sum(path)`: a file's checksum, which anyone may compute.
            if case .name(let callee, _) = function.kind, ["sha256sum", "sha1sum", "md5sum", "sha512sum", "checksum", "file_checksum"].contains(callee.lowercased()) {
                return true
            }
            guard case .attribute(let table, "get", _) = function.kind else { return false }
            // `self.fingerprints.get(job_id)`: a table of content checksums, looked up.
            if let tableName = table.readName, PasswordNames.parts(tableName).contains(where: { ["fingerprint", "fingerprints", "checksums", "digests", "etags"].contains($0) }) {
                return true
            }
            key = arguments.first?.stringConstant
        default: return false
        }
        return key.map { checksumKeys.contains($0.lowercased()) } ?? false
    }
    /// `user.password_hash`, `hash_password(guess)`: a stored hash compared with the hash of a
    /// guess leaks the hash's bytes, which the guesser cannot steer.
    static func isHash(_ expression: Expr) -> Bool {
        var name = expression.readName
        if name == nil, case .call(let function, _, _) = expression.kind, case .name(let id, _) = function.kind { name = id }
        guard let name else { return false }
        return PasswordNames.parts(name).contains { $0 == "hash" || $0 == "hashed" }
    }

    static let checksumKeys: Set<String> = [
        "sha256", "sha1", "sha512", "sha384", "sha224", "md5", "checksum", "sha256sum", "md5sum", "blake2b",
        "integrity", "shasum", "etag",  // npm's subresource integrity and shasum, an HTTP entity tag
    ]

    /// Values worth comparing in constant time: not literals, None, lengths or types.
    static func isOperand(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .constant, .joinedStr, .list, .tuple, .dict, .set, .compare, .boolOp: return false
        case .call(let function, _, _):
            if case .name(let id, _) = function.kind, ["len", "type", "int", "bool", "isinstance", "hash", "id"].contains(id) { return false }
            return true
        default: return true
        }
    }

    static func secretName(of expression: Expr, context: RuleContext) -> String? {
        if case .call(let function, _, _) = expression.kind {
            // `hmac.new(...).hexdigest()`, `hmac.digest(...)`: a computed MAC.
            if let name = context.imports.qualifiedName(of: function), name.hasPrefix("hmac.new(") || name == "hmac.digest" {
                return "an HMAC"
            }
        }
        // A value or, for a helper's result (`_expected_signature(body)`), the helper's name.
        var helperName: String?
        if case .call(let function, _, _) = expression.kind, case .name(let id, _) = function.kind { helperName = id }
        guard let name = expression.readName ?? helperName else { return nil }
        let parts = PasswordNames.parts(name)
        guard let last = parts.last, !describing.contains(last) else { return nil }
        // A file's or download's digest is a checksum anyone may compute: no secret to leak.
        if parts.contains("digest"), parts.contains(where: checksumQualifiers.contains) { return nil }
        if parts.contains(where: secretWords.contains) || parts.joined().contains("apikey") { return name }
        if parts.contains("token"), parts.contains(where: tokenQualifiers.contains) { return name }
        if parts.contains(where: { $0 == "signature" || $0 == "sig" }), parts.contains(where: signatureQualifiers.contains) { return name }
        return nil
    }
}
