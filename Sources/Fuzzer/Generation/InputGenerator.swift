/// One parameter as the fuzzer fills it.
public struct ParameterSpec: Sendable, Hashable {
    public enum Kind: String, Sendable { case positional, keyword, variadic, variadicKeyword }
    public var name: String
    public var kind: Kind
    public var type: PyType
    public var defaultValue: FuzzValue?
    /// A default exists (even when the worker could not encode it): the argument may be left out.
    public var hasDefault: Bool
    /// No annotation and only a partial type from use: values are the fuzzer's guess.
    public var guessed = false
}

/// Type-aware generation and mutation of inputs (all randomness from one seeded generator).
struct InputGenerator {
    var rng: Xoshiro
    let parameters: [ParameterSpec]
    let payloads: Payloads
    private(set) var strings: [[UInt32]]
    private(set) var byteStrings: [[UInt8]]
    private(set) var ints: [FuzzValue]
    private(set) var floats: [Double]

    static let specialStrings: [String] = [
        "", " ", "\n", "\t", "\0", "a", "0", "-1", "1.5", "1e309", "nan", "inf", "None", "true", ":", "=", ",", ";", "/", "\\", ".", "..",
        "'", "\"", "%s", "%n%s", "{0}", "{}", "{x}", "${x}", "\r\n", "é", "ß", "İ", "\u{202E}", "\u{FEFF}", "𝔘𝔫𝔦", "日本語", "a b", " a ",
        "-", "--", "+", "0x1f", "1_000", "٣", "[", "]", "{", "}", "()", "<", ">", "&", "#", "?", "*", "a:b", "a=b", "a,b", "key=value",
        "../../etc/passwd", "/etc/passwd", "~", "😀", "\u{0301}", "A\u{0301}", String(repeating: "a", count: 1000), String(repeating: "(", count: 100),
    ]
    static let specialBytes: [[UInt8]] = [
        [], [0], [0xFF], [0xFF, 0xFE], [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], [0x80],
        Array("abc".utf8), Array("\u{00E9}".utf8), Array(repeating: 0x41, count: 1000), [0x00, 0x01, 0x02, 0x03], Array("\r\n".utf8),
    ]
    static let boundaryInts: [FuzzValue] = [
        .int(0), .int(1), .int(-1), .int(2), .int(7), .int(8), .int(10), .int(16), .int(31), .int(32), .int(63), .int(64), .int(100), .int(127), .int(128),
        .int(255), .int(256), .int(1000), .int(1024), .int(4096), .int(65535), .int(65536), .int(1_000_000), .int(Int(Int32.max)), .int(Int(Int32.min)),
        .int(Int(UInt32.max)), .int(Int.max), .int(Int.min), .bigInt("9223372036854775808"), .bigInt("-9223372036854775809"),
        .bigInt("18446744073709551616"), .bigInt("1" + String(repeating: "0", count: 30)), .bigInt("1" + String(repeating: "0", count: 400)),
    ]
    static let specialFloats: [Double] = [0, -0.0, 1, -1, 0.5, 1.5, -2.5, 1e-300, .leastNonzeroMagnitude, 1e300, 1.7976931348623157e308, .nan, .infinity, -.infinity, 3.141592653589793, 1e16, 710, -710]

    init(seed: UInt64, parameters: [ParameterSpec], constants: [FuzzValue], payloads: Payloads) {
        rng = Xoshiro(seed: seed)
        self.parameters = parameters
        self.payloads = payloads
        var strings: [[UInt32]] = [], bytes: [[UInt8]] = [], ints: [FuzzValue] = [], floats: [Double] = []
        for constant in constants {
            switch constant {
            case .str(let s): strings.append(s)
            case .bytes(let b): bytes.append(b); strings.append(b.map(UInt32.init))
            case .int, .bigInt: ints.append(constant)
            case .float(let d): floats.append(d)
            default: break
            }
        }
        self.strings = strings
        self.byteStrings = bytes + strings.filter { $0.allSatisfy { $0 < 0x80 } }.map { $0.map { UInt8($0) } }
        self.ints = ints
        self.floats = floats
    }

    /// Learn a string the target produced or compared (splicing values that reached new coverage).
    mutating func learn(_ value: FuzzValue) {
        switch value {
        case .str(let s) where s.count <= 64 && strings.count < 512: strings.append(s)
        case .bytes(let b) where b.count <= 64 && byteStrings.count < 512: byteStrings.append(b)
        default: break
        }
    }

