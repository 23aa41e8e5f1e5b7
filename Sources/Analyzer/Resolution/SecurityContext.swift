import PythonSyntax

/// Whether code around a node is about secrets, or plainly about something else: the words on
/// its line and the name of the function it is in. Used to tell a checksum (fine with MD5) from
/// a password hash (not), and a shuffled deck from a generated token.
enum SecurityContext {
    static let words = [
        "password", "passwd", "pwd", "secret", "token", "auth", "sign", "credential", "salt", "session", "cookie", "login",
        "nonce", "hmac", "otp", "apikey", "api_key", "private", "encrypt", "decrypt", "cipher", "verify",
    ]
    /// Purposes that need no secret: a value that only names or spreads data.
    static let nonSecurityWords = ["cache", "checksum", "etag", "dedup"]

    /// The line's text and the enclosing function's qualified name.
    static func text(around loc: Loc, context: RuleContext) -> String {
        var text = context.sourceMap.line(loc.lineno) ?? ""
        if let scope = context.parsed.enclosingScope(startLine: loc.lineno, endLine: loc.endLineno) {
            text += " " + scope.qualifiedName
        }
        return text
    }

    static func suggestsSecurity(_ loc: Loc, context: RuleContext) -> Bool {
        let text = text(around: loc, context: context).lowercased()
        return words.contains { text.contains($0) }
    }

    /// Whether the line or function names a purpose that needs no secret (`cache_key`,
    /// `file_checksum`, `etag`) and nothing that does.
    static func statesNonSecurityPurpose(_ loc: Loc, context: RuleContext) -> Bool {
        let text = text(around: loc, context: context).lowercased()
        return nonSecurityWords.contains { text.contains($0) } && !words.contains { text.contains($0) }
    }

    /// Whole words of names that hold a secret (`reset_token`, `getSessionID`; not `key`, which
    /// is as often a sort or dictionary key), and
    /// stems of longer ones (`generateCryptoKey`, `verification_code`).
    static let secretNameParts: Set<String> = [
        "token", "secret", "password", "passwd", "pwd", "salt", "nonce", "otp", "session", "sid", "csrf", "xsrf",
        "pin", "reset", "captcha", "invite", "signature", "apikey", "private", "iv", "cookie", "auth", "login", "credentials",
    ]
    static let secretNameStems = ["crypt", "verif", "passw", "secret", "token", "authent", "credential", "cipher"]

    /// Whether a word of the line or of the enclosing function's name says a secret is made
    /// there. Words, not substrings: `keys`, `signal` and `monkey` are no secrets.
    /// `ownNameOnly`: the function's own name, not its class's (a `SessionRegistry` also
    /// picks spawn points).
    static func namesSecret(_ loc: Loc, context: RuleContext, ownNameOnly: Bool = false) -> Bool {
        var text = text(around: loc, context: context)
        if ownNameOnly, let scope = context.parsed.enclosingScope(startLine: loc.lineno, endLine: loc.endLineno),
           let own = scope.qualifiedName.split(separator: ".").last {
            text = (context.sourceMap.line(loc.lineno) ?? "") + " " + own
        }
        let parts = nameParts(of: text)
        return parts.contains { part in
            secretNameParts.contains(part) || secretNameStems.contains { part.hasPrefix($0) }
        } || zip(parts, parts.dropFirst()).contains { codeKinds.contains($0) && $1 == "code" || keyKinds.contains($0) && ($1 == "key" || $1 == "keys") }
    }

    /// Keys that are secrets (`issue_api_key`, `access_key`), where a bare `key` is as often a
    /// sort or dictionary key.
    static let keyKinds: Set<String> = ["api", "access", "signing", "encryption", "license", "licence"]

    /// Codes that are secrets (`new_access_code`, `recovery_code`), where a bare `code` is as
    /// often a country's or a status.
    static let codeKinds: Set<String> = ["access", "security", "activation", "recovery", "mfa", "totp", "sms"]

    /// `getSessionID(reset_token)` → get, session, id, reset, token: the text cut at what is
    /// not a letter, digit or `_`, each piece split as a name (`PasswordNames.parts`).
    static func nameParts(of text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.flatMap { PasswordNames.parts(String($0)) }
    }

}
