import PythonSyntax

/// CWE-798: a random-looking string literal stored as a key, token or credential, or passed
/// with an https URL to a client constructor.
struct HighEntropySecretRule: Rule {
    static let description = RuleDescription(
        code: "ASC2798", name: "hardcoded-high-entropy-secret", cwe: 798, severity: .medium, confidence: .medium,
        rationale: """
        A long random string stored as an API key, signing key or credential is almost always a \
        live secret; in the source it is in every clone, fork and log of the repository and \
        cannot be rotated without a release. Load it at run time: \
        api_key = os.environ["SERVICE_API_KEY"], or from a secret manager.
        """,
        triggering: [
            "NOTES_KEY = ↓bytes.fromhex(\"6b1f0c9a2d4e8f7035a1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607\")\n",
            "API_KEY = ↓\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"\n",
            "client = Client(api_key=↓\"AKIAq7Rw2Lx9Pz4Kd8Vn3Bm6\")\n",
            "settings = {\"aws_secret_access_key\": \"x\", \"signing_key\": ↓\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYz8Q2\"}\n",
            "hub = Hub(\"https://hub.example.com/api\", ↓\"ZmE4N2Q5YjEtYTRlNi00MjVk\")\n",
            "requests.get(URL, headers={\"Authorization\": ↓\"Bearer rk_prod_7f2a9c41d8e04b6fa1c3e5d7b9021f44\"})\n",
            "BACKUP_KEY = ↓b\"Bk!9x2Lq\"\n",
        ],
        nonTriggering: [
            "import os\nAPI_KEY = os.environ[\"API_KEY\"]\n",
            "API_KEY = \"your-api-key-here-xxxxxxxxxx\"\n",
            "SECRET_KEY = \"k8Jd92LmQp3zXv7Rt5Nw1YbH\"\n",  // ASC105 reports it already
            "auth_header_template = \"Authorization: Bearer {token} for the service\"\n",
            "cache_key = \"aaaaaaaaaaaaaaaaaaaaaaaaaa\"\n",  // low entropy
            "SSE_KEY = \"fs.s3.enableServerSideEncryption\"\n",  // a configuration key's name
            "EXPRESS_AUTH = \"AWS::S3::DisableS3ExpressSessionAuth\"\n",
            "QUEUE_KEY = b\"jobs:pending\"\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.assignment, .dict, .call] }

    func check(node: Node, context: inout RuleContext) {
        switch node {
        case .stmt(let statement):
            let targets: [Expr], value: Expr
            switch statement.kind {
            case .assign(let assigned, let assignedValue): (targets, value) = (assigned, assignedValue)
            case .annAssign(let target, _, let assignedValue?, _): (targets, value) = ([target], assignedValue)
            default: return
            }
            guard Self.isSecretValue(value) || Self.isShortKey(value) else { return }
            let names = targets.compactMap(SecretNames.targetName)
            // ASC105 already reports a secret-named target; one secret gives one finding.
            guard !names.contains(where: SecretNames.looksSecret), let name = names.first(where: Self.looksKeyLike) else { return }
            context.report(value.loc, Self.isSecretValue(value) ? "high-entropy string literal assigned to \(name) looks like a hard-coded secret"
                                                                : "random-looking bytes assigned to \(name) look like a hard-coded key",
                           fixHint: "load it from the environment or a secret manager")
        case .expr(let expression):
            switch expression.kind {
            case .dict(let keys, let values):
                for (key, value) in zip(keys, values) {
                    // The value test first: few strings pass it, and the name tests are costlier.
                    guard Self.isSecretValue(value), let name = key?.stringConstant, !SecretNames.looksSecret(name),
                          Self.looksKeyLike(name) else { continue }
                    context.report(value.loc, "high-entropy string literal stored under \(name) looks like a hard-coded secret",
                                   fixHint: "load it from the environment or a secret manager")
                }
            case .call(_, let arguments, let keywords):
                for keyword in keywords {
                    guard Self.isSecretValue(keyword.value), let name = keyword.arg, !SecretNames.looksSecret(name),
                          Self.looksKeyLike(name) else { continue }
                    context.report(keyword.value.loc, "high-entropy string literal passed as \(name) looks like a hard-coded secret",
                                   fixHint: "load it from the environment or a secret manager")
                }
                let endpoint = arguments.contains { argument in
                    guard let text = argument.stringConstant else { return false }
                    return text.utf8.prefix(8).lazy.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }.elementsEqual("https://".utf8)  // any case
                }
                guard endpoint else { return }
                for argument in arguments where Self.isSecretValue(argument) {
                    context.report(argument.loc, "high-entropy string literal passed with a service URL looks like a hard-coded credential",
                                   fixHint: "load it from the environment or a secret manager")
                }
            default:
                return
            }
        default:
            return
        }
    }

    static let keyWords = ["secret", "token", "apikey", "credential", "passwd", "privatekey", "accesskey", "clientsecret"]

    /// `api_key`, `signingKey`, `AUTH_TOKEN`, `credentials`; not `keyboard` or `author`.
    static func looksKeyLike(_ name: String) -> Bool {
        // `alias/aws/kms`, `X-Api-Key header`: a path or label, not a variable or field name.
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return false }
        let parts = PasswordNames.parts(name)
        if let last = parts.last, SecretNames.describing.contains(last) || describing.contains(last) { return false }
        // `key_sha256`, `cache_key_md5`: a digest of a key is not the key.
        if parts.contains(where: { $0.hasPrefix("sha") || $0 == "md5" || $0 == "hash" || $0 == "digest" || $0 == "checksum" }) { return false }
        let joined = parts.joined()
        if keyWords.contains(where: joined.contains) { return true }
        return parts.contains { $0 == "key" || $0 == "auth" || $0 == "authorization" || $0.hasPrefix("auth") && !$0.hasPrefix("author") }
            || (parts.last.map { $0.hasSuffix("key") && $0.count > 3 } ?? false)
    }

