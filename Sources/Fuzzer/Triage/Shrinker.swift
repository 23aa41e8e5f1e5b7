/// Smaller variants of an input, for minimising a finding's input: each variant simplifies one
/// argument one step (shorter text, fewer items, a number nearer zero).
enum Shrinker {
    static func candidates(_ input: FuzzInput, limit: Int = 64) -> [FuzzInput] {
        var out: [FuzzInput] = []
        for index in input.args.indices {
            for smaller in shrink(input.args[index]) {
                var copy = input
                copy.args[index] = smaller
                out.append(copy)
            }
        }
        for index in input.kwargs.indices {
            for smaller in shrink(input.kwargs[index].value) {
                var copy = input
                copy.kwargs[index].value = smaller
                out.append(copy)
            }
        }
        let size = input.size
        return Array(out.filter { $0.size < size || ($0.size == size && $0 != input && simpler($0, than: input)) }
            .sorted { $0.size < $1.size }.prefix(limit))
    }

    /// Same size but nearer zero (ints), for ties.
    private static func simpler(_ a: FuzzInput, than b: FuzzInput) -> Bool {
        func magnitude(_ v: FuzzValue) -> Double {
            switch v {
            case .int(let i): return Double(i.magnitude)
            case .float(let d): return d.isFinite ? abs(d) : .infinity
            default: return 0
            }
        }
        return a.args.map(magnitude).reduce(0, +) < b.args.map(magnitude).reduce(0, +)
    }

    static func shrink(_ value: FuzzValue) -> [FuzzValue] {
        switch value {
        case .none, .bool, .enumMember: return []
        case .int(let v):
            guard v != 0 else { return [] }
            var out: [FuzzValue] = [.int(0), .int(v / 2), .int(v > 0 ? v - 1 : v + 1)]
            if v < 0, v > Int.min { out.append(.int(-v)) }
            return out.filter { $0 != value }
        case .bigInt(let digits):
            return [.int(0), .int(digits.hasPrefix("-") ? Int.min : Int.max), .bigInt(String(digits.prefix(max(20, digits.count / 2)))), .bigInt(String(digits.dropLast()))].filter { $0 != value && $0 != .bigInt("") && $0 != .bigInt("-") }
        case .float(let d):
            guard d != 0, d.isFinite else { return [] }
            return [.float(0), .float(d.rounded(.towardZero)), .float(d / 2)].filter { $0 != value }
        case .str(let s): return sequence(s).map(FuzzValue.str)
        case .bytes(let b): return sequence(b).map(FuzzValue.bytes)
        case .bytearray(let b): return sequence(b).map(FuzzValue.bytearray)
        case .path(let p): return sequence(Array(p.unicodeScalars)).map { .path(String(String.UnicodeScalarView($0))) }
        case .list(let items): return container(items).map(FuzzValue.list)
        case .tuple: return []  // fixed arity: shrink inside only
        case .nested(let depth, let leaf):
            return depth > 1 ? [.nested(depth: depth / 2, leaf: leaf), .nested(depth: depth * 3 / 4, leaf: leaf)] : [.list([leaf])]
        case .set(let items): return container(items).map(FuzzValue.set)
        case .frozenset(let items): return container(items).map(FuzzValue.frozenset)
        case .dict(let pairs):
            var out: [FuzzValue] = []
            if !pairs.isEmpty { out.append(.dict([])) }
            for index in pairs.indices where pairs.count > 1 {
                var copy = pairs
                copy.remove(at: index)
                out.append(.dict(copy))
            }
            for index in pairs.indices {
                for smaller in shrink(pairs[index].value).prefix(3) {
                    var copy = pairs
                    copy[index].value = smaller
                    out.append(.dict(copy))
                }
            }
            return out
        case let .object(ref, name, fields):
            var out: [FuzzValue] = []
            for index in fields.indices {
                for smaller in shrink(fields[index].value).prefix(3) {
                    var copy = fields
                    copy[index].value = smaller
                    out.append(.object(ref: ref, className: name, fields: copy))
                }
            }
            return out
        }
    }

    private static func sequence<T>(_ s: [T]) -> [[T]] {
        guard !s.isEmpty else { return [] }
        var out: [[T]] = [[], Array(s.prefix(s.count / 2)), Array(s.suffix(s.count / 2))]
        if s.count <= 24 {
            for index in s.indices { var copy = s; copy.remove(at: index); out.append(copy) }
        } else {
            let quarter = s.count / 4
            out.append(Array(s.prefix(s.count - quarter)))
            out.append(Array(s.suffix(s.count - quarter)))
        }
        return out
    }

    private static func container(_ items: [FuzzValue]) -> [[FuzzValue]] {
        guard !items.isEmpty else { return [] }
        var out: [[FuzzValue]] = [[]]
        for index in items.indices where items.count > 1 {
            var copy = items
            copy.remove(at: index)
            out.append(copy)
        }
        for index in items.indices {
            for smaller in shrink(items[index]).prefix(3) {
                var copy = items
                copy[index] = smaller
                out.append(copy)
            }
        }
        return out
    }

    /// The input with every magnitude capped (ints at ±1000, sequences at 100 items): a hang
    /// that survives this is a bug, one that does not is work proportional to a huge input
    /// (`factorial(2**63)`), which a correct function may do.
    static func scaledDown(_ input: FuzzInput) -> FuzzInput {
        FuzzInput(args: input.args.map(scaledDown), kwargs: input.kwargs.map { FuzzField($0.name, scaledDown($0.value)) })
    }

    static func scaledDown(_ value: FuzzValue) -> FuzzValue {
        let cap = 100
        switch value {
        case .int(let v) where v > 1000: return .int(1000)
        case .int(let v) where v < -1000: return .int(-1000)
        case .bigInt(let digits): return .int(digits.hasPrefix("-") ? -1000 : 1000)
        case .float(let d) where d.isFinite && abs(d) > 1e6: return .float(d > 0 ? 1000 : -1000)
        case .str(let s): return .str(Array(s.prefix(cap)))
        case .bytes(let b): return .bytes(Array(b.prefix(cap)))
        case .bytearray(let b): return .bytearray(Array(b.prefix(cap)))
        case .path(let p): return .path(String(p.prefix(cap)))
        case .list(let items): return .list(items.prefix(cap).map(scaledDown))
        case .tuple(let items): return .tuple(items.map(scaledDown))
        case .set(let items): return .set(items.prefix(cap).map(scaledDown))
        case .frozenset(let items): return .frozenset(items.prefix(cap).map(scaledDown))
        case .dict(let pairs): return .dict(pairs.prefix(cap).map { FuzzPair(scaledDown($0.key), scaledDown($0.value)) })
        case .object(let ref, let name, let fields): return .object(ref: ref, className: name, fields: fields.map { FuzzField($0.name, scaledDown($0.value)) })
        case .nested(let depth, let leaf): return .nested(depth: min(depth, cap), leaf: scaledDown(leaf))
        default: return value
        }
    }
}
