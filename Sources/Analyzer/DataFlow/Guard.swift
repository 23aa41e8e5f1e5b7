import PythonSyntax

/// What an `if` test proves about a variable: an allow-list membership test, a
/// `realpath(...).startswith(base)` check, `isdigit()`, or a full regex match.
struct Guard {
    enum Effect {
        case safe
        case safeFor(Set<Int>)
    }

    var whenTrue: [String: Effect] = [:]
    var whenFalse: [String: Effect] = [:]

    static let normalisers: Set<String> = ["os.path.realpath", "os.path.abspath", "os.path.normpath", "posixpath.realpath"]
    static let validatorMethods: Set<String> = ["isdigit", "isnumeric", "isdecimal", "isalnum", "isalpha", "isidentifier"]
    static let regexMatchers: Set<String> = ["re.fullmatch", "re.match"]
    static let exits: Set<String> = ["abort", "flask.abort", "sys.exit", "exit", "quit", "os._exit"]

    init(test: Expr, imports: ImportTable, normalisedPaths: Set<String>) {
        var test = test
        var negated = false
        while case .unaryOp(.not, let operand) = test.kind {
            negated.toggle()
            test = operand
        }
        var proven: [String: Effect] = [:]
        switch test.kind {
        case .compare(let left, let ops, _) where ops.count == 1:
            if case .name(let id, _) = left.kind {
                if ops[0] == .in { proven[id] = .safe }
                if ops[0] == .notIn { negated.toggle(); proven[id] = .safe }
            }
        case .call(let function, let arguments, _):
            if case .attribute(let receiver, let method, _) = function.kind, case .name(let id, _) = receiver.kind {
                if method == "startswith", normalisedPaths.contains(id) { proven[id] = .safeFor([22]) }
                if Self.validatorMethods.contains(method) { proven[id] = .safe }
            }
            if let name = imports.qualifiedName(of: function), Self.regexMatchers.contains(name), arguments.count >= 2,
               case .name(let id, _) = arguments[1].kind {
                proven[id] = .safe
            }
        case .boolOp(.and, let values) where !negated:
            for value in values {
                let inner = Guard(test: value, imports: imports, normalisedPaths: normalisedPaths)
                proven.merge(inner.whenTrue) { first, _ in first }
            }
            // A local path: `u.startswith("/") and not u.startswith(("//", "/\\"))` (neither a
            // scheme nor a scheme-relative or backslash host): safe to redirect to.
            for id in Self.prefixChecks(values, negated: false, containing: "/") where
                Self.prefixChecks(values, negated: true, containing: "//").contains(id) && Self.prefixChecks(values, negated: true, containing: "/\\").contains(id) {
                proven[id] = .safeFor([601])
            }
        default:
            break
        }
        if negated { whenFalse = proven } else { whenTrue = proven }
    }

    /// Names `x` with a `x.startswith(P)` test (under `not` when `negated`) whose prefixes
    /// include exactly `prefix`.
    static func prefixChecks(_ values: [Expr], negated: Bool, containing prefix: String) -> Set<String> {
        var names = Set<String>()
        for value in values {
            var test = value
            if negated {
                guard case .unaryOp(.not, let operand) = value.kind else { continue }
                test = operand
            }
            guard case .call(let function, let arguments, _) = test.kind, case .attribute(let receiver, "startswith", _) = function.kind,
                  case .name(let id, _) = receiver.kind, let argument = arguments.first else { continue }
            var prefixes: [String] = []
            if let single = argument.stringConstant { prefixes = [single] }
            if case .tuple(let elements, _) = argument.kind { prefixes = elements.compactMap(\.stringConstant) }
            if prefixes.contains(prefix) { names.insert(id) }
        }
        return names
    }

    func applyWhenTrue(_ environment: inout [String: Taint]) { Self.apply(whenTrue, to: &environment) }
    func applyWhenFalse(_ environment: inout [String: Taint]) { Self.apply(whenFalse, to: &environment) }

    private static func apply(_ effects: [String: Effect], to environment: inout [String: Taint]) {
        for (name, effect) in effects {
            switch effect {
            case .safe: environment[name] = nil
            case .safeFor(let cwes): environment[name] = environment[name]?.sanitizing(cwes)
            }
        }
    }

    /// Whether a block always leaves: its last statement returns, raises, breaks, continues
    /// or calls `abort()`/`sys.exit()`.
    static func terminates(_ block: [Stmt]) -> Bool {
        guard let last = block.last else { return false }
        switch last.kind {
        case .return, .raise, .break, .continue:
            return true
        case .expr(let value):
            if case .call(let function, _, _) = value.kind {
                switch function.kind {
                case .name(let id, _): return exits.contains(id)
                case .attribute(_, let attr, _): return attr == "exit" || attr == "abort" || attr == "_exit"
                default: return false
                }
            }
            return false
        case .if(_, let body, let orelse):
            return !orelse.isEmpty && terminates(body) && terminates(orelse)
        default:
            return false
        }
    }
}
