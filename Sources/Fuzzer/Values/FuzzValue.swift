/// A Python value the fuzzer generates, sends to the worker and shows in a reproducer.
///
/// Kept as a tree (not as Python text) so it can be mutated, shrunk and encoded without
/// evaluating anything.
public indirect enum FuzzValue: Hashable, Sendable {
    case none
    case bool(Bool)
    case int(Int)
    /// An int outside 64 bits, as decimal digits with an optional leading `-`.
    case bigInt(String)
    case float(Double)
    /// A `str`, as code points: lone surrogates are legal in Python strings.
    case str([UInt32])
    case bytes([UInt8])
    case bytearray([UInt8])
    case list([FuzzValue])
    case tuple([FuzzValue])
    case set([FuzzValue])
    case frozenset([FuzzValue])
    case dict([FuzzPair])
    case path(String)
    /// A member of an Enum class the worker described (`ref` indexes its class table).
    case enumMember(ref: Int, className: String, member: String)
    /// An instance built with keyword arguments: a dataclass, a NamedTuple.
    case object(ref: Int, className: String, fields: [FuzzField])
    /// `leaf` wrapped in `depth` one-element lists: `[[[...[leaf]...]]]`, deeper than any
    /// recursive decoder (ours or JSON's) could take as a tree.
    case nested(depth: Int, leaf: FuzzValue)

    public static func string(_ text: String) -> FuzzValue { .str(text.unicodeScalars.map(\.value)) }

    /// The Swift string of a `str` value (lone surrogates become U+FFFD).
    public var text: String? {
        guard case .str(let scalars) = self else { return nil }
        var view = String.UnicodeScalarView()
        for scalar in scalars { view.append(Unicode.Scalar(scalar) ?? "\u{FFFD}") }
        return String(view)
    }

    /// A rough size, used to prefer smaller inputs when minimising.
    public var size: Int {
        switch self {
        case .none, .bool, .enumMember: return 1
        case .int(let v): return 1 + String(v).count / 4
        case .bigInt(let digits): return 1 + digits.count / 4
        case .float: return 2
        case .str(let s): return 1 + s.count
        case .bytes(let b), .bytearray(let b): return 1 + b.count
        case .path(let p): return 1 + p.utf8.count
        case .list(let items), .tuple(let items), .set(let items), .frozenset(let items):
            return items.reduce(1) { $0 + $1.size }
        case .dict(let pairs): return pairs.reduce(1) { $0 + $1.key.size + $1.value.size }
        case .object(_, _, let fields): return fields.reduce(1) { $0 + $1.value.size }
        case .nested(let depth, let leaf): return depth + leaf.size
        }
    }
}

public struct FuzzPair: Hashable, Sendable {
    public var key: FuzzValue
    public var value: FuzzValue
    public init(_ key: FuzzValue, _ value: FuzzValue) { self.key = key; self.value = value }
}

public struct FuzzField: Hashable, Sendable {
    public var name: String
    public var value: FuzzValue
    public init(_ name: String, _ value: FuzzValue) { self.name = name; self.value = value }
}

/// One call of a target: positional and keyword arguments.
public struct FuzzInput: Hashable, Sendable {
    public var args: [FuzzValue]
    public var kwargs: [FuzzField]
    public init(args: [FuzzValue], kwargs: [FuzzField] = []) { self.args = args; self.kwargs = kwargs }
    public var size: Int { args.reduce(0) { $0 + $1.size } + kwargs.reduce(0) { $0 + $1.value.size } }
}
