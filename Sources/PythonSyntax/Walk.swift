/// Generic traversal of the AST (recursion bounded in depth: safe on deep trees and small stacks).
public enum Node: Sendable {
    case stmt(Stmt)
    case expr(Expr)
    case pattern(Pattern)
    case arg(Arg)
    case keyword(Keyword)
    case alias(Alias)
    indirect case exceptHandler(ExceptHandler)
    indirect case typeParam(TypeParam)
    indirect case comprehension(Comprehension)
    indirect case arguments(Arguments)
    case withItem(WithItem)
    indirect case matchCase(MatchCase)

    /// Position for node kinds that have one in CPython (`comprehension`, `arguments`,
    /// `withitem`, `match_case` have none).
    public var loc: Loc? {
        switch self {
        case .stmt(let s): return s.loc
        case .expr(let e): return e.loc
        case .pattern(let p): return p.loc
        case .arg(let a): return a.loc
        case .keyword(let k): return k.loc
        case .alias(let a): return a.loc
        case .exceptHandler(let h): return h.loc
        case .typeParam(let t): return t.loc
        default: return nil
        }
    }

    /// A plain name (`x` in `x.y`, `f(x)`): the most numerous node, with no children.
    @inlinable public var isName: Bool {
        if case .expr(let expression) = self, case .name = expression.kind { return true }
        return false
    }

    /// Direct children in CPython field order (like `ast.iter_child_nodes`).
    public func forEachChild(_ body: (Node) throws -> Void) rethrows {
        try forEachChild(statement: { try body(.stmt($0)) }, expression: { try body(.expr($0)) }, other: body)
    }

    /// Direct children in CPython field order, statements and expressions (nearly every node)
    /// handed over as themselves: wrapping each in a `Node` copies it.
    @inlinable public func forEachChild(statement: (Stmt) throws -> Void, expression: (Expr) throws -> Void,
                                        other body: (Node) throws -> Void) rethrows {
        switch self {
        case .stmt(let s): try s.forEachChild(statement: statement, expression: expression, other: body)
        case .expr(let x): try x.forEachChild(statement: statement, expression: expression, other: body)
        default: try forEachOtherChild(statement: statement, expression: expression, other: body)
        }
    }

    @usableFromInline func forEachOtherChild(statement: (Stmt) throws -> Void, expression: (Expr) throws -> Void,
                                             other body: (Node) throws -> Void) rethrows {
        func e(_ x: Expr?) throws { if let x { try expression(x) } }
        func es(_ xs: [Expr]) throws { for x in xs { try expression(x) } }
        func ss(_ xs: [Stmt]) throws { for x in xs { try statement(x) } }
        func ps(_ xs: [Pattern]) throws { for x in xs { try body(.pattern(x)) } }
        switch self {
        case .stmt, .expr: break
        case .pattern(let p):
            switch p.kind {
            case .matchValue(let v): try e(v)
            case .matchSingleton, .matchStar: break
            case .matchSequence(let ps_): try ps(ps_)
            case let .matchMapping(k, ps_, _): try es(k); try ps(ps_)
            case let .matchClass(c, ps_, _, kp): try e(c); try ps(ps_); try ps(kp)
            case let .matchAs(pat, _): if let pat { try body(.pattern(pat)) }
            case .matchOr(let ps_): try ps(ps_)
            }
        case .arg(let a): try e(a.annotation)
        case .keyword(let k): try e(k.value)
        case .alias: break
        case .exceptHandler(let h): try e(h.type); try ss(h.body)
        case .typeParam(let t):
            if case .typeVar(let bound) = t.kind { try e(bound) }
            try e(t.defaultValue)
        case .comprehension(let c): try e(c.target); try e(c.iter); try es(c.ifs)
        case .arguments(let a):
            for x in a.posonlyargs { try body(.arg(x)) }
            for x in a.args { try body(.arg(x)) }
            if let v = a.vararg { try body(.arg(v)) }
            for x in a.kwonlyargs { try body(.arg(x)) }
            for d in a.kwDefaults { try e(d) }
            if let k = a.kwarg { try body(.arg(k)) }
            try es(a.defaults)
        case .withItem(let w): try e(w.contextExpr); try e(w.optionalVars)
        case .matchCase(let m): try body(.pattern(m.pattern)); try e(m.guardExpr); try ss(m.body)
        }
    }
}

