import PythonSyntax

extension Expr {
    /// The strings of a non-empty list, tuple or set written as string literals (`["a", "b"]`).
    var stringLiterals: [String]? {
        switch kind {
        case .list(let elements, _), .tuple(let elements, _), .set(let elements):
            let texts = elements.compactMap(\.stringConstant)
            return !elements.isEmpty && texts.count == elements.count ? texts : nil
        default:
            return nil
        }
    }

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
            return (left.isConstantBytes && right.isFixedCount) || (right.isConstantBytes && left.isFixedCount)
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

    /// A repeat count fixed by the program: a literal, or a library's size constant
    /// (`AES.block_size`, `BLOCK_SIZE`).
    var isFixedCount: Bool {
        switch kind {
        case .constant(.int, _): return true
        case .attribute(_, let attr, _): return attr.hasSuffix("size") || attr.hasSuffix("SIZE")
        case .name(let id, _): return id.count > 1 && id == id.uppercased() && id.contains(where: \.isLetter)
        default: return false
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

/// Names bound only to constants: `SALT = b"..."` at module level, or `iv = b"x" * 16` in a
/// function. Every assignment to the name anywhere in the file must be a constant, so a name
/// reused for real data is never taken for one.
enum ModuleConstants {
    static func isConstantName(_ expression: Expr, in module: Module) -> Bool {
        guard case .name(let id, _) = expression.kind else { return false }
        var assignments = 0
        var allConstant = true
        module.walk { node in
            guard allConstant, case .stmt(let statement) = node else { return allConstant }
            switch statement.kind {
            case .assign(let targets, let value):
                for target in targets {
                    switch target.kind {
                    case .name(id, _):
                        assignments += 1
                        if !value.isConstantBytes { allConstant = false }
                    case .tuple(let elements, _), .list(let elements, _):
                        if elements.contains(where: { if case .name(id, _) = $0.kind { return true } else { return false } }) { allConstant = false }
                    default:
                        break
                    }
                }
            case .annAssign(let target, _, let value?, _):
                if case .name(id, _) = target.kind {
                    assignments += 1
                    if !value.isConstantBytes { allConstant = false }
                }
            case .augAssign(let target, _, _), .for(let target, _, _, _, _):
                if case .name(id, _) = target.kind { allConstant = false }
            default:
                break
            }
            return true
        }
        return allConstant && assignments > 0
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes contain `needle` anywhere (for cheap whole-file checks).
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        var index = 0
        while index + needle.count <= count {
            if self[index] == needle[0], Array(self[index..<(index + needle.count)]) == needle { return true }
            index += 1
        }
        return false
    }
}
