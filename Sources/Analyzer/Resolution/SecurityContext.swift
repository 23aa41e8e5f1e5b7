import PythonSyntax

/// Whether code around a node is about secrets: the words on its line and the name of the
/// function it is in. Used to tell a checksum (fine with MD5) from a password hash (not).
enum SecurityContext {
    static let words = [
        "password", "passwd", "pwd", "secret", "token", "auth", "sign", "credential", "salt", "session", "cookie", "login",
        "nonce", "hmac", "otp", "apikey", "api_key", "private", "encrypt", "decrypt", "cipher", "verify",
    ]

    static func suggestsSecurity(_ loc: Loc, context: RuleContext) -> Bool {
        var text = (context.sourceMap.line(loc.lineno) ?? "").lowercased()
        if let scope = context.parsed.enclosingScope(startLine: loc.lineno, endLine: loc.endLineno) {
            text += " " + scope.qualifiedName.lowercased()
        }
        return words.contains { text.contains($0) }
    }
}
