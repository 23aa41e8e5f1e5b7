import Analyzer
import PythonSyntax

/// SQL built with an f-string, `%` or `+` inside `execute` → a constant statement with
/// placeholders and the values passed separately, in the driver's paramstyle (`?` for
/// sqlite3, `%s` for the others).
enum ParameterisedQueryFix: BuiltinFix {
    static let codes: Set<String> = ["ASC608", "ASC1089"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(let function, let arguments, let keywords) = call.kind,
              case .attribute(_, let method, _) = function.kind, method == "execute", arguments.count == 1, keywords.isEmpty,
              let query = arguments.first else { return nil }
        let marker = context.imports.imports("sqlite3") ? "?" : "%s"
        guard let (sql, values) = split(query, marker: marker, context: context), !values.isEmpty else { return nil }
        let tuple = values.count == 1 ? "(\(values[0]),)" : "(" + values.joined(separator: ", ") + ")"
        let literal = "\"" + sql.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return FixPlan(edits: [SourceEdit(start: query.loc.startByte, end: query.loc.endByte, replacement: "\(literal), \(tuple)")],
                       description: "pass the values as query parameters")
    }

    /// The statement with placeholders, and the value expressions in order. Quotes around a
    /// value (`'{name}'`) go: the driver quotes parameters itself.
    static func split(_ query: Expr, marker: String, context: FixContext) -> (String, [String])? {
        var parts: [(text: String?, value: String?)] = []
        switch query.kind {
        case .joinedStr(let values):
            for value in values {
                switch value.kind {
                case .constant(.str(let text), _): parts.append((text.string, nil))
                case .formattedValue(let inner, -1, nil): parts.append((nil, context.text(inner.loc)))
                default: return nil
                }
            }
        case .binOp(let left, .mod, let right):
            guard let format = left.stringConstant else { return nil }
            var values: [String]
            if case .tuple(let elements, _) = right.kind { values = elements.map { context.text($0.loc) } } else { values = [context.text(right.loc)] }
            var text = ""
            let iterator = Array(format)
            var index = 0
            while index < iterator.count {
                let character = iterator[index]
                if character == "%", index + 1 < iterator.count {
                    let next = iterator[index + 1]
                    if next == "%" { text.append("%"); index += 2; continue }
                    guard ["s", "d", "i", "f", "r"].contains(next), !values.isEmpty else { return nil }
                    parts.append((text, nil))
                    text = ""
                    parts.append((nil, values.removeFirst()))
                    index += 2
                    continue
                }
                text.append(character)
                index += 1
            }
            parts.append((text, nil))
            guard values.isEmpty else { return nil }
        case .binOp(_, .add, _):
            var stack = [query]
            var flat: [Expr] = []
            while let current = stack.popLast() {
                if case .binOp(let left, .add, let right) = current.kind { stack.append(right); stack.append(left) } else { flat.append(current) }
            }
            for piece in flat {
                if let text = piece.stringConstant { parts.append((text, nil)) } else { parts.append((nil, context.text(piece.loc))) }
            }
        default:
            return nil
        }
        // Drop quotes that wrapped a value in the SQL text: the driver quotes parameters.
        for index in parts.indices where parts[index].value != nil && index > 0 && index + 1 < parts.count {
            guard let before = parts[index - 1].text, let after = parts[index + 1].text,
                  let quote = before.last, quote == "'" || quote == "\"", after.first == quote else { continue }
            parts[index - 1].text = String(before.dropLast())
            parts[index + 1].text = String(after.dropFirst())
        }
        var sql = ""
        var values: [String] = []
        for part in parts {
            if let text = part.text { sql += text } else if let value = part.value { sql += marker; values.append(value) }
        }
        return (sql, values)
    }
}
