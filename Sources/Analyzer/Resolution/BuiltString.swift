import PythonSyntax

/// What is known statically about a string expression: its constant text (with `?` where a
/// value is spliced in) and whether any spliced value is not a literal.
public struct BuiltString: Sendable {
    public var text: String
    /// True when some part comes from a name, call or other non-literal expression.
    public var isDynamic: Bool
    /// The plain names spliced in (`TABLE` of `"… %s" % TABLE`), and whether anything else
    /// non-literal is: a string built only from literals and constant names is fixed too.
    public var splicedNames: Set<String> = []
    public var splicesOtherValues = false
    /// Those other values, for a caller that can tell more of them (`args.mode` of a
    /// command-line option with fixed choices).
    public var otherSplices: [Expr] = []

    init(text: String, isDynamic: Bool) {
        self.text = text
        self.isDynamic = isDynamic
    }

    /// Whether the string can differ between runs, given the module's constant names.
    public func isDynamic(constants: Set<String>) -> Bool {
        isDynamic && (splicesOtherValues || !splicedNames.isSubset(of: constants))
    }

    mutating func splice(_ part: Expr) {
        switch part.kind {
        case _ where part.isLiteral: return
        case .name(let id, _): splicedNames.insert(id)
        case .tuple(let elements, _): for element in elements { splice(element) }
        default: splicesOtherValues = true; otherSplices.append(part)
        }
        isDynamic = true
    }

    mutating func absorb(_ piece: BuiltString) {
        text += piece.text
        isDynamic = isDynamic || piece.isDynamic
        splicedNames.formUnion(piece.splicedNames)
        splicesOtherValues = splicesOtherValues || piece.splicesOtherValues
        otherSplices += piece.otherSplices
    }

    static let englishFollowers: Set<String> = ["the", "a", "an", "your", "my", "our", "their", "this", "that", "these", "those", "one", "which", "some"]

    /// True for text that starts like an SQL statement: SELECT … FROM/WHERE, INSERT … INTO,
    /// UPDATE … SET/WHERE, DELETE … FROM/WHERE.
    public var looksLikeSQL: Bool {
        // Asked of every string built with a value: a byte test that it opens with one of the
        // four verbs first, before lowering and splitting all of it.
        guard Self.opensWithSQLVerb(text) else { return false }
        let lower = text.lowercased()
        let trimmed = lower.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" || $0 == "\r" }
        let words = trimmed.split { !($0.isLetter || $0 == "_") }
        guard let first = words.first, trimmed.hasPrefix(first) else { return false }
        // "Select the file from the list" is English: SQL never follows the verb with an article.
        if words.count > 1, Self.englishFollowers.contains(String(words[1])) { return false }
        let rest = Set(words.dropFirst())
        switch first {
        case "select", "delete": return rest.contains("from") || rest.contains("where")
        case "insert": return rest.contains("into")
        case "update": return rest.contains("set") || rest.contains("where")
        default: return false
        }
    }
}

extension BuiltString {
    private static let sqlVerbs: [[UInt8]] = ["select", "delete", "insert", "update"].map { Array($0.utf8) }

    /// Whether `text`, past leading blanks and parentheses, starts with `select`, `delete`,
    /// `insert` or `update` in any case, not followed by an ASCII letter or `_` (a necessary
    /// condition of `looksLikeSQL`'s first word being the verb).
    static func opensWithSQLVerb(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        while let byte = utf8.first, byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 40 { utf8 = utf8.dropFirst() }
        let word = utf8.prefix(7).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        guard word.count >= 6, sqlVerbs.contains(where: { word.starts(with: $0) }) else { return false }
        guard word.count == 7 else { return true }
        let next = word[6]
        return !((next >= 97 && next <= 122) || next == 95)
    }
}

extension Expr {
    /// The operands of a chain of `+` in order (`a + b + c`: a, b, c; anything else: itself),
    /// read down the left-leaning spine without recursion (a chain can be thousands long).
    var additionOperands: [Expr] {
        var operands: [Expr] = []
        var current = self
        while case .binOp(let left, .add, let right) = current.kind {
            operands.append(right)
            current = left
        }
        operands.append(current)
        return operands.reversed()
    }

    /// Whether every conversion of a `%` format takes a number (`%d`, `%05.2f`, `%(n)x`), so
    /// what it makes is digits and the format's own text. `%c` makes any character.
    static func formatsOnlyNumbers(_ format: String) -> Bool {
        let bytes = Array(format.utf8)
        var index = 0, conversions = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%") else { index += 1; continue }
            index += 1
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: "%") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "(") {
                while index < bytes.count, bytes[index] != UInt8(ascii: ")") { index += 1 }
                index += 1
            }
            while index < bytes.count, "#0- +.123456789*hlL".utf8.contains(bytes[index]) { index += 1 }
            guard index < bytes.count, "diouxXeEfFgG".utf8.contains(bytes[index]) else { return false }
            conversions += 1
            index += 1
        }
        return conversions > 0
    }

    /// The shape of a string built from constants, f-strings, `+`, `%` or `.format(...)`; nil
    /// when the expression is not recognisably a string.
    public var builtString: BuiltString? {
        switch kind {
        case .constant(.str(let value), _):
            return BuiltString(text: value.string, isDynamic: false)
        case .joinedStr(let values):
            var result = BuiltString(text: "", isDynamic: false)
            for value in values {
                switch value.kind {
                case .constant(.str(let part), _): result.text += part.string
                case .formattedValue(let spliced, _, _):
                    result.text += "?"
                    result.splice(spliced)
                default: result.isDynamic = true; result.splicesOtherValues = true; result.otherSplices.append(value)
                }
            }
            return result
        case .binOp(_, .add, _):
            var result = BuiltString(text: "", isDynamic: false)
            var sawString = false
            for part in additionOperands {
                if let piece = part.builtString {
                    sawString = true
                    result.absorb(piece)
                } else {
                    result.text += "?"
                    result.splice(part)
                }
            }
            return sawString ? result : nil
        case .binOp(let left, .mod, let right):
            guard var result = left.builtString else { return nil }
            // `"<b>%d</b> reminders" % count`: only numbers fit (text raises), no markup or quote.
            if case .constant(.str(let format), _) = left.kind, Self.formatsOnlyNumbers(format.string) { return result }
            result.splice(right)
            return result
        case .call(let function, let arguments, let keywords):
            guard case .attribute(let receiver, "format", _) = function.kind, var result = receiver.builtString else { return nil }
            for argument in arguments { result.splice(argument) }
            for keyword in keywords { result.splice(keyword.value) }
            return result
        default:
            return nil
        }
    }
}