extension Stmt {
    /// Direct children in CPython field order (see `Node.forEachChild(statement:expression:other:)`).
    public func forEachChild(statement: (Stmt) throws -> Void, expression: (Expr) throws -> Void,
                             other body: (Node) throws -> Void) rethrows {
        func e(_ x: Expr?) throws { if let x { try expression(x) } }
        func es(_ xs: [Expr]) throws { for x in xs { try expression(x) } }
        func ss(_ xs: [Stmt]) throws { for x in xs { try statement(x) } }
        func tps(_ xs: [TypeParam]?) throws { for x in xs ?? [] { try body(.typeParam(x)) } }
        switch kind {
        case let .functionDef(_, args, b, decos, returns, tp, _):
            try body(.arguments(args)); try ss(b); try es(decos); try e(returns); try tps(tp)
        case let .classDef(_, bases, kws, b, decos, tp):
            try es(bases); for k in kws { try body(.keyword(k)) }; try ss(b); try es(decos); try tps(tp)
        case .return(let v): try e(v)
        case .delete(let t): try es(t)
        case let .assign(t, v): try es(t); try e(v)
        case let .typeAlias(n, tp, v): try e(n); try tps(tp); try e(v)
        case let .augAssign(t, _, v): try e(t); try e(v)
        case let .annAssign(t, a, v, _): try e(t); try e(a); try e(v)
        case let .for(t, it, b, o, _): try e(t); try e(it); try ss(b); try ss(o)
        case let .while(t, b, o): try e(t); try ss(b); try ss(o)
        case let .if(t, b, o): try e(t); try ss(b); try ss(o)
        case let .with(items, b, _): for i in items { try body(.withItem(i)) }; try ss(b)
        case let .match(subj, cases): try e(subj); for c in cases { try body(.matchCase(c)) }
        case let .raise(x, c): try e(x); try e(c)
        case let .try(b, h, o, f, _): try ss(b); for x in h { try body(.exceptHandler(x)) }; try ss(o); try ss(f)
        case let .assert(t, m): try e(t); try e(m)
        case .import(let names): for a in names { try body(.alias(a)) }
        case let .importFrom(_, names, _): for a in names { try body(.alias(a)) }
        case .expr(let v): try e(v)
        case .global, .nonlocal, .pass, .break, .continue: break
        }
    }
}

extension Expr {
    /// Direct children in CPython field order (see `Node.forEachChild(statement:expression:other:)`).
    public func forEachChild(statement: (Stmt) throws -> Void, expression: (Expr) throws -> Void,
                             other body: (Node) throws -> Void) rethrows {
        func e(_ x: Expr?) throws { if let x { try expression(x) } }
        func es(_ xs: [Expr]) throws { for x in xs { try expression(x) } }
        switch kind {
        case .boolOp(_, let v): try es(v)
        case let .namedExpr(t, v): try e(t); try e(v)
        case let .binOp(l, _, r): try e(l); try e(r)
        case .unaryOp(_, let v): try e(v)
        case let .lambda(a, b): try body(.arguments(a)); try e(b)
        case let .ifExp(t, b, o): try e(t); try e(b); try e(o)
        case let .dict(k, v): for i in 0..<v.count { if i < k.count { try e(k[i]) }; try e(v[i]) }
        case .set(let v): try es(v)
        case let .listComp(elt, g), let .setComp(elt, g), let .generatorExp(elt, g):
            try e(elt); for c in g { try body(.comprehension(c)) }
        case let .dictComp(k, v, g): try e(k); try e(v); for c in g { try body(.comprehension(c)) }
        case .await(let v): try e(v)
        case .yield(let v): try e(v)
        case .yieldFrom(let v): try e(v)
        case let .compare(l, _, c): try e(l); try es(c)
        case let .call(f, a, k): try e(f); try es(a); for kw in k { try body(.keyword(kw)) }
        case let .formattedValue(v, _, s): try e(v); try e(s)
        case .joinedStr(let v): try es(v)
        case .constant, .name: break
        case let .attribute(v, _, _): try e(v)
        case let .subscript(v, s, _): try e(v); try e(s)
        case let .starred(v, _): try e(v)
        case let .list(v, _), let .tuple(v, _): try es(v)
        case let .slice(l, u, s): try e(l); try e(u); try e(s)
        }
    }
}

