/// A JSON value, printed as the reports print it: keys sorted, two spaces of indentation per
/// level, `"key" : value`. Foundation's `JSONEncoder` printed the same, but took 65 ms on one
/// core at the end of a standard-library scan, after the parallel work had finished. Members
/// are written in the order given, which must be sorted by key (checked in debug builds): a
/// dictionary, hashed and sorted for every finding, cost most of what the encoder did.
enum JSONText {
    case null
    case bool(Bool)
    case int(Int)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case array([JSONText])
    case object([(key: String, value: JSONText)])

    /// An object of the members present, given in key order: a nil one is left out (as
    /// `JSONEncoder` did).
    static func object(_ members: KeyValuePairs<String, JSONText?>) -> JSONText {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// An object from a dictionary, its keys sorted.
    static func object(sorting members: [String: JSONText]) -> JSONText {
        .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The whole document, with a final newline.
    var rendered: String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as bytes: appending slices to a `String` through its scalar view copied it whole.
    func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .int(let value): out += String(value).utf8
        case .unsigned(let value): out += String(value).utf8
        case .double(let value): out += Self.number(value).utf8
        case .string(let value): Self.quote(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out += "[\n".utf8
            for (index, item) in items.enumerated() {
                Self.pad(indent + 1, into: &out)
                item.write(into: &out, indent: indent + 1)
                out += (index == items.count - 1 ? "\n" : ",\n").utf8
            }
            Self.pad(indent, into: &out)
            out += "]".utf8
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            out += "{\n".utf8
            assert(zip(members, members.dropFirst()).allSatisfy { $0.key < $1.key }, "members out of key order")
            for (index, member) in members.enumerated() {
                Self.pad(indent + 1, into: &out)
                Self.quote(member.key, into: &out)
                out += " : ".utf8
                member.value.write(into: &out, indent: indent + 1)
                out += (index == members.count - 1 ? "\n" : ",\n").utf8
            }
            Self.pad(indent, into: &out)
            out += "}".utf8
        }
    }

    private static func pad(_ level: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
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
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else {
                out.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x0C: out += #"\f"#.utf8
            default:
                let hex = String(byte, radix: 16)
                out += #"\u"#.utf8
                out += String(repeating: "0", count: 4 - hex.count).utf8
                out += hex.utf8
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
