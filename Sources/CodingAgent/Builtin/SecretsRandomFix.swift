import Analyzer
import Foundation
import PythonSyntax

/// `random.choice(...)` (and every other `random` call) where the value is a token, password,
/// key, nonce or code → the same method of `secrets.SystemRandom()`, the OS's generator, which
/// has the whole `random.Random` interface. Random numbers for anything else stay as they are.
enum SecretsRandomFix: BuiltinFix {
    /// Identifier words: `reset_token`, `getSessionID` → reset, token, get, session, id.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        for identifier in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            var current = ""
            var previousLower = false
            for character in identifier {
                if character.isUppercase, previousLower, !current.isEmpty { out.append(current); current = "" }
                current.append(character)
                previousLower = character.isLowercase
            }
            if !current.isEmpty { out.append(current) }
        }
        return out
    }

    static let codes: Set<String> = ["ASC311"]
    static let fixesLowSeverity = true
    static let changesResults = true

    static let securityWords = ["token", "password", "passwd", "secret", "key", "nonce", "salt", "otp", "session", "csrf", "auth", "pin", "code", "captcha", "reset", "invite", "api"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(let function, _, _) = call.kind else { return nil }
        // Only where the line or the function says the value protects something.
        let line = context.parsed.sourceMap.line(finding.line) ?? ""
        let words = (Self.words(line) + Self.words(finding.scope ?? "")).map { $0.lowercased() }
        guard words.contains(where: { securityWords.contains($0) }) else { return nil }
        let method: String
        switch function.kind {
        case .attribute(_, let attr, _): method = attr
        case .name(let id, _): method = context.imports.binding(of: id)?.split(separator: ".").last.map(String.init) ?? id
        default: return nil
        }
        return FixPlan(edits: [SourceEdit(start: function.loc.startByte, end: function.loc.endByte, replacement: "secrets.SystemRandom().\(method)")],
                       imports: ["secrets"], description: "draw it from secrets.SystemRandom()")
    }
}

/// `tempfile.mktemp(...)` → `tempfile.NamedTemporaryFile(delete=False, ...).name`: the file is
/// created atomically (like mkstemp) and the same path comes back, so the code around it keeps
/// working; mktemp's positional suffix, prefix and dir become keywords.
enum SecureTempFileFix: BuiltinFix {
    static let codes: Set<String> = ["ASC306"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(_, let arguments, let keywords) = call.kind,
              arguments.count <= 3, !arguments.contains(where: { if case .starred = $0.kind { return true }; return false }),
              keywords.allSatisfy({ ["suffix", "prefix", "dir"].contains($0.arg ?? "") }) else { return nil }
        var parts = ["delete=False"]
        for (name, argument) in zip(["suffix", "prefix", "dir"], arguments) { parts.append("\(name)=\(context.text(argument.loc))") }
        for keyword in keywords { parts.append("\(keyword.arg ?? "")=\(context.text(keyword.value.loc))") }
        let replacement = "tempfile.NamedTemporaryFile(\(parts.joined(separator: ", "))).name"
        return FixPlan(edits: [SourceEdit(start: call.loc.startByte, end: call.loc.endByte, replacement: replacement)],
                       imports: ["tempfile"], description: "create the file atomically with NamedTemporaryFile(delete=False)")
    }
}