extension Module {
    /// Pre-order walk over every node (like `ast.walk` but depth-first, in source field order).
    /// Return `false` from `visit` to skip a node's children. Recursive while the tree is
    /// shallow (no stack of nodes to fill and empty: half the time of a loop over one), and a
    /// loop past `Module.walkRecursionLimit` levels: no stack overflow on deep trees.
    public func walk(_ visit: (Node) throws -> Bool) rethrows {
        for statement in body { try Self.walk(.stmt(statement), depth: 0, visit) }
    }

    /// Pre-order walk over `node` and everything under it (see `walk(_:)`).
    public static func walk(subtree node: Node, _ visit: (Node) throws -> Bool) rethrows {
        try walk(node, depth: 0, visit)
    }

    /// Levels walked by recursion before `walk` goes on with a loop.
    public static let walkRecursionLimit = 200

    private static func walk(_ node: Node, depth: Int, _ visit: (Node) throws -> Bool) rethrows {
        guard try visit(node) else { return }
        guard depth < walkRecursionLimit else {
            // Deep: the rest of this subtree by a loop, children already visited in turn.
            var stack: [Node] = []
            var children: [Node] = []
            node.forEachChild { children.append($0) }
            while let child = children.popLast() { stack.append(child) }
            while let next = stack.popLast() {
                guard try visit(next) else { continue }
                // Last child first onto the stack, moved (swapping in place copied each node twice).
                next.forEachChild { children.append($0) }
                while let child = children.popLast() { stack.append(child) }
            }
            return
        }
        try node.forEachChild(statement: { try walk(.stmt($0), depth: depth + 1, visit) },
                              expression: { try walk(.expr($0), depth: depth + 1, visit) },
                              other: { try walk($0, depth: depth + 1, visit) })
    }

    /// All nodes in pre-order.
    public var allNodes: [Node] {
        var out: [Node] = []
        walk { out.append($0); return true }
        return out
    }
}

extension Stmt {
    /// The statement lists directly inside this statement, in field order (a function's or
    /// class's body, both branches of an `if`, every handler and case of a `try` or `match`).
    public func forEachBlock(_ body: ([Stmt]) throws -> Void) rethrows {
        switch kind {
        case .functionDef(_, _, let inner, _, _, _, _), .classDef(_, _, _, let inner, _, _), .with(_, let inner, _):
            try body(inner)
        case .for(_, _, let inner, let orelse, _), .while(_, let inner, let orelse), .if(_, let inner, let orelse):
            try body(inner); try body(orelse)
        case .try(let inner, let handlers, let orelse, let finalbody, _):
            try body(inner)
            for handler in handlers { try body(handler.body) }
            try body(orelse); try body(finalbody)
        case .match(_, let cases):
            for matchCase in cases { try body(matchCase.body) }
        default:
            break
        }
    }
}

extension Module {
    /// Pre-order walk over the statements alone, nested ones included, in the order `walk`
    /// meets them (no statement sits inside an expression). Iterative.
    public func walkStatements(_ visit: (Stmt) throws -> Void) rethrows {
        // A stack of blocks, each read in place: copying every block's statements onto one
        // stack cost more than the visits of most callers.
        struct Frame { let block: [Stmt]; var next: Int }
        var stack = [Frame(block: body, next: 0)]
        var blocks: [[Stmt]] = []
        while let top = stack.indices.last {
            guard stack[top].next < stack[top].block.count else { stack.removeLast(); continue }
            let statement = stack[top].block[stack[top].next]
            stack[top].next += 1
            try visit(statement)
            statement.forEachBlock { if !$0.isEmpty { blocks.append($0) } }
            while let block = blocks.popLast() { stack.append(Frame(block: block, next: 0)) }
        }
    }
}