    // MARK: inputs

    mutating func fresh() -> FuzzInput {
        var input = FuzzInput(args: [])
        var byKeyword = false  // once an argument is left out, later ones go by name
        for parameter in parameters {
            switch parameter.kind {
            case .variadicKeyword: continue
            case .variadic:
                guard !byKeyword else { continue }
                for _ in 0..<rng.below(3) { input.args.append(value(of: parameter.type)) }
            case .positional:
                if parameter.hasDefault, rng.chance(25) { byKeyword = true; continue }
                if byKeyword { input.kwargs.append(FuzzField(parameter.name, value(of: parameter.type))) }
                else { input.args.append(value(of: parameter.type)) }
            case .keyword:
                if parameter.hasDefault, rng.chance(40) { continue }
                input.kwargs.append(FuzzField(parameter.name, value(of: parameter.type)))
            }
        }
        return input
    }

    /// Seeds worth trying first: defaults, each planted payload and boundary value in each
    /// parameter (others at a plain value), dictionary words.
    mutating func seeds() -> [FuzzInput] {
        var out: [FuzzInput] = []
        let plain = parameters.filter { $0.kind == .positional || ($0.kind == .keyword && !$0.hasDefault) }
        func base() -> FuzzInput {
            var input = FuzzInput(args: [])
            for parameter in plain {
                let value = parameter.defaultValue ?? simple(parameter.type)
                if parameter.kind == .positional { input.args.append(value) } else { input.kwargs.append(FuzzField(parameter.name, value)) }
            }
            return input
        }
        out.append(base())
        for (index, parameter) in plain.enumerated() {
            for candidate in interesting(for: parameter.type) {
                var input = base()
                if parameter.kind == .positional { input.args[index] = candidate }
                else if let k = input.kwargs.firstIndex(where: { $0.name == parameter.name }) { input.kwargs[k].value = candidate }
                out.append(input)
            }
        }
        return out
    }

    /// A plain, valid value of a type: the starting point of the seeds.
    func simple(_ type: PyType) -> FuzzValue {
        switch type {
        case .any, .guess: return .int(1)
        case .none: return .none
        case .int: return .int(1)
        case .float, .complex: return .float(1.0)
        case .bool: return .bool(false)
        case .str: return .string("a")
        case .bytes: return .bytes(Array("a".utf8))
        case .bytearray: return .bytearray(Array("a".utf8))
        case .path: return .path("a.txt")
        case .list(let t): return .list([simple(t)])
        case .set(let t): return .set([simple(t)])
        case .frozenset(let t): return .frozenset([simple(t)])
        case .tuple(let items): return .tuple(items.map(simple))
        case .tupleOf(let t): return .tuple([simple(t)])
        case .dict(let k, let v): return .dict([FuzzPair(simple(k), simple(v))])
        case .literal(let values): return values.first ?? .none
        case .union(let options): return simple(options.first { $0 != .none } ?? options.first ?? .none)
        case let .enumeration(ref, name, members): return members.first.map { .enumMember(ref: ref, className: name, member: $0) } ?? .none
        case let .record(ref, name, fields): return .object(ref: ref, className: name, fields: fields.filter { !$0.optional }.map { FuzzField($0.name, simple($0.type)) })
        case .typedDict(let fields): return .dict(fields.map { FuzzPair(.string($0.name), simple($0.type)) })
        case .opaque: return .none
        }
    }

