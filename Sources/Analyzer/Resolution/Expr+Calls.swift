import PythonSyntax

extension Expr {
    /// `execute` for `cursor.execute(...)`: the attribute a call invokes, whatever the receiver.
    public var calledAttribute: String? {
        if case .call(let function, _, _) = kind, case .attribute(_, let attr, _) = function.kind { return attr }
        return nil
    }

    /// True for a constant that is truthy: `True`, a non-zero number, a non-empty string.
    public var isTruthyConstant: Bool {
        guard case .constant(let value, _) = kind else { return false }
        switch value {
        case .bool(let flag): return flag
        case .int(let digits): return digits.contains { $0 != "0" }
        case .str(let text): return !text.isEmpty
        default: return false
        }
    }
}
