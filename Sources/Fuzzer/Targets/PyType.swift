/// What a parameter accepts: from its annotation (resolved by the worker, which sees the
/// real classes) or inferred from how the body uses it.
public indirect enum PyType: Hashable, Sendable {
    case any
    /// Unknown, and unannotated: the fuzzer guesses plain values (never None, which the
    /// function may fairly not expect), and a TypeError it causes is not held against the code.
    case guess
    case none
    case int, float, bool, str, bytes, bytearray, complex, path
    case list(PyType)
    case set(PyType)
    case frozenset(PyType)
    case tuple([PyType])
    case tupleOf(PyType)
    case dict(key: PyType, value: PyType)
    case literal([FuzzValue])
    case union([PyType])
    case enumeration(ref: Int, name: String, members: [String])
    /// A dataclass or NamedTuple: built from its fields by keyword.
    case record(ref: Int, name: String, fields: [RecordField])
    case typedDict([RecordField])
    /// A class the fuzzer cannot build; a target needing one is skipped.
    case opaque(String)

    public struct RecordField: Hashable, Sendable {
        public var name: String
        public var type: PyType
        public var optional: Bool
    }

    /// The worker's type description (docs/fuzzer.md).
    static func from(_ json: JSONValue?) -> PyType {
        guard let json, let tag = json["t"]?.string else { return .any }
        let of = { from(json["of"]) }
        switch tag {
        case "int": return .int
        case "float": return .float
        case "bool": return .bool
        case "str": return .str
        case "bytes": return .bytes
        case "bytearray": return .bytearray
        case "complex": return .complex
        case "none": return .none
        case "path": return .path
        case "list": return .list(of())
        case "set": return .set(of())
        case "frozenset": return .frozenset(of())
        case "tuple":
            if let items = json["items"]?.array { return .tuple(items.map { from($0) }) }
            return .tupleOf(of())
        case "dict": return .dict(key: from(json["key"]), value: from(json["value"]))
        case "literal": return .literal((json["values"]?.array ?? []).compactMap { ValueEncoding.decode($0) })
        case "union": return .union((json["of"]?.array ?? []).map { from($0) })
        case "enum":
            return .enumeration(ref: json["ref"]?.int ?? 0, name: json["name"]?.string ?? "Enum",
                                members: (json["members"]?.array ?? []).compactMap(\.string))
        case "class":
            return .record(ref: json["ref"]?.int ?? 0, name: json["name"]?.string ?? "object", fields: fields(json["fields"]))
        case "typeddict": return .typedDict(fields(json["fields"]))
        case "opaque": return .opaque(json["name"]?.string ?? "object")
        default: return .any
        }
    }

    private static func fields(_ json: JSONValue?) -> [RecordField] {
        (json?.array ?? []).compactMap { field in
            guard let name = field["name"]?.string else { return nil }
            return RecordField(name: name, type: from(field["type"]), optional: field["optional"]?.bool ?? false)
        }
    }

    /// The type with `transform` applied to every part, innermost first.
    func rewritten(_ transform: (PyType) -> PyType) -> PyType {
        func fields(_ list: [RecordField]) -> [RecordField] {
            list.map { RecordField(name: $0.name, type: $0.type.rewritten(transform), optional: $0.optional) }
        }
        let inner: PyType
        switch self {
        case .list(let t): inner = .list(t.rewritten(transform))
        case .set(let t): inner = .set(t.rewritten(transform))
        case .frozenset(let t): inner = .frozenset(t.rewritten(transform))
        case .tupleOf(let t): inner = .tupleOf(t.rewritten(transform))
        case .tuple(let items): inner = .tuple(items.map { $0.rewritten(transform) })
        case .union(let items): inner = .union(items.map { $0.rewritten(transform) })
        case let .dict(k, v): inner = .dict(key: k.rewritten(transform), value: v.rewritten(transform))
        case let .record(ref, name, list): inner = .record(ref: ref, name: name, fields: fields(list))
        case .typedDict(let list): inner = .typedDict(fields(list))
        default: inner = self
        }
        return transform(inner)
    }

    /// Whether this type or any part of it satisfies `predicate`.
    func contains(where predicate: (PyType) -> Bool) -> Bool {
        var found = false
        _ = rewritten { part in
            if predicate(part) { found = true }
            return part
        }
        return found
    }

    /// The type with unknown parts of an unannotated parameter marked as guesses.
    var guessingUnknowns: PyType { rewritten { $0 == .any ? .guess : $0 } }

    /// Whether some part is a guess.
    var containsGuess: Bool { contains { $0 == .guess } }

    /// Enum and record names as the reproducer writes them (the worker sends qualified names).
    func renamingClasses(_ names: [String]) -> PyType {
        rewritten { part in
            switch part {
            case let .enumeration(ref, name, members): return .enumeration(ref: ref, name: ref < names.count ? names[ref] : name, members: members)
            case let .record(ref, name, fields): return .record(ref: ref, name: ref < names.count ? names[ref] : name, fields: fields)
            default: return part
            }
        }
    }

    /// Whether values of this type can be generated at all.
    var isBuildable: Bool {
        switch self {
        case .opaque: return false
        case .list(let t), .set(let t), .frozenset(let t), .tupleOf(let t): return t.isBuildable
        case .tuple(let items): return items.allSatisfy(\.isBuildable)
        case .dict(let k, let v): return k.isBuildable && v.isBuildable
        case .union(let options): return options.contains(where: \.isBuildable)
        case .record(_, _, let fields), .typedDict(let fields): return fields.allSatisfy { $0.optional || $0.type.isBuildable }
        default: return true
        }
    }
}