    /// The values of a type the fuzzer always tries: boundaries, payloads, constants.
    func interesting(for type: PyType) -> [FuzzValue] {
        switch type {
        case .int: return Self.boundaryInts.prefix(12) + [.int(Int.max), .int(Int.min), .bigInt("1" + String(repeating: "0", count: 30))] + ints
        case .float: return Self.specialFloats.map(FuzzValue.float) + floats.map(FuzzValue.float)
        case .bool: return [.bool(true)]
        case .str: return Self.specialStrings.prefix(12).map(FuzzValue.string) + payloads.strings.map(FuzzValue.string) + strings.map(FuzzValue.str)
        case .bytes: return Self.specialBytes.map(FuzzValue.bytes) + payloads.bytes.map(FuzzValue.bytes) + byteStrings.map(FuzzValue.bytes)
        case .bytearray: return Self.specialBytes.prefix(6).map(FuzzValue.bytearray)
        case .path: return ["", ".", "/", "a/b.txt", "../x"].map(FuzzValue.path) + payloads.strings.filter { $0.contains("/") || $0.contains("\\") }.map(FuzzValue.path)
        case .list(let t): return [.list([]), .list([simple(t), simple(t)])] + interesting(for: t).prefix(6).map { .list([$0]) }
        case .tupleOf(let t): return [.tuple([])] + interesting(for: t).prefix(4).map { .tuple([$0]) }
        case .set(let t): return [.set([])] + interesting(for: t).prefix(4).map { .set([$0]) }
        case .dict(let k, let v): return [.dict([])] + interesting(for: k).prefix(8).map { .dict([FuzzPair($0, simple(v))]) }
        case .union(let options): return options.flatMap { interesting(for: $0).prefix(12) } + options.map(simple)
        case .literal(let values): return values
        case let .enumeration(ref, name, members): return members.map { .enumMember(ref: ref, className: name, member: $0) }
        case .none: return [.none]
        case .any: return [.none, .int(0), .string(""), .list([]), .dict([])] + strings.prefix(8).map(FuzzValue.str) + ints.prefix(8)
        case .guess: return [.int(0), .string(""), .nested(depth: 5000, leaf: .int(1)), .list([]), .dict([])] + strings.prefix(8).map(FuzzValue.str) + ints.prefix(8)
        case let .record(ref, name, fields):
            return fields.enumerated().flatMap { index, field in
                interesting(for: field.type).prefix(6).map { candidate -> FuzzValue in
                    var values = fields.filter { !$0.optional || $0.name == field.name }.map { FuzzField($0.name, simple($0.type)) }
                    if let at = values.firstIndex(where: { $0.name == field.name }) { values[at].value = candidate }
                    _ = index
                    return .object(ref: ref, className: name, fields: values)
                }
            }
        case .typedDict(let fields): return [.dict(fields.filter { !$0.optional }.map { FuzzPair(.string($0.name), simple($0.type)) })]
        case .tuple, .frozenset, .complex, .opaque: return []
        }
    }

    // MARK: values

    mutating func value(of type: PyType, depth: Int = 0) -> FuzzValue {
        switch type {
        case .any: return anyValue(depth: depth)
        case .guess:
            if rng.chance(1) { return .nested(depth: 5000, leaf: .int(1)) }
            var value = anyValue(depth: depth)
            while value == FuzzValue.none { value = anyValue(depth: depth) }
            return value
        case .none: return .none
        case .bool: return .bool(rng.chance(50))
        case .int: return intValue()
        case .float, .complex: return .float(floatValue())
        case .str: return .str(stringValue())
        case .bytes: return .bytes(bytesValue())
        case .bytearray: return .bytearray(bytesValue())
        case .path: return .path(rng.chance(30) ? rng.pick(payloads.strings.filter { $0.contains("/") }) : String(String.UnicodeScalarView(stringValue().compactMap(Unicode.Scalar.init))))
        case .list(let t): return .list(items(of: t, depth: depth))
        case .set(let t): return .set(items(of: t, depth: depth))
        case .frozenset(let t): return .frozenset(items(of: t, depth: depth))
        case .tupleOf(let t): return .tuple(items(of: t, depth: depth))
        case .tuple(let types): return .tuple(types.map { value(of: $0, depth: depth + 1) })
        case let .dict(k, v):
            let count = depth > 3 ? 0 : rng.pick([0, 1, 1, 2, 2, 3, 5])
            var pairs: [FuzzPair] = []
            for _ in 0..<count {
                let key: FuzzValue = (k == .str || k == .any) && !strings.isEmpty && rng.chance(60) ? .str(rng.pick(strings)) : value(of: k == .any ? .str : k, depth: depth + 1)
                pairs.append(FuzzPair(key, value(of: v, depth: depth + 1)))
            }
            return .dict(pairs)
        case .literal(let values): return values.isEmpty ? .none : rng.pick(values)
        case .union(let options): return options.isEmpty ? .none : value(of: rng.pick(options), depth: depth)
        case let .enumeration(ref, name, members): return members.isEmpty ? .none : .enumMember(ref: ref, className: name, member: rng.pick(members))
        case let .record(ref, name, fields):
            return .object(ref: ref, className: name, fields: fields.compactMap { field in
                field.optional && rng.chance(30) ? nil : FuzzField(field.name, value(of: field.type, depth: depth + 1))
            })
        case .typedDict(let fields):
            return .dict(fields.compactMap { field in
                field.optional && rng.chance(30) ? nil : FuzzPair(.string(field.name), value(of: field.type, depth: depth + 1))
            })
        case .opaque: return .none
        }
    }

