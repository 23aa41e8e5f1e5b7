import PythonSyntax

extension Expr {
    /// The text of a bytes constant (Latin-1).
    var bytesText: String? {
        if case .constant(.bytes(let bytes), _) = kind { return String(bytes.map { Character(Unicode.Scalar($0)) }) }
        return nil
    }

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
