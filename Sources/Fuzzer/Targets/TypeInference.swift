import PythonSyntax

/// Types of unannotated parameters, from how the body uses them: `x.split()` → str,
/// `x + 1` → number, `x[0]` → sequence, `for a in x` → iterable, `x.get(` → mapping.
enum TypeInference {
    static let strMethods: Set<String> = [
        "split", "rsplit", "strip", "lstrip", "rstrip", "lower", "upper", "startswith", "endswith", "encode", "replace",
        "find", "rfind", "format", "partition", "rpartition", "splitlines", "isdigit", "isalpha", "isalnum", "isspace",
        "title", "capitalize", "casefold", "zfill", "center", "ljust", "rjust", "removeprefix", "removesuffix", "isupper", "islower",
        "isnumeric", "isdecimal", "isidentifier", "format_map", "expandtabs", "swapcase",
    ]
    static let bytesMethods: Set<String> = ["decode", "hex"]
    static let mapMethods: Set<String> = ["get", "items", "keys", "values", "setdefault", "update"]
    static let listMethods: Set<String> = ["append", "extend", "insert", "pop", "sort", "reverse", "remove"]

    /// Evidence for one name, strongest kinds win.
    struct Evidence {
        var str = 0, bytes = 0, number = 0, float = 0, mapping = 0, list = 0, sequence = 0, iterable = 0, optional = false
        var element: PyType?
        var keyIsStr = false

        var type: PyType? {
            var base: PyType?
            let ranked: [(Int, PyType)] = [
                (str, .str), (bytes, .bytes), (mapping, .dict(key: keyIsStr ? .str : .any, value: .any)),
                (list, .list(element ?? .int)), (number, float > 0 ? .float : .int),
            ]
            if let best = ranked.filter({ $0.0 > 0 }).max(by: { $0.0 < $1.0 }) {
                base = best.1
            } else if sequence > 0 || iterable > 0 {
                base = element.map { .list($0) } ?? .union([.str, .list(.any)])
            }
            guard let base else { return optional ? PyType.none : nil }
            return optional ? .union([base, .none]) : base
        }
    }

    static func infer(parameters: [String], body: [Stmt]) -> [String: PyType] {
        let names = Set(parameters)
        var evidence: [String: Evidence] = [:]
        var loopVariables: [String: String] = [:]  // loop variable → the parameter it iterates
        func note(_ name: String, _ update: (inout Evidence) -> Void) {
            update(&evidence[name, default: Evidence()])
        }
        func param(_ expr: Expr) -> String? {
            if case .name(let id, _) = expr.kind, names.contains(id) || loopVariables[id] != nil { return id }
            return nil
        }
        func constantKind(_ expr: Expr) -> Character? {
            guard case .constant(let value, _) = expr.kind else { return nil }
            switch value {
            case .str: return "s"
            case .bytes: return "b"
            case .int: return "i"
            case .float: return "f"
            default: return nil
            }
        }
        func noteConstant(_ name: String, _ kind: Character?) {
            switch kind {
            case "s": note(name) { $0.str += 2 }
            case "b": note(name) { $0.bytes += 2 }
            case "i": note(name) { $0.number += 1 }
            case "f": note(name) { $0.number += 1; $0.float += 1 }
            default: break
            }
        }
        walk(body) { node in
            switch node {
            case .stmt(let statement):
                if case let .for(target, iter, _, _, _) = statement.kind, let name = param(iter) {
                    note(name) { $0.iterable += 1 }
                    if case .name(let loopVar, _) = target.kind { loopVariables[loopVar] = name }
                }
                if case let .augAssign(target, op, value) = statement.kind {
                    if let name = param(target) {
                        let kind = constantKind(value)
                        if kind == nil { note(name) { $0.number += 1 } } else { noteConstant(name, kind) }
                    }
                    // `remaining -= per_page`: the parameter on the right is a number too.
                    if let name = param(value), op != .add, op != .mod { note(name) { $0.number += 2 } }
                }
            case .expr(let expr):
                switch expr.kind {
                case let .call(function, args, _):
                    if case let .attribute(value, attr, _) = function.kind, let name = param(value) {
                        if strMethods.contains(attr) { note(name) { $0.str += 3 } }
                        else if bytesMethods.contains(attr) { note(name) { $0.bytes += 3 } }
                        else if mapMethods.contains(attr) {
                            note(name) { $0.mapping += 3 }
                            if let first = args.first, constantKind(first) == "s" { note(name) { $0.keyIsStr = true } }
                        }
                        else if listMethods.contains(attr) { note(name) { $0.list += 3 } }
                    }
                    if case .name(let callee, _) = function.kind, let first = args.first, let name = param(first) {
                        switch callee {
                        case "len", "sorted", "reversed", "enumerate", "list", "tuple", "set", "zip": note(name) { $0.sequence += 1 }
                        case "sum", "max", "min": note(name) { $0.iterable += 1 }
                        case "range", "abs", "round", "chr", "hex", "bin", "oct": note(name) { $0.number += 2 }
                        case "int", "float", "open", "ord": note(name) { $0.str += 2 }
                        default: break
                        }
                    }
                case let .binOp(left, op, right):
                    // Two parameters in arithmetic: numbers, weakly (`a + b` also joins strings).
                    if let a = param(left), let b = param(right), op != .mod {
                        note(a) { $0.number += 1 }
                        note(b) { $0.number += 1 }
                    }
                    for (side, other) in [(left, right), (right, left)] {
                        guard let name = param(side) else { continue }
                        let kind = constantKind(other)
                        if op == .mod && side.loc == left.loc && kind == "s" { continue }
                        if kind == "s" || kind == "b" { noteConstant(name, kind) }
                        else if [.sub, .div, .floorDiv, .pow, .lShift, .rShift, .bitAnd, .bitOr, .bitXor].contains(op) || kind == "i" || kind == "f" {
                            note(name) { $0.number += 2 }
                            if kind == "f" { note(name) { $0.float += 1 } }
                        }
                    }
                case let .compare(left, ops, comparators):
                    let operands = [left] + comparators
                    for (index, operand) in operands.enumerated() {
                        guard let name = param(operand) else { continue }
                        let neighbours = [index > 0 ? operands[index - 1] : nil, index + 1 < operands.count ? operands[index + 1] : nil].compactMap { $0 }
                        for other in neighbours {
                            if case .constant(.none, _) = other.kind { note(name) { $0.optional = true } }
                            else if !(index > 0 && [.in, .notIn].contains(ops[index - 1])) { noteConstant(name, constantKind(other)) }
                        }
                        if index == 0, let op = ops.first, op == .in || op == .notIn { continue }
                        if index > 0, [.in, .notIn].contains(ops[index - 1]) { note(name) { $0.sequence += 1 } }
                    }
                case let .subscript(value, slice, _):
                    if let name = param(value) {
                        if constantKind(slice) == "s" { note(name) { $0.mapping += 2; $0.keyIsStr = true } }
                        else { note(name) { $0.sequence += 1 } }
                    }
                default:
                    break
                }
            default:
                break
            }
        }
        // A loop variable's own evidence is the element type of the parameter it iterates.
        for (loopVar, source) in loopVariables where !names.contains(loopVar) {
            if let element = evidence[loopVar]?.type {
                note(source) { $0.element = element; $0.list += 1 }
            }
        }
        var out: [String: PyType] = [:]
        for name in parameters {
            if let type = evidence[name]?.type { out[name] = type }
        }
        return out
    }
}