    private mutating func items(of type: PyType, depth: Int) -> [FuzzValue] {
        let count = depth > 3 ? 0 : rng.pick([0, 1, 1, 2, 2, 3, 4, 8])
        return (0..<count).map { _ in value(of: type, depth: depth + 1) }
    }

    private mutating func anyValue(depth: Int) -> FuzzValue {
        switch rng.below(depth > 2 ? 6 : 8) {
        case 0: return .none
        case 1: return intValue()
        case 2: return .str(stringValue())
        case 3: return .float(floatValue())
        case 4: return .bool(rng.chance(50))
        case 5: return .bytes(bytesValue())
        case 6: return .list(items(of: .any, depth: depth + 1))
        default: return value(of: .dict(key: .str, value: .any), depth: depth + 1)
        }
    }

    mutating func intValue() -> FuzzValue {
        switch rng.below(10) {
        case 0, 1, 2: return .int(Int.random(in: -10...10, using: &rng))
        case 3, 4: return ints.isEmpty ? .int(Int.random(in: 0...100, using: &rng)) : rng.pick(ints)
        case 5, 6: return rng.pick(Self.boundaryInts)
        case 7: return .int(Int(Int32.random(in: .min ... .max, using: &rng)))
        case 8: return .int(Int.random(in: .min ... .max, using: &rng))
        default: return .int(Int.random(in: 0...1000, using: &rng))
        }
    }

    mutating func floatValue() -> Double {
        switch rng.below(6) {
        case 0, 1: return rng.pick(Self.specialFloats)
        case 2: return floats.isEmpty ? Double.random(in: -100...100, using: &rng) : rng.pick(floats)
        case 3: return Double(Int.random(in: -100...100, using: &rng))
        case 4: return Double.random(in: -1e6...1e6, using: &rng)
        default: return Double(bitPattern: rng.next())
        }
    }

    mutating func stringValue() -> [UInt32] {
        switch rng.below(12) {
        case 0: return []
        case 1, 2: return strings.isEmpty ? randomText() : rng.pick(strings)
        case 3: return payloads.strings.isEmpty ? [] : scalars(rng.pick(payloads.strings))
        case 4, 5: return scalars(rng.pick(Self.specialStrings))
        case 6, 7: return randomText()
        case 8:  // dictionary words joined by separators
            var out: [UInt32] = []
            for index in 0..<(1 + rng.below(3)) {
                if index > 0 { out += scalars(rng.pick([":", "=", ",", " ", ";", "/", ".", "-", "\n"])) }
                out += strings.isEmpty ? randomText() : rng.pick(strings)
            }
            return out
        case 9: return scalars(String(Int.random(in: -100000...100000, using: &rng)))
        case 10: return scalars(String(floatValue()))
        default:
            var text = randomText()
            if !strings.isEmpty { text.insert(contentsOf: rng.pick(strings), at: rng.below(text.count + 1)) }
            return text
        }
    }

    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    mutating func randomText() -> [UInt32] {
        let length = rng.pick([1, 2, 3, 5, 8, 13, 32, 100])
        return (0..<length).map { _ in randomScalar() }
    }

    mutating func randomScalar() -> UInt32 {
        switch rng.below(10) {
        case 0..<6: return UInt32.random(in: 0x20...0x7E, using: &rng)
        case 6: return rng.pick([0x0A, 0x09, 0x0D, 0x00, 0x0B, 0x0C, 0x1B, 0x7F])
        case 7: return UInt32.random(in: 0xA0...0x2FF, using: &rng)
        case 8: return rng.pick([0x130, 0x131, 0x3A3, 0x2028, 0x202E, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF, 0x660, 0xDF, 0xFB03])
        default: return UInt32.random(in: 0x3000...0x9FFF, using: &rng)
        }
    }

