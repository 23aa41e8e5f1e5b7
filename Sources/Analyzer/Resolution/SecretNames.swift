import PythonSyntax

/// Names that look like they hold a password or secret (Bandit's `pas+wo?r?d|pass(phrase)?|pwd|token|secrete?`
/// as a whole `_`-separated word), minus names that describe one (`password_prompt`, `token_url`).
enum SecretNames {
    static let words: Set<String> = ["password", "passwd", "passwrd", "pasword", "pass", "passphrase", "pwd", "token", "secret", "secrete"]
    static let describing: Set<String> = [
        "type", "url", "uri", "path", "file", "filename", "name", "field", "header", "prompt", "label", "endpoint", "length",
        "len", "min", "max", "policy", "regex", "pattern", "hint", "reset", "expiry", "expires", "format", "kind", "id",
        "count", "dir", "env", "var", "column", "param", "placeholder", "error", "message", "msg", "template",
    ]

    static func looksSecret(_ name: String) -> Bool {
        let parts = name.lowercased().split(separator: "_").map(String.init)
        guard parts.contains(where: words.contains), let last = parts.last else { return false }
        return !describing.contains(last) || words.contains(last)
    }

    /// A string value that could be a real secret: not empty, and not obviously a placeholder.
    static func isCandidateValue(_ expression: Expr) -> Bool {
        guard let text = expression.stringConstant else { return false }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, !trimmed.hasPrefix("$"), !(trimmed.hasPrefix("{") && trimmed.hasSuffix("}")),
              !(trimmed.hasPrefix("<") && trimmed.hasSuffix(">")), !trimmed.utf8.contains(32) else { return false }
        return trimmed.utf8.count > 4 || !["none", "null", "***"].contains(trimmed.lowercased())
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
