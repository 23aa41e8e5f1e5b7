import Analyzer
import PythonSyntax

/// Secrets never leave the machine: before code goes to a remote model, string literals that
/// hold a secret are replaced with placeholders (`"REDACTED_SECRET_1"`), and put back in the
/// model's answer. A secret is a literal the analyzer flags as a hard-coded credential (CWE-798
/// and CWE-259 findings), one given to a name that says secret (password, token, api_key, …),
/// or one shaped like a known credential (AWS, GitHub, Slack, OpenAI, Google keys, private keys).
public struct SecretRedactor: Sendable {
    public struct Redacted: Sendable {
        /// The code as it may be sent.
        public var code: String
        /// Placeholder (with its quotes) → the original literal's source text.
        public var secrets: [(placeholder: String, literal: String)]

        /// The model's code with the original literals back in place of the placeholders.
        public func restore(_ text: String) -> String {
            var out = text
            for (placeholder, literal) in secrets {
                let bare = String(placeholder.dropFirst().dropLast())
                out = out.replacingOccurrences(of: "\"\(bare)\"", with: literal).replacingOccurrences(of: "'\(bare)'", with: literal)
            }
            return out
        }
    }

    static let secretNames = ["password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "access_key", "private_key", "auth", "credential", "session_key", "signing_key"]

    public init() {}

    public func redact(_ parsed: ParsedModule, findings: [Finding]) -> Redacted {
        let source = parsed.source
        var ranges: [(start: Int, end: Int)] = []
        let flaggedLines = Set(findings.filter { $0.cweID == "CWE-798" || $0.cweID == "CWE-259" }.flatMap { $0.line...$0.endLine })
        func consider(_ expr: Expr, named name: String?) {
            guard case .constant(.str(let value), _) = expr.kind, !value.isEmpty else { return }
            let text = value.string
            let loc = expr.loc
            let byName = name.map { Self.isSecretName($0) } ?? false
            if byName || Self.looksLikeCredential(text) || (flaggedLines.contains(loc.lineno) && text.count >= 4 && !text.contains(" ")) {
                ranges.append((loc.startByte, loc.endByte))
            }
        }
        parsed.module.walk { node in
            switch node {
            case .stmt(let statement):
                switch statement.kind {
                case let .assign(targets, value):
                    let name = targets.compactMap(Self.targetName).first
                    consider(value, named: name)
                case let .annAssign(target, _, value, _):
                    if let value { consider(value, named: Self.targetName(target)) }
                default: break
                }
            case .keyword(let keyword):
                consider(keyword.value, named: keyword.arg)
            case .expr(let expr):
                switch expr.kind {
                case let .dict(keys, values):
                    for (key, value) in zip(keys, values) {
                        if let key, case .constant(.str(let name), _) = key.kind { consider(value, named: name.string) }
                    }
                case let .compare(left, _, comparators):
                    let name = Self.targetName(left)
                    for comparator in comparators { consider(comparator, named: name) }
                case .constant:
                    consider(expr, named: nil)
                default: break
                }
            case .arguments(let arguments):
                // `def login(password="hunter2")`: defaults line up with the last parameters.
                let positional = arguments.posonlyargs + arguments.args
                for (offset, value) in arguments.defaults.enumerated() {
                    let index = positional.count - arguments.defaults.count + offset
                    if index >= 0 { consider(value, named: positional[index].arg) }
                }
                for (arg, value) in zip(arguments.kwonlyargs, arguments.kwDefaults) { if let value { consider(value, named: arg.arg) } }
            default: break
            }
            return true
        }
        // Replace from the end so earlier offsets stay valid; each distinct literal gets one name.
        var unique: [(start: Int, end: Int)] = []
        for range in ranges.sorted(by: { $0.start < $1.start }) where !unique.contains(where: { $0.start == range.start }) {
            unique.append(range)
        }
        var bytes = source
        var secrets: [(placeholder: String, literal: String)] = []
        var byLiteral: [String: String] = [:]
        for range in unique.reversed() where range.start < range.end && range.end <= source.count {
            let literal = String(decoding: source[range.start..<range.end], as: UTF8.self)
            let placeholder: String
            if let known = byLiteral[literal] {
                placeholder = known
            } else {
                placeholder = "\"REDACTED_SECRET_\(byLiteral.count + 1)\""
                byLiteral[literal] = placeholder
                secrets.append((placeholder, literal))
            }
            bytes.replaceSubrange(range.start..<range.end, with: Array(placeholder.utf8))
        }
        return Redacted(code: String(decoding: bytes, as: UTF8.self), secrets: secrets)
    }

    static func targetName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .name(let id, _): return id
        case .attribute(_, let attr, _): return attr
        case .subscript(_, let slice, _):
            if case .constant(.str(let key), _) = slice.kind { return key.string }
            return nil
        default: return nil
        }
    }

    static func isSecretName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return secretNames.contains { lower.contains($0) } && !lower.hasSuffix("_url") && !lower.hasSuffix("_file") && !lower.hasSuffix("_path")
    }

    /// Shapes of real credentials: AWS access keys, GitHub, Slack, OpenAI and Google API
    /// tokens, PEM private keys, JWTs.
    static func looksLikeCredential(_ text: String) -> Bool {
        let prefixes = ["AKIA", "ASIA", "ghp_", "gho_", "ghs_", "github_pat_", "xoxb-", "xoxp-", "xoxa-", "sk-", "sk_live_", "AIza", "glpat-"]
        if text.contains("-----BEGIN") && text.contains("PRIVATE KEY") { return true }
        if text.hasPrefix("eyJ"), text.split(separator: ".").count == 3, text.count > 30 { return true }
        guard text.count >= 16, !text.contains(" ") else { return false }
        return prefixes.contains { text.hasPrefix($0) }
    }
}
