import PythonSyntax

/// CWE-261: a password "protected" with a reversible encoding such as base64.
struct PasswordReversibleEncodingRule: Rule {
    static let description = RuleDescription(
        code: "ASC2261", name: "password-reversible-encoding", cwe: 261, severity: .medium, confidence: .medium,
        rationale: """
        Base64, hex and similar encodings are not encryption: anyone who reads the stored value \
        decodes it in one call. Store a password hash made with a key-derivation function \
        (hashlib.scrypt, bcrypt, argon2), or a real secret store for credentials you must replay.
        """,
        triggering: [
            "import base64\nrecord[\"pw\"] = base64.b64encode(↓password.encode())\n",
            "from base64 import urlsafe_b64encode\nsaved = urlsafe_b64encode(↓user.passwd.encode()).decode()\n",
            // The stored value decoded to check a login: it was stored encoded.
            "import base64\n\ndef check(row, password):\n    return ↓base64.b64decode(row[0]) == password\n",
        ],
        nonTriggering: [
            "import base64\nauth = base64.b64encode(f\"{user}:{password}\".encode()).decode()\n",  // HTTP Basic credentials
            "import base64\nencoded = base64.b64encode(data)\n",
            "import base64\nencoded = base64.b64encode(password_hash)\n",
            "import base64\ntoken = base64.b64encode(password.encode()).decode()\nheaders[\"Authorization\"] = \"Basic \" + token\n",
            "import base64\nif base64.b64decode(blob) == payload:\n    pass\n",
        ]
    )

    var callees: Set<String> {
        ["base64.b64encode", "base64.standard_b64encode", "base64.urlsafe_b64encode", "base64.b32encode", "base64.b16encode",
         "base64.b85encode", "base64.a85encode", "base64.encodebytes", "base64.encodestring", "binascii.hexlify", "binascii.b2a_base64",
         "codecs.encode"]
    }

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .compare }
    /// Every call it judges is one of these modules' (so comparisons elsewhere are not asked).
    var requiredImports: [String] { ["base64", "binascii", "codecs"] }

    static let decoders: Set<String> = [
        "base64.b64decode", "base64.standard_b64decode", "base64.urlsafe_b64decode", "base64.b32decode", "base64.b16decode",
        "base64.b85decode", "base64.a85decode", "base64.decodebytes", "base64.decodestring", "binascii.unhexlify", "binascii.a2b_base64",
    ]

    /// `base64.b64decode(stored) == password`: a login checked by decoding what was stored, so
    /// the password is kept reversibly encoded.
    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .compare(let left, let ops, let comparators) = expression.kind,
              ops.count == 1, ops[0] == .eq || ops[0] == .notEq, let right = comparators.first else { return }
        for (decoded, other) in [(left, right), (right, left)] {
            var call = decoded
            // `b64decode(x).decode()`: the same text.
            if case .call(let function, _, _) = call.kind, case .attribute(let receiver, "decode", _) = function.kind { call = receiver }
            guard case .call(let function, _, _) = call.kind, let name = context.imports.qualifiedName(of: function), Self.decoders.contains(name),
                  let compared = other.readName, PasswordNames.looksPassword(compared) else { continue }
            context.report(call.loc, "\(compared) is checked against a value decoded with \(name): it is stored only encoded, which anyone can reverse",
                           fixHint: "store a hash from hashlib.scrypt, bcrypt or argon2 and verify against it")
            return
        }
    }

    func check(call: CallSite, context: inout RuleContext) {
        guard let data = call.argument("s", position: 0) else { return }
        // `user:password` is the HTTP Basic form, which must be decodable; not storage.
        var subject = data
        if case .call(let function, _, _) = data.kind, case .attribute(let receiver, "encode", _) = function.kind { subject = receiver }
        if let built = subject.builtString, built.text.contains(":") { return }
        guard let name = subject.readName ?? data.readName, PasswordNames.looksPassword(name) else { return }
        // `user_pass`, `proxy_passwd`: a user:password pair being encoded for a Basic header.
        let parts = PasswordNames.parts(name)
        if parts.contains(where: { $0.hasPrefix("user") || $0 == "proxy" || $0 == "basic" || $0 == "auth" }) { return }
        let map = context.sourceMap
        let nearby = (call.expression.loc.lineno - 2...call.expression.loc.endLineno + 3).compactMap { map.line($0)?.lowercased() }
        if nearby.contains(where: { $0.contains("basic") || $0.contains("authorization") }) { return }
        context.report(subject.loc, "\(name) is only encoded with \(call.qualifiedName), which anyone can reverse",
                       fixHint: "store a hash from hashlib.scrypt, bcrypt or argon2")
    }
}
