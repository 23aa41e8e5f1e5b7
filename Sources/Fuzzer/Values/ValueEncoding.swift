/// The worker's wire encoding of values (docs/fuzzer.md): JSON, with tagged objects for what
/// JSON lacks: `{"y": hex}` bytes, `{"t": [...]}` tuple, `{"f": "nan"}` special floats, …
enum ValueEncoding {
    static func json(_ input: FuzzInput) -> String {
        var out = "{\"a\":["
        for (index, value) in input.args.enumerated() {
            if index > 0 { out += "," }
            write(value, into: &out)
        }
        out += "]"
        if !input.kwargs.isEmpty {
            out += ",\"k\":{"
            for (index, field) in input.kwargs.enumerated() {
                if index > 0 { out += "," }
                writeString(field.name.unicodeScalars.map(\.value), into: &out)
                out += ":"
                write(field.value, into: &out)
            }
            out += "}"
        }
        out += "}"
        return out
    }

    static func write(_ value: FuzzValue, into out: inout String) {
        switch value {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let v): out += String(v)
        case .bigInt(let digits): out += "{\"j\":\"\(digits)\"}"
        case .float(let d):
            if d.isNaN { out += "{\"f\":\"nan\"}" }
            else if d.isInfinite { out += d > 0 ? "{\"f\":\"inf\"}" : "{\"f\":\"-inf\"}" }
            else { out += "{\"f\":\"\(d)\"}" }
        case .str(let scalars):
            if scalars.contains(where: { (0xD800...0xDFFF).contains($0) }) {
                out += "{\"u\":[" + scalars.map(String.init).joined(separator: ",") + "]}"
            } else {
                writeString(scalars, into: &out)
            }
        case .bytes(let b): out += "{\"y\":\"" + hex(b) + "\"}"
        case .bytearray(let b): out += "{\"ba\":\"" + hex(b) + "\"}"
        case .list(let items): writeTagged("l", items, into: &out)
        case .tuple(let items): writeTagged("t", items, into: &out)
        case .set(let items): writeTagged("e", items, into: &out)
        case .frozenset(let items): writeTagged("fe", items, into: &out)
        case .dict(let pairs):
            out += "{\"d\":["
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                out += "["
                write(pair.key, into: &out)
                out += ","
                write(pair.value, into: &out)
                out += "]"
            }
            out += "]}"
        case .path(let p):
            out += "{\"p\":"
            writeString(p.unicodeScalars.map(\.value), into: &out)
            out += "}"
        case .enumMember(let ref, _, let member):
            out += "{\"en\":\(ref),\"m\":"
            writeString(member.unicodeScalars.map(\.value), into: &out)
            out += "}"
        case .nested(let depth, let leaf):
            out += "{\"nest\":\(depth),\"leaf\":"
            write(leaf, into: &out)
            out += "}"
        case .object(let ref, _, let fields):
            out += "{\"new\":\(ref),\"a\":{"
            for (index, field) in fields.enumerated() {
                if index > 0 { out += "," }
                writeString(field.name.unicodeScalars.map(\.value), into: &out)
                out += ":"
                write(field.value, into: &out)
            }
            out += "}}"
        }
    }

    private static func writeTagged(_ tag: String, _ items: [FuzzValue], into out: inout String) {
        out += "{\"\(tag)\":["
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            write(item, into: &out)
        }
        out += "]}"
    }

    /// A JSON string with every non-ASCII or control code point escaped (UTF-16 pairs above U+FFFF).
    static func writeString(_ scalars: [UInt32], into out: inout String) {
        out += "\""
        for scalar in scalars {
            switch scalar {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(scalar)!)
            case 0x10000...:
                let v = scalar - 0x10000
                out += "\\u" + hex4(0xD800 + (v >> 10)) + "\\u" + hex4(0xDC00 + (v & 0x3FF))
            default: out += "\\u" + hex4(scalar)
            }
        }
        out += "\""
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex4(_ v: UInt32) -> String {
        String(decoding: [digits[Int(v >> 12 & 0xF)], digits[Int(v >> 8 & 0xF)], digits[Int(v >> 4 & 0xF)], digits[Int(v & 0xF)]], as: UTF8.self)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A worker-encoded value (a default, a Literal member) back into a FuzzValue.
    static func decode(_ json: JSONValue, classNames: [String] = []) -> FuzzValue? {
        switch json {
        case .null: return FuzzValue.none
        case .bool(let b): return .bool(b)
        case .integer(let digits): return Int(digits).map(FuzzValue.int) ?? .bigInt(digits)
        case .number(let d): return .float(d)
        case .string(let s): return .string(s)
        case .array: return nil
        case .object(let object):
            let list = { (key: String) -> [FuzzValue]? in object[key]?.array?.mapAll { decode($0, classNames: classNames) } }
            if let f = object["f"]?.string {
                switch f {
                case "nan": return .float(.nan)
                case "inf": return .float(.infinity)
                case "-inf": return .float(-.infinity)
                default: return Double(f).map(FuzzValue.float)
                }
            }
            if let y = object["y"]?.string { return unhex(y).map(FuzzValue.bytes) }
            if let y = object["ba"]?.string { return unhex(y).map(FuzzValue.bytearray) }
            if let p = object["p"]?.string { return .path(p) }
            if let j = object["j"]?.string { return .bigInt(j) }
            if let items = list("l") { return .list(items) }
            if let items = list("t") { return .tuple(items) }
            if let items = list("e") { return .set(items) }
            if let items = list("fe") { return .frozenset(items) }
            if let pairs = object["d"]?.array {
                return pairs.mapAll { pair -> FuzzPair? in
                    guard let kv = pair.array, kv.count == 2, let k = decode(kv[0], classNames: classNames), let v = decode(kv[1], classNames: classNames) else { return nil }
                    return FuzzPair(k, v)
                }.map(FuzzValue.dict)
            }
            if let ref = object["en"]?.int, let member = object["m"]?.string {
                return .enumMember(ref: ref, className: ref < classNames.count ? classNames[ref] : "Enum", member: member)
            }
            return nil
        }
    }

    static func unhex(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let hi = nibble(chars[index]), let lo = nibble(chars[index + 1]) else { return nil }
            out.append(hi << 4 | lo)
            index += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }
}

extension Array {
    /// `map` that fails as a whole when one element fails.
    func mapAll<T>(_ transform: (Element) -> T?) -> [T]? {
        var out: [T] = []
        out.reserveCapacity(count)
        for element in self {
            guard let mapped = transform(element) else { return nil }
            out.append(mapped)
        }
        return out
    }
}