    static let describing: Set<String> = ["pattern", "prefix", "suffix", "alias", "arn", "size", "bits", "version", "algorithm", "alg", "usage", "spec"]

    static let placeholders = ["xxxx", "changeme", "change_me", "your", "example", "placeholder", "dummy", "sample", "redacted", "****", "...."]

    /// A literal of 20+ characters, no spaces, at least two of lower/upper/digit, entropy of
    /// 3.5 bits per character or more, and not a URL, path or placeholder.
    static func isSecretValue(_ expression: Expr) -> Bool {
        guard var text = literalText(expression), text.utf8.count >= 20 else { return false }
        // `"Bearer rk_prod_7f2a…"`: an Authorization header's credential after its scheme
        // (asked of every long string: the first byte before any prefix test).
        if let first = text.utf8.first, first == UInt8(ascii: "B") || first == UInt8(ascii: "b") || first == UInt8(ascii: "T")
            || first == UInt8(ascii: "t") || first == UInt8(ascii: "A"),
           let scheme = authorizationSchemes.first(where: { text.hasPrefix($0) }) {
            text = String(text.dropFirst(scheme.count))
        }
        return isSecretText(text)
    }

    /// A bytes literal of 8 to 64 printable bytes mixing three of lower case, upper case,
    /// digits and other signs, none of them a separator of names (`b"Bk!9x2Lq"`): a
    /// cipher's key, however short, where a name says key (`BACKUP_KEY`).
    static func isShortKey(_ expression: Expr) -> Bool {
        guard case .constant(.bytes(let bytes), _) = expression.kind, (8...64).contains(bytes.count),
              bytes.allSatisfy({ $0 > 32 && $0 < 127 }), !bytes.contains(where: { ":/.".utf8.contains($0) }) else { return false }
        let lower = bytes.contains { $0 >= 97 && $0 <= 122 }, upper = bytes.contains { $0 >= 65 && $0 <= 90 }
        let digit = bytes.contains { $0 >= 48 && $0 <= 57 }
        let other = bytes.contains { !($0 >= 97 && $0 <= 122 || $0 >= 65 && $0 <= 90 || $0 >= 48 && $0 <= 57) }
        return [lower, upper, digit, other].filter { $0 }.count >= 3
    }