    mutating func bytesValue() -> [UInt8] {
        switch rng.below(8) {
        case 0: return []
        case 1, 2: return rng.pick(Self.specialBytes)
        case 3: return byteStrings.isEmpty ? [0xFF] : rng.pick(byteStrings)
        case 4: return rng.pick(payloads.bytes)
        case 5: return stringValue().flatMap { Array(String(Unicode.Scalar($0).map(Character.init) ?? "?").utf8) }
        default: return (0..<rng.pick([1, 2, 4, 8, 16, 64])).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
    }

    // MARK: mutation

    mutating func mutate(_ input: FuzzInput, splice other: FuzzInput?) -> FuzzInput {
        var out = input
        let slots = out.args.count + out.kwargs.count
        guard slots > 0 else { return fresh() }
        for _ in 0..<(1 + (rng.chance(25) ? 1 : 0)) {
            let slot = rng.below(slots)
            let name = slot < out.args.count ? positionalName(slot) : out.kwargs[slot - out.args.count].name
            let type = parameters.first { $0.name == name }?.type ?? .any
            if let other, rng.chance(15) {
                // Splice: take this argument from another input that reached new lines.
                if slot < out.args.count, slot < other.args.count { out.args[slot] = other.args[slot]; continue }
            }
            if slot < out.args.count {
                out.args[slot] = mutate(out.args[slot], as: type, depth: 0)
            } else {
                out.kwargs[slot - out.args.count].value = mutate(out.kwargs[slot - out.args.count].value, as: type, depth: 0)
            }
        }
        return out
    }

    private func positionalName(_ index: Int) -> String {
        let positional = parameters.filter { $0.kind == .positional }
        if index < positional.count { return positional[index].name }
        return parameters.first { $0.kind == .variadic }?.name ?? ""
    }

    mutating func mutate(_ value: FuzzValue, as type: PyType, depth: Int) -> FuzzValue {
        if rng.chance(10) { return self.value(of: type, depth: depth) }
        switch (value, type) {
        case (_, .union(let options)) where rng.chance(20):
            return self.value(of: rng.pick(options), depth: depth)
        case (.int(let v), _):
            switch rng.below(8) {
            case 0: return .int(v &+ 1)
            case 1: return .int(v &- 1)
            case 2: return .int(v &* 2)
            case 3: return .int(v == Int.min ? v : -v)
            case 4: return .int(v ^ (1 << rng.below(63)))
            case 5: return .int(v &+ Int.random(in: -100...100, using: &rng))
            case 6: return ints.isEmpty ? intValue() : rng.pick(ints)
            default: return rng.pick(Self.boundaryInts)
            }
        case (.bigInt, _): return intValue()
        case (.float(let d), _):
            switch rng.below(5) {
            case 0: return .float(d + 1)
            case 1: return .float(-d)
            case 2: return .float(d * 1e10)
            case 3: return .float(d / 3)
            default: return .float(floatValue())
            }
        case (.bool(let b), _): return .bool(!b)
        case (.str(let s), _): return .str(mutateSequence(s, element: { $0.randomScalar() }, dictionary: strings + payloads.strings.map(scalars)))
        case (.bytes(let b), _): return .bytes(mutateSequence(b, element: { UInt8.random(in: 0...255, using: &$0.rng) }, dictionary: byteStrings + [payloads.pickle]))
        case (.bytearray(let b), _): return .bytearray(mutateSequence(b, element: { UInt8.random(in: 0...255, using: &$0.rng) }, dictionary: byteStrings))
        case (.path(let p), _):
            let mutated = mutateSequence(scalars(p), element: { $0.randomScalar() }, dictionary: strings + [scalars("../"), scalars("/")])
            return .path(String(String.UnicodeScalarView(mutated.compactMap(Unicode.Scalar.init))))
        case (.list(let items), _): return .list(mutateItems(items, element: elementType(type), depth: depth))
        case (.tuple(let items), .tuple(let types)):
            guard !items.isEmpty, items.count == types.count else { return self.value(of: type, depth: depth) }
            var copy = items
            let index = rng.below(items.count)
            copy[index] = mutate(items[index], as: types[index], depth: depth + 1)
            return .tuple(copy)
        case (.tuple(let items), _): return .tuple(mutateItems(items, element: elementType(type), depth: depth))
        case (.set(let items), _): return .set(mutateItems(items, element: elementType(type), depth: depth))
        case (.frozenset(let items), _): return .frozenset(mutateItems(items, element: elementType(type), depth: depth))
        case (.dict(let pairs), _):
            var (keyType, valueType): (PyType, PyType) = (.str, .any)
            if case let .dict(k, v) = type { (keyType, valueType) = (k, v) }
            if case .typedDict(let fields) = type {
                var copy = pairs
                if !copy.isEmpty, rng.chance(30) { copy.remove(at: rng.below(copy.count)); return .dict(copy) }
                guard !copy.isEmpty else { return self.value(of: type, depth: depth) }
                let index = rng.below(copy.count)
                let fieldType = fields.first { .string($0.name) == copy[index].key }?.type ?? .any
                copy[index].value = mutate(copy[index].value, as: fieldType, depth: depth + 1)
                return .dict(copy)
            }
            var copy = pairs
            switch rng.below(4) {
            case 0 where !copy.isEmpty: copy.remove(at: rng.below(copy.count))
            case 1 where !copy.isEmpty:
                let index = rng.below(copy.count)
                copy[index].value = mutate(copy[index].value, as: valueType, depth: depth + 1)
            case 2 where !copy.isEmpty:
                let index = rng.below(copy.count)
                copy[index].key = mutate(copy[index].key, as: keyType, depth: depth + 1)
            default:
                let key: FuzzValue = keyType == .str && !strings.isEmpty && rng.chance(60) ? .str(rng.pick(strings)) : self.value(of: keyType, depth: depth + 1)
                copy.append(FuzzPair(key, self.value(of: valueType, depth: depth + 1)))
            }
            return .dict(copy)
        case (.object(let ref, let name, let fields), .record(_, _, let fieldTypes)):
            guard !fields.isEmpty else { return self.value(of: type, depth: depth) }
            var copy = fields
            let index = rng.below(copy.count)
            let fieldType = fieldTypes.first { $0.name == copy[index].name }?.type ?? .any
            copy[index].value = mutate(copy[index].value, as: fieldType, depth: depth + 1)
            return .object(ref: ref, className: name, fields: copy)
        default:
            return self.value(of: type, depth: depth)
        }
    }

    private func elementType(_ type: PyType) -> PyType {
        switch type {
        case .list(let t), .set(let t), .frozenset(let t), .tupleOf(let t): return t
        case .union(let options):
            for option in options { let t = elementType(option); if t != .any { return t } }
            return .any
        default: return .any
        }
    }

    private mutating func mutateItems(_ items: [FuzzValue], element: PyType, depth: Int) -> [FuzzValue] {
        var copy = items
        switch rng.below(6) {
        case 0 where !copy.isEmpty: copy.remove(at: rng.below(copy.count))
        case 1 where !copy.isEmpty:
            let index = rng.below(copy.count)
            copy[index] = mutate(copy[index], as: element, depth: depth + 1)
        case 2 where !copy.isEmpty: copy.append(copy[rng.below(copy.count)])
        case 3: copy = []
        case 4 where copy.count < 64:
            copy.append(contentsOf: (0..<rng.pick([1, 4, 16])).map { _ in value(of: element, depth: depth + 1) })
        default:
            if copy.count < 256 { copy.insert(value(of: element, depth: depth + 1), at: rng.below(copy.count + 1)) }
        }
        return copy
    }

    private mutating func mutateSequence<T>(_ sequence: [T], element: (inout InputGenerator) -> T, dictionary: [[T]]) -> [T] {
        var s = sequence
        switch rng.below(10) {
        case 0 where !s.isEmpty:  // delete a range
            let start = rng.below(s.count)
            s.removeSubrange(start..<min(s.count, start + 1 + rng.below(4)))
        case 1 where !s.isEmpty: s[rng.below(s.count)] = element(&self)
        case 2: s.insert(element(&self), at: rng.below(s.count + 1))
        case 3 where !dictionary.isEmpty: s.insert(contentsOf: rng.pick(dictionary), at: rng.below(s.count + 1))
        case 4 where !dictionary.isEmpty: s = rng.pick(dictionary)
        case 5 where !s.isEmpty:  // duplicate a slice
            let start = rng.below(s.count)
            let slice = s[start..<min(s.count, start + 1 + rng.below(8))]
            s.insert(contentsOf: slice, at: rng.below(s.count + 1))
        case 6 where !s.isEmpty: s.removeSubrange(rng.below(s.count)..<s.count)
        case 7 where s.count < 10000: s += s.isEmpty ? [element(&self)] : s
        case 8: s = []
        default: s.append(element(&self))
        }
        return s
    }
}
