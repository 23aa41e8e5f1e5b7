import PythonSyntax

extension Stmt {
    /// Pre-order walk over the expressions of this statement itself, not of the statements
    /// nested in its body (those are visited as statements of their own). Return `false` from
    /// `visit` to skip an expression's children.
    public func walkOwnExpressions(_ visit: (Expr) -> Bool) {
        var stack: [Node] = []
        Node.stmt(self).forEachChild { stack.append($0) }
        stack.reverse()
        var children: [Node] = []
        while let node = stack.popLast() {
            if case .stmt = node { continue }
            if case .expr(let expression) = node, !visit(expression) { continue }
            children.removeAll(keepingCapacity: true)
            node.forEachChild { children.append($0) }
            stack.append(contentsOf: children.reversed())
        }
    }
}
