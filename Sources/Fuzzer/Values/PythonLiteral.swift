/// Python source text for a value, as `repr` would write it: what reproducers and regression
/// tests paste into a call.
public enum PythonLiteral {
    public static func render(_ value: FuzzValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// `f(1, 'a', key=b'x')`
    public static func call(_ function: String, _ input: FuzzInput) -> String {
        var parts = input.args.map(render)
        parts += input.kwargs.map { "\($0.name)=\(render($0.value))" }
        return "\(function)(\(parts.joined(separator: ", ")))"
    }

    /// Class names a rendered value refers to (they must be imported by the reproducer).
    public static func classNames(in value: FuzzValue, into names: inout Set<String>) {
        switch value {
        case .enumMember(_, let name, _): names.insert(name)
        case .object(_, let name, let fields):
            names.insert(name)
            for field in fields { classNames(in: field.value, into: &names) }
        case .list(let items), .tuple(let items), .set(let items), .frozenset(let items):
            for item in items { classNames(in: item, into: &names) }
        case .dict(let pairs):
            for pair in pairs { classNames(in: pair.key, into: &names); classNames(in: pair.value, into: &names) }
        default: break
        }
    }

    static func write(_ value: FuzzValue, into out: inout String) {
        switch value {
        case .none: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let v): out += String(v)
        case .bigInt(let digits): out += digits
        case .float(let d):
            if d.isNaN { out += "float('nan')" }
            else if d.isInfinite { out += d > 0 ? "float('inf')" : "float('-inf')" }
            else if d == d.rounded(), abs(d) < 1e16 { out += wholeFloat(d) }
            else { out += "\(d)" }
        case .str(let scalars): writeStr(scalars, into: &out)
        case .bytes(let b): writeBytes(b, into: &out)
        case .bytearray(let b): out += "bytearray("; writeBytes(b, into: &out); out += ")"
        case .list(let items): writeItems(items, open: "[", close: "]", into: &out)
        case .tuple(let items):
            if items.count == 1 { out += "("; write(items[0], into: &out); out += ",)" }
            else { writeItems(items, open: "(", close: ")", into: &out) }
        case .set(let items):
            if items.isEmpty { out += "set()" } else { writeItems(items, open: "{", close: "}", into: &out) }
        case .frozenset(let items):
            out += "frozenset("
            if !items.isEmpty { writeItems(items, open: "{", close: "}", into: &out) }
            out += ")"
        case .dict(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += ", " }
                write(pair.key, into: &out)
                out += ": "
                write(pair.value, into: &out)
            }
            out += "}"
        case .path(let p):
            out += "pathlib.Path("
            writeStr(p.unicodeScalars.map(\.value), into: &out)
            out += ")"
        case .enumMember(_, let name, let member): out += "\(name).\(member)"
        case .nested(let depth, let leaf):
            out += "functools.reduce(lambda inner, _: [inner], range(\(depth)), "
            write(leaf, into: &out)
            out += ")"
        case .object(_, let name, let fields):
            out += "\(name)(" + fields.map { "\($0.name)=\(render($0.value))" }.joined(separator: ", ") + ")"
        }
    }

    /// 3.0, not 3: the reproducer must pass a float where the fuzzer did.
    private static func wholeFloat(_ d: Double) -> String {
        d == 0 && d.sign == .minus ? "-0.0" : "\(Int(d)).0"
    }

    private static func writeItems(_ items: [FuzzValue], open: String, close: String, into out: inout String) {
        out += open
        for (index, item) in items.enumerated() {
            if index > 0 { out += ", " }
            write(item, into: &out)
        }
        out += close
    }

    static func writeStr(_ scalars: [UInt32], into out: inout String) {
        let quote: UInt32 = scalars.contains(0x27) && !scalars.contains(0x22) ? 0x22 : 0x27
        out.unicodeScalars.append(Unicode.Scalar(quote)!)
        for scalar in scalars {
            switch scalar {
            case quote, 0x5C: out += "\\"; out.unicodeScalars.append(Unicode.Scalar(scalar)!)
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(scalar)!)
            case 0..<0x100: out += "\\x" + hex(scalar, width: 2)
            case 0xD800...0xDFFF: out += "\\u" + hex(scalar, width: 4)
            default:
                if let s = Unicode.Scalar(scalar), s.properties.generalCategory != .control, s.properties.generalCategory != .format,
                   s.properties.generalCategory != .unassigned, s.properties.generalCategory != .privateUse {
                    out.unicodeScalars.append(s)
                } else if scalar <= 0xFFFF {
                    out += "\\u" + hex(scalar, width: 4)
                } else {
                    out += "\\U" + hex(scalar, width: 8)
                }
            }
        }
        out.unicodeScalars.append(Unicode.Scalar(quote)!)
    }

    static func writeBytes(_ bytes: [UInt8], into out: inout String) {
        let quote: UInt8 = bytes.contains(0x27) && !bytes.contains(0x22) ? 0x22 : 0x27
        out += "b"
        out.unicodeScalars.append(Unicode.Scalar(quote))
        for byte in bytes {
            switch byte {
            case quote, 0x5C: out += "\\"; out.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += "\\x" + hex(UInt32(byte), width: 2)
            }
        }
        out.unicodeScalars.append(Unicode.Scalar(quote))
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
