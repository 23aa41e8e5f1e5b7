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
