import Foundation
import PythonSyntax

/// Constants of a function body, the fuzzer's dictionary: a magic string compared with `==`
/// is found at once instead of by luck. Numbers come with their neighbours (off-by-one).
enum ConstantHarvest {
    static func constants(in body: [Stmt]) -> [FuzzValue] {
        var seen = Set<FuzzValue>()
        var out: [FuzzValue] = []
        func add(_ value: FuzzValue) {
            if out.count < 256, seen.insert(value).inserted { out.append(value) }
        }
        walk(body) { node in
            guard case .expr(let expr) = node else { return }
            if case .constant(let value, _) = expr.kind {
                switch value {
                case .str(let s):
                    if s.scalars.count <= 200 { add(.str(s.scalars)) }
                case .bytes(let b): if b.count <= 200 { add(.bytes(b)) }
                case .int(let digits):
                    if let v = Int(digits) {
                        add(.int(v))
                        if v > Int.min { add(.int(v &- 1)) }
                        if v < Int.max { add(.int(v &+ 1)) }
                        if v != 0, v > Int.min { add(.int(-v)) }
                    } else {
                        add(.bigInt(digits))
                    }
                case .float(let d): add(.float(d))
                default: break
                }
            }
        }
        return out
    }
}

/// Calls proposed as text (an LLM tester agent's answer): the ones with literal arguments.
public enum SeedCalls {
    public static func inputs(in text: String, function: String) -> [FuzzInput] {
        let shortName = function.split(separator: ".").last.map(String.init) ?? function
        let lines = text.split(separator: "\n").map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix(">>> ") ? trimmed : ">>> " + trimmed
        }
        return Array(Doctests.inputs(in: lines.joined(separator: "\n"), function: shortName).prefix(50))
    }
}

/// Docstring facts: `>>>` examples as seed inputs, and the exceptions the function documents.
enum Doctests {
    static func inputs(in docstring: String, function: String) -> [FuzzInput] {
        var out: [FuzzInput] = []
        for rawLine in docstring.split(separator: "\n") {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix(">>> ") else { continue }
            let code = String(line.dropFirst(4))
            guard code.contains(function + "("),
                  let parsed = try? PythonSyntax.parse(Array(code.utf8)),
                  let statement = parsed.module.body.first, case .expr(let expr) = statement.kind else { continue }
            // `f(x)`, or `f(x) == y`, or `print(f(x))`: find the call of the function.
            var call: Expr?
            walk([statement]) { node in
                guard call == nil, case .expr(let e) = node, case let .call(callee, _, _) = e.kind else { return }
                if case .name(let id, _) = callee.kind, id == function { call = e }
                if case .attribute(_, let attr, _) = callee.kind, attr == function { call = e }
            }
            _ = expr
            guard let call, case let .call(_, args, keywords) = call.kind,
                  let values = args.mapAll(literal) else { continue }
            var kwargs: [FuzzField] = []
            var ok = true
            for keyword in keywords {
                guard let name = keyword.arg, let value = literal(keyword.value) else { ok = false; break }
                kwargs.append(FuzzField(name, value))
            }
            if ok { out.append(FuzzInput(args: values, kwargs: kwargs)) }
        }
        return out
    }

    /// A literal expression's value, or nil when it is not a literal.
    static func literal(_ expr: Expr) -> FuzzValue? {
        switch expr.kind {
        case .constant(let value, _):
            switch value {
            case .none: return FuzzValue.none
            case .bool(let b): return .bool(b)
            case .int(let digits): return Int(digits).map(FuzzValue.int) ?? .bigInt(digits)
            case .float(let d): return .float(d)
            case .str(let s): return .str(s.scalars)
            case .bytes(let b): return .bytes(b)
            default: return nil
            }
        case .unaryOp(.uSub, let operand):
            switch literal(operand) {
            case .int(let v)?: return .int(-v)
            case .float(let d)?: return .float(-d)
            case .bigInt(let digits)?: return .bigInt("-" + digits)
            default: return nil
            }
        case .list(let elts, _): return elts.mapAll(literal).map(FuzzValue.list)
        case .tuple(let elts, _): return elts.mapAll(literal).map(FuzzValue.tuple)
        case .set(let elts): return elts.mapAll(literal).map(FuzzValue.set)
        case let .dict(keys, values):
            var pairs: [FuzzPair] = []
            for (key, value) in zip(keys, values) {
                guard let key, let k = literal(key), let v = literal(value) else { return nil }
                pairs.append(FuzzPair(k, v))
            }
            return .dict(pairs)
        default:
            return nil
        }
    }

    /// Exception class names the docstring says the function raises: Google (`Raises:` then
    /// `ValueError: …`), reST (`:raises ValueError:`), NumPy (`Raises` / `------`) and prose
    /// ("raises KeyError if …").
    static func documentedExceptions(_ docstring: String) -> Set<String> {
        var out = Set<String>()
        var section: (indent: Int, numpy: Bool)?
        let lines = docstring.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.count
            let line = rawLine.dropFirst(indent)
            let lower = line.lowercased()
            if lower == "raises:" || lower == "raises" || lower == "exceptions:" {
                let next = index + 1 < lines.count ? lines[index + 1].trimmingCharacters(in: .whitespaces) : ""
                section = (indent, !next.isEmpty && next.allSatisfy { $0 == "-" })
                continue
            }
            if let current = section, !line.isEmpty, !line.allSatisfy({ $0 == "-" }) {
                let first = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }).first.map(String.init) ?? ""
                let entry = indent > current.indent || (current.numpy && indent == current.indent)
                if entry, looksLikeExceptionClass(first), indent == current.indent || line.dropFirst(first.count).hasPrefix(":") || current.numpy {
                    out.insert(first.split(separator: ".").last.map(String.init) ?? first)
                    continue
                }
                if indent <= current.indent, !(current.numpy && entry) { section = nil }
            }
            // Prose and reST: an exception-like name right after "raise"/"raises"/":raises".
            let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }).map(String.init)
            for (position, word) in words.enumerated() where ["raise", "raises", "raised", "throws"].contains(word.lowercased()) {
                for candidate in words.dropFirst(position + 1).prefix(3) {
                    let name = candidate.split(separator: ".").last.map(String.init) ?? candidate
                    if name.hasSuffix("Error") || name.hasSuffix("Exception") || name.hasSuffix("Warning") || name == "StopIteration" {
                        out.insert(name)
                    }
                }
            }
        }
        return out
    }

    /// `ValueError`, `mypkg.errors.CommandError`: a capitalised class name, maybe dotted.
    static func looksLikeExceptionClass(_ name: String) -> Bool {
        guard let last = name.split(separator: ".").last, let first = last.first else { return false }
        return first.isUppercase && last.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
