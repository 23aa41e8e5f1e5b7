/// A JSON value, printed as the reports print it: keys sorted, two spaces of indentation per
/// level, `"key" : value`. Foundation's `JSONEncoder` printed the same, but on a large scan it
/// took longer than the last files' analysis, on one core, after all the others had finished.
enum JSONText {
    case null
    case bool(Bool)
    case int(Int)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case array([JSONText])
    case object([String: JSONText])

    /// An object of the members present: a nil one is left out (as `JSONEncoder` does).
    static func object(_ members: [String: JSONText?]) -> JSONText {
        .object(members.compactMapValues { $0 })
    }

    /// The whole document, with a final newline.
    var rendered: String {
        var out = ""
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .unsigned(let value): out += String(value)
        case .double(let value): out += Self.number(value)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                Self.pad(indent + 1, into: &out)
                item.write(into: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            Self.pad(indent, into: &out)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                Self.pad(indent + 1, into: &out)
                Self.quote(key, into: &out)
                out += " : "
                members[key]!.write(into: &out, indent: indent + 1)
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            Self.pad(indent, into: &out)
            out += "}"
        }
    }

    private static func pad(_ level: Int, into out: inout String) {
        out += String(repeating: " ", count: 2 * level)
    }

    /// Integral values without a fraction (`12`, as JavaScript prints them); NaN and the
    /// infinities, which JSON cannot hold, as null.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else,
    /// `/` and non-ASCII included, as is.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        var plainStart = text.utf8.startIndex
        var index = plainStart
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                // Scalar slices: a cut before `"` may fall inside a character (`"` plus a combining mark).
                out.unicodeScalars.append(contentsOf: text.unicodeScalars[plainStart..<index])
                switch byte {
                case UInt8(ascii: "\""): out += "\\\""
                case UInt8(ascii: "\\"): out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x08: out += "\\b"
                case 0x0C: out += "\\f"
                default:
                    let hex = String(byte, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: text.unicodeScalars[plainStart..<utf8.endIndex])
        out += "\""
    }
}