    /// The text of a string literal, of a bytes literal, or of one decoded in place
    /// (`bytes.fromhex("6b1f…")`, `base64.b64decode("…")`): a key written in the source all the same.
    static func literalText(_ expression: Expr) -> String? {
        switch expression.kind {
        case .constant(.str(let text), _): return text.string
        case .constant(.bytes(let bytes), _): return bytes.allSatisfy({ $0 >= 32 && $0 < 127 }) ? String(decoding: bytes, as: UTF8.self) : nil
        case .call(let function, let arguments, _):
            guard arguments.count == 1, case .attribute(let owner, let method, _) = function.kind, case .name(let module, _) = owner.kind,
                  decoders.contains("\(module).\(method)") else { return nil }
            if case .call = arguments[0].kind { return nil }
            return literalText(arguments[0])
        default: return nil
        }
    }
    static let decoders: Set<String> = ["bytes.fromhex", "base64.b64decode", "base64.urlsafe_b64decode", "base64.b32decode", "binascii.unhexlify", "binascii.a2b_hex"]

    static let authorizationSchemes = ["Bearer ", "bearer ", "Token ", "token ", "Basic ", "ApiKey ", "Api-Key "]

    static func isSecretText(_ text: String) -> Bool {
        // Most long strings are prose: a blank byte ends the test before counting characters.
        guard text.utf8.count >= 20,
              !text.utf8.contains(where: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }),
              text.count >= 20, text.count <= 512 else { return false }
        let lower = text.lowercased()
        if text.contains(where: { $0.isWhitespace }) || lower.contains("://") || text.hasPrefix("/") || text.hasPrefix("./")
            || text.hasPrefix("<") || text.contains("${") || text.contains("{{") || text.contains("%s") || text.contains("{}")
            || placeholders.contains(where: lower.contains) { return false }
        // Regexes, `$2b$` hashes and templates are not secrets to rotate.
        if text.contains(where: { "\\[]()$^".contains($0) }) { return false }
        let classes = [text.contains { $0.isLowercase }, text.contains { $0.isUppercase }, text.contains { $0.isNumber }].filter { $0 }.count
        // Random keys of this length all but always mix letters and digits; names and labels do not.
        guard classes >= 2, text.contains(where: { $0.isNumber }), text.contains(where: { $0.isLetter }), !isUUID(text) else { return false }
        // Dotted or snake_case identifiers (`module.sub.ClassName`, `SOME_SETTING_NAME_2`) are names, not secrets.
        if text.allSatisfy({ $0.isLetter || $0 == "." || $0 == "_" }) { return false }
        return entropy(text) >= 3.5 && classSwitchRate(text) >= 0.25
    }

    /// How often neighbouring characters change class (lower, upper, digit, other), separators
    /// `._-:` ignored: about 0.45 for random keys, under 0.25 for words and identifiers such as
    /// `fs.s3.enableServerSideEncryption` or `AWS_S3_SESSION_AUTH`.
    static func classSwitchRate(_ text: String) -> Double {
        let classes: [Int] = text.compactMap { character in
            if character == "." || character == "_" || character == "-" || character == ":" { return nil }
            if character.isLowercase { return 0 }
            if character.isUppercase { return 1 }
            if character.isNumber { return 2 }
            return 3
        }
        guard classes.count > 1 else { return 0 }
        // Upper to lower starts a word (`Session`), so it does not count.
        let switches = zip(classes, classes.dropFirst()).filter { $0 != $1 && !($0 == 1 && $1 == 0) }.count
        return Double(switches) / Double(classes.count - 1)
    }

    /// `fee5173a-3972-428e-ae73-cd4c2a371222`: an identifier, not a credential.
    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    static func entropy(_ text: String) -> Double {
        var counts: [Character: Int] = [:]
        for character in text { counts[character, default: 0] += 1 }
        let total = Double(text.count)
        return counts.values.reduce(0) { sum, count in
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }
}

private func log2(_ x: Double) -> Double {
    // ln(x)/ln(2) without Foundation: the library does not import it.
    var value = x, exponent = 0.0
    while value >= 2 { value /= 2; exponent += 1 }
    while value < 1 { value *= 2; exponent -= 1 }
    // value in [1, 2): ln(value) by the atanh series.
    let y = (value - 1) / (value + 1), y2 = y * y
    var term = y, sum = 0.0, n = 1.0
    for _ in 0..<30 { sum += term / n; term *= y2; n += 2 }
    return exponent + 2 * sum / 0.6931471805599453
}
