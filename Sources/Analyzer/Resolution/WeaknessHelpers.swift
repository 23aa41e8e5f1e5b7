import PythonSyntax

/// Walks of one scope: a function's body without the functions, classes and lambdas defined
/// inside it (their code runs elsewhere, with other locals).
enum ScopeWalk {
    /// Pre-order walk over the nodes of `body`; nested definitions are visited themselves but
    /// not entered. Return `false` from `visit` to skip a node's children.
    static func walk(_ body: [Stmt], _ visit: (Node) -> Bool) {
        Module(body: body).walk { node in
            guard visit(node) else { return false }
            switch node {
            case .stmt(let statement):
                switch statement.kind {
                case .functionDef, .classDef: return false
                default: return true
                }
            case .expr(let expression):
                if case .lambda = expression.kind { return false }
                return true
            default:
                return true
            }
        }
    }

    /// Pre-order walk over the sub-expressions of `expression` (lambdas not entered).
    static func walk(_ expression: Expr, _ visit: (Expr) -> Bool) {
        var stack: [Node] = [.expr(expression)]
        var children: [Node] = []
        while let node = stack.popLast() {
            if case .expr(let current) = node {
                guard visit(current) else { continue }
                if case .lambda = current.kind { continue }
            }
            children.removeAll(keepingCapacity: true)
            node.forEachChild { children.append($0) }
            stack.append(contentsOf: children.reversed())
        }
    }
}

extension Expr {
    /// A value fixed in the source that a key, salt or IV must never be: a bytes or string
    /// literal, `"...".encode()`, `bytes(16)`, `b"\0" * 16`, `bytes.fromhex("...")`.
    var isConstantBytes: Bool {
        switch kind {
        case .constant(.bytes, _), .constant(.str, _):
            return true
        case .binOp(let left, .mult, let right):
            return (left.isConstantBytes && right.intConstant != nil) || (right.isConstantBytes && left.intConstant != nil)
        case .binOp(let left, .add, let right):
            return left.isConstantBytes && right.isConstantBytes
        case .call(let function, let arguments, _):
            switch function.kind {
            case .attribute(let receiver, "encode", _):
                return receiver.isConstantBytes
            case .attribute(let receiver, "fromhex", _):
                guard case .name("bytes", _) = receiver.kind else { return false }
                return arguments.count == 1 && arguments[0].isConstantBytes
            case .name("bytes", _), .name("bytearray", _):
                return arguments.count == 1 && (arguments[0].intConstant != nil || arguments[0].isConstantBytes)
            default:
                return false
            }
        default:
            return false
        }
    }

    /// The name an expression reads: `password` for `password`, `self.password`,
    /// `form["password"]`, `password.encode()`.
    var readName: String? {
        switch kind {
        case .name(let id, _): return id
        case .attribute(_, let attr, _): return attr
        case .subscript(_, let slice, _): return slice.stringConstant
        case .call(let function, let arguments, _):
            guard case .attribute(let receiver, let method, _) = function.kind else { return nil }
            if ["encode", "strip", "lower", "decode"].contains(method) { return receiver.readName }
            if method == "get" { return arguments.first?.stringConstant }
            return nil
        default: return nil
        }
    }
}

/// Module-level `NAME = <constant>` assignments, so a rule can see that `SALT` is a literal.
enum ModuleConstants {
    static func isConstantName(_ expression: Expr, in module: Module) -> Bool {
        guard case .name(let id, _) = expression.kind else { return false }
        var found = false
        for statement in module.body {
            switch statement.kind {
            case .assign(let targets, let value):
                if targets.contains(where: { if case .name(id, _) = $0.kind { return true } else { return false } }) {
                    found = value.isConstantBytes
                }
            case .annAssign(let target, _, let value?, _):
                if case .name(id, _) = target.kind { found = value.isConstantBytes }
            default:
                continue
            }
        }
        return found
    }
}

/// Names that hold a password (not a password's label or hash): the `_`-separated words of
/// the name, also split at camelCase humps.
enum PasswordNames {
    static let words: Set<String> = ["password", "passwd", "pwd", "passphrase", "pass", "pword"]
    static let describing: Set<String> = [
        "hash", "hashed", "digest", "salt", "field", "label", "prompt", "name", "length", "len", "policy", "regex", "pattern",
        "hint", "url", "file", "path", "type", "min", "max", "reset", "message", "msg", "error", "template", "widget",
    ]

    static func parts(_ name: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character == "_" || character == "-" {
                if !current.isEmpty { result.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase && previousLower {
                result.append(current)
                current = ""
            }
            current.append(Character(character.lowercased()))
            previousLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func looksPassword(_ name: String) -> Bool {
        let words = parts(name)
        guard words.contains(where: Self.words.contains), let last = words.last else { return false }
        return !describing.contains(last) && !words.contains("hash") && !words.contains("hashed")
    }

    /// The first password-named value read inside `expression`.
    static func passwordRead(in expression: Expr) -> String? {
        var found: String?
        ScopeWalk.walk(expression) { current in
            guard found == nil else { return false }
            if let name = current.readName, looksPassword(name) {
                found = name
                return false
            }
            return true
        }
        return found
    }
}

/// Web handlers: functions routed by a decorator (`@app.route`, `@router.get`) or taking the
/// request as their first parameter (Django views).
enum WebHandlers {
    static let decorators: Set<String> = ["route", "get", "post", "put", "delete", "patch", "api_route", "head", "options", "view_config"]

    static func isHandler(arguments: Arguments, decorators: [Expr]) -> Bool {
        let routed = decorators.contains { decorator in
            if case .call(let function, _, _) = decorator.kind, case .attribute(_, let attr, _) = function.kind {
                return Self.decorators.contains(attr)
            }
            return false
        }
        if routed { return true }
        let parameters = (arguments.posonlyargs + arguments.args).map(\.arg)
        let first = parameters.first == "self" ? parameters.dropFirst().first : parameters.first
        return first == "request"
    }
}
