import PythonSyntax

/// Names that look like they hold a password or secret (Bandit's `pas+wo?r?d|pass(phrase)?|pwd|token|secrete?`
/// as a whole `_`-separated word), minus names that describe one (`password_prompt`, `token_url`).
enum SecretNames {
    /// Bandit's words, and a hash's `pepper` (a server-wide secret mixed into password hashes).
    static let words: Set<String> = ["password", "passwd", "passwrd", "pasword", "pass", "passphrase", "pwd", "token", "secret", "secrete", "pepper"]
    static let describing: Set<String> = [
        "type", "url", "uri", "path", "file", "filename", "name", "field", "header", "prompt", "label", "endpoint", "length",
        "len", "min", "max", "policy", "regex", "pattern", "hint", "reset", "expiry", "expires", "format", "kind", "id",
        "count", "dir", "env", "var", "column", "param", "placeholder", "error", "message", "msg", "template",
        // What a token is bound to or made for, not the token (`TOKEN_CONTEXT = b"share-link-v2"`).
        "context", "purpose", "scope", "audience", "namespace", "info",
        // What a token looks like, not the token (`TOKEN_PREFIX = "ci_"`).
        "prefix", "suffix", "separator", "delimiter", "version",
    ]

    /// A `pin` that is a board's connector, not a secret number (`LED_PIN = "D4"`).
    static let hardwareWords: Set<String> = [
        "led", "gpio", "relay", "button", "sensor", "motor", "servo", "pwm", "adc", "dac", "board", "tx", "rx", "cs", "sda", "scl",
        "spi", "i2c", "uart", "trigger", "echo", "data", "clock", "clk", "power", "enable", "interrupt", "irq", "input", "output",
        "out", "in", "buzzer", "fan", "pump", "valve", "dht", "pins", "reset", "mode",
    ]

    /// Every word above (and `pin`, `passcode`) holds one of these.
    private static let stems: [[UInt8]] = ["pas", "pwd", "token", "secret", "pepper", "pin"].map { Array($0.utf8) }

    /// Whether `name` may hold a secret word: false only for an ASCII name with none of
    /// `stems` in any case (most names; the full test splits and lowercases the name).
    static func mayHoldStem(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
            func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
            return stems.contains { stem in
                guard bytes.count >= stem.count else { return false }
                return (0...(bytes.count - stem.count)).contains { start in
                    (0..<stem.count).allSatisfy { lower(bytes[start + $0]) == stem[$0] }
                }
            }
        } ?? true
    }

    static func looksSecret(_ name: String) -> Bool {
        // Every word above (and `pin`, `passcode`) holds one of these: most names hold none.
        if !mayHoldStem(name) { return false }
        let parts = name.lowercased().split(separator: "_").map(String.init)
        // A PIN or passcode (`MAINTENANCE_PIN`), unless the name is a board's connector.
        let pin = parts.contains("passcode") || parts.contains("pin") && !parts.contains(where: hardwareWords.contains)
        guard pin || parts.contains(where: words.contains), let last = parts.last else { return false }
        if pin { return !describing.contains(last) || last == "pin" || last == "passcode" }
        return !describing.contains(last) || words.contains(last)
    }

    /// A string (or printable bytes) value that could be a real secret: not empty, and not
    /// obviously a placeholder.
    static func isCandidateValue(_ expression: Expr) -> Bool {
        var literal = expression.stringConstant
        if literal == nil, case .constant(.bytes(let bytes), _) = expression.kind, bytes.allSatisfy({ $0 >= 32 && $0 < 127 }) {
            literal = String(decoding: bytes, as: UTF8.self)
        }
        guard let text = literal else { return false }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, !trimmed.hasPrefix("$"), !(trimmed.hasPrefix("{") && trimmed.hasSuffix("}")),
              !(trimmed.hasPrefix("<") && trimmed.hasSuffix(">")), !trimmed.utf8.contains(32) else { return false }
        if isPlainAddress(trimmed) { return false }
        // A mask or placeholder (`"…"`, `"---"`): no letter or digit to make a secret of.
        guard trimmed.contains(where: { $0.isLetter || $0.isNumber }) else { return false }
        return trimmed.utf8.count > 4 || !["none", "null", "***"].contains(trimmed.lowercased())
    }

    /// A web address that carries nothing secret: no user or password before the host, no
    /// query, and no path part long enough to be a key (`https://idp.example/oauth2/token`
    /// named `IDP_TOKEN` is where tokens come from; a webhook's long path part is its secret).
    static func isPlainAddress(_ text: Substring) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains("@"), !text.contains("?") else { return false }
        return text.split(separator: "/").dropFirst(2).allSatisfy { $0.utf8.count < 20 }
    }

    /// The name an assignment target binds: `password`, `self.password`, `config["password"]`.
    static func targetName(_ target: Expr) -> String? {
        switch target.kind {
        case .name(let id, _): return id
        case .attribute(_, let attr, _): return attr
        case .subscript(_, let slice, _): return slice.stringConstant
        default: return nil
        }
    }
}

private extension String {
    var trimmingSpaces: Substring {
        let start = drop { $0.isWhitespace }
        return start.dropLast(start.reversed().prefix { $0.isWhitespace }.count)
    }
}
