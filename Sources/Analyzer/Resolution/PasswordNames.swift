import PythonSyntax

/// Names that hold a password (not a password's label or hash): the `_`-separated words of
/// the name, also split at camelCase humps.
enum PasswordNames {
    static let words: Set<String> = ["password", "passwd", "pwd", "passphrase", "pass", "pword"]
    static let describing: Set<String> = [
        "hash", "hashed", "digest", "salt", "field", "label", "prompt", "name", "length", "len", "policy", "regex", "pattern",
        "hint", "url", "file", "path", "type", "min", "max", "reset", "message", "msg", "error", "template", "widget",
    ]

    static func parts(_ name: String) -> [String] {
        // Asked of nearly every name a secret or password rule meets: ASCII names (all but a
        // few) split by bytes, without walking grapheme clusters.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiParts(name) }
        var result: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character == "_" || character == "-" {
                if !current.isEmpty { result.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase && previousLower {
                result.append(current)
                current = ""
            }
            current.append(Character(character.lowercased()))
            previousLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func asciiParts(_ name: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var previousLower = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") {
                if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousLower = false
                continue
            }
            let upper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            if upper && previousLower {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            current.append(upper ? byte + 32 : byte)
            previousLower = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }

    static func looksPassword(_ name: String) -> Bool {
        let words = parts(name)
        guard words.contains(where: Self.words.contains), let last = words.last else { return false }
        return !describing.contains(last) && !words.contains("hash") && !words.contains("hashed")
    }

    /// The first password-named value read inside `expression`.
    static func passwordRead(in expression: Expr) -> String? {
        var found: String?
        ScopeWalk.walk(expression) { current in
            guard found == nil else { return false }
            if let name = current.readName, looksPassword(name) {
                found = name
                return false
            }
            return true
        }
        return found
    }
}
