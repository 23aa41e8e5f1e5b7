import PythonSyntax

extension Stmt {
    /// Pre-order walk over the expressions of this statement itself, not of the statements
    /// nested in its body (those are visited as statements of their own). Return `false` from
    /// `visit` to skip an expression's children.
    ///
    /// Works on expressions directly (a stack of `Expr`, no `Node` wrappers), in the order
    /// `Node.forEachChild` gives. Rules that look at every expression ride the engine's walk
    /// instead (`RuleContext.skipDescendants`); this is for a rule looking inside one statement.
    public func walkOwnExpressions(_ visit: (Expr) -> Bool) {
        var stack: [Expr] = []
        forEachOwnExpression { stack.append($0) }
        stack.reverse()
        var children: [Expr] = []
        while let expression = stack.popLast() {
            guard visit(expression) else { continue }
            // Last child first onto the stack, moved (swapping in place copies).
            expression.forEachChildExpression { children.append($0) }
            while let child = children.popLast() { stack.append(child) }
        }
    }

    /// The outermost expressions of this statement (not of nested statements), in field order.
    func forEachOwnExpression(_ body: (Expr) -> Void) {
        Node.stmt(self).forEachChild { child in child.forEachExpressionWithin(body) }
    }
}

extension Node {
    /// This node if it is an expression, else the outermost expressions inside it that
    /// belong to the same statement (statements are not entered).
    fileprivate func forEachExpressionWithin(_ body: (Expr) -> Void) {
        switch self {
        case .expr(let expression): body(expression)
        case .stmt: return
        default: forEachChild { $0.forEachExpressionWithin(body) }
        }
    }
}

extension Expr {
    /// Direct sub-expressions, looking through the non-expression nodes between them
    /// (keywords, comprehensions, a lambda's parameters), in field order.
    func forEachChildExpression(_ body: (Expr) -> Void) {
        switch kind {
        case .boolOp(_, let values), .set(let values), .joinedStr(let values): values.forEach(body)
        case let .namedExpr(target, value): body(target); body(value)
        case let .binOp(left, _, right): body(left); body(right)
        case .unaryOp(_, let operand): body(operand)
        case let .lambda(arguments, value):
            Node.arguments(arguments).forEachExpressionWithin(body); body(value)
        case let .ifExp(test, value, orelse): body(test); body(value); body(orelse)
        case let .dict(keys, values):
            for index in 0..<values.count {
                if index < keys.count, let key = keys[index] { body(key) }
                body(values[index])
            }
        case let .listComp(element, generators), let .setComp(element, generators), let .generatorExp(element, generators):
            body(element); generators.forEach { Self.forEach(in: $0, body) }
        case let .dictComp(key, value, generators):
            body(key); body(value); generators.forEach { Self.forEach(in: $0, body) }
        case .await(let value), .yieldFrom(let value): body(value)
        case .yield(let value): if let value { body(value) }
        case let .compare(left, _, comparators): body(left); comparators.forEach(body)
        case let .call(function, arguments, keywords):
            body(function); arguments.forEach(body); keywords.forEach { body($0.value) }
        case let .formattedValue(value, _, spec): body(value); if let spec { body(spec) }
        case .constant, .name: break
        case .attribute(let value, _, _), .starred(let value, _): body(value)
        case let .subscript(value, slice, _): body(value); body(slice)
        case .list(let elements, _), .tuple(let elements, _): elements.forEach(body)
        case let .slice(lower, upper, step):
            if let lower { body(lower) }; if let upper { body(upper) }; if let step { body(step) }
        }
    }

    private static func forEach(in comprehension: Comprehension, _ body: (Expr) -> Void) {
        body(comprehension.target); body(comprehension.iter); comprehension.ifs.forEach(body)
    }
}
