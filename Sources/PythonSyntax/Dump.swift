/// `ast.dump` (CPython 3.11, indent=None) of our tree.
struct Dumper {
    var o: [UInt8] = []
    let attrs: Bool
    var depth = 0
    /// Below this stack address the rest of a subtree is dumped on a helper thread with a big stack
    /// (trees built on a large stack may be dumped on a small one).
    let stackLimit = StackGuard.limit()

    init(attrs: Bool) { self.attrs = attrs; o.reserveCapacity(1 << 16) }

    @inline(__always) mutating func w(_ s: StaticString) {
        o.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
    @inline(__always) mutating func ws(_ s: String) { o.append(contentsOf: s.utf8) }
    /// Starts a field: writes the separator (unless right after '(') and `name=`.
    @inline(__always) mutating func f(_ name: StaticString) {
        if o.last != 40 { w(", ") }
        w(name); o.append(61)
    }
    mutating func loc(_ l: Loc) {
        guard attrs else { return }
        if o.last != 40 { w(", ") }
        w("lineno="); ws(String(l.lineno))
        w(", col_offset="); ws(String(l.colOffset))
        w(", end_lineno="); ws(String(l.endLineno))
        w(", end_col_offset="); ws(String(l.endColOffset))
    }
    mutating func str(_ s: String) { Repr.str(s.unicodeScalars.map { $0.value }, into: &o) }
    mutating func optStr(_ name: StaticString, _ s: String?) { if let s { f(name); str(s) } }
    mutating func int(_ v: Int) { ws(String(v)) }

    mutating func constant(_ v: ConstantValue) {
        switch v {
        case .none: w("None")
        case .bool(let b): w(b ? "True" : "False")
        case .ellipsis: w("Ellipsis")
        case .int(let s): ws(s)
        case .float(let d): ws(Repr.float(d))
        case .complex(let d): ws(Repr.float(d, addDot0: false)); o.append(UInt8(ascii: "j"))
        case .str(let s): Repr.str(s.scalars, into: &o)
        case .bytes(let b): Repr.bytes(b, into: &o)
        }
    }

    mutating func module(_ m: Module) {
        w("Module(body="); stmts(m.body); w(", type_ignores=[])")
    }

    mutating func stmts(_ l: [Stmt]) {
        o.append(91)
        for (i, s) in l.enumerated() { if i > 0 { w(", ") }; stmt(s) }
        o.append(93)
    }
    mutating func exprs(_ l: [Expr]) {
        o.append(91)
        for (i, e) in l.enumerated() { if i > 0 { w(", ") }; expr(e) }
        o.append(93)
    }
    mutating func optExprs(_ l: [Expr?]) {
        o.append(91)
        for (i, e) in l.enumerated() { if i > 0 { w(", ") }; if let e { expr(e) } else { w("None") } }
        o.append(93)
    }
    mutating func strs(_ l: [String]) {
        o.append(91)
        for (i, s) in l.enumerated() { if i > 0 { w(", ") }; str(s) }
        o.append(93)
    }
    mutating func optExpr(_ name: StaticString, _ e: Expr?) { if let e { f(name); expr(e) } }
    mutating func ctx(_ c: ExprContext) { f("ctx"); ws(c.rawValue); w("()") }

    mutating func typeParams(_ l: [TypeParam]) {
        o.append(91)
        for (i, t) in l.enumerated() {
            if i > 0 { w(", ") }
            switch t.kind {
            case .typeVar(let bound): w("TypeVar("); f("name"); str(t.name); optExpr("bound", bound)
            case .paramSpec: w("ParamSpec("); f("name"); str(t.name)
            case .typeVarTuple: w("TypeVarTuple("); f("name"); str(t.name)
            }
            optExpr("default_value", t.defaultValue)
            loc(t.loc); w(")")
        }
        o.append(93)
    }

    mutating func arguments(_ a: Arguments) {
        w("arguments(")
        f("posonlyargs"); args(a.posonlyargs)
        f("args"); args(a.args)
        if let v = a.vararg { f("vararg"); arg(v) }
        f("kwonlyargs"); args(a.kwonlyargs)
        f("kw_defaults"); optExprs(a.kwDefaults)
        if let v = a.kwarg { f("kwarg"); arg(v) }
        f("defaults"); exprs(a.defaults)
        w(")")
    }
    mutating func args(_ l: [Arg]) {
        o.append(91)
        for (i, a) in l.enumerated() { if i > 0 { w(", ") }; arg(a) }
        o.append(93)
    }
    mutating func arg(_ a: Arg) {
        w("arg("); f("arg"); str(a.arg); optExpr("annotation", a.annotation); loc(a.loc); w(")")
    }
    mutating func keywords(_ l: [Keyword]) {
        o.append(91)
        for (i, k) in l.enumerated() {
            if i > 0 { w(", ") }
            w("keyword("); optStr("arg", k.arg); f("value"); expr(k.value); loc(k.loc); w(")")
        }
        o.append(93)
    }
    mutating func aliases(_ l: [Alias]) {
        o.append(91)
        for (i, a) in l.enumerated() {
            if i > 0 { w(", ") }
            w("alias("); f("name"); str(a.name); optStr("asname", a.asname); loc(a.loc); w(")")
        }
        o.append(93)
    }
    mutating func comprehensions(_ l: [Comprehension]) {
        o.append(91)
        for (i, c) in l.enumerated() {
            if i > 0 { w(", ") }
            w("comprehension("); f("target"); expr(c.target); f("iter"); expr(c.iter)
            f("ifs"); exprs(c.ifs); f("is_async"); w(c.isAsync ? "1" : "0"); w(")")
        }
        o.append(93)
    }

    mutating func stmt(_ s: Stmt) {
        depth += 1; defer { depth -= 1 }
        if depth > 20000 { w("..."); return }
        if StackGuard.sp() < stackLimit {
            let a = attrs
            o.append(contentsOf: onBigStack { var d = Dumper(attrs: a); d.stmt(s); return d.o })
            return
        }
        switch s.kind {
        case let .functionDef(name, args, body, decos, returns, tp, isAsync):
            w(isAsync ? "AsyncFunctionDef(" : "FunctionDef(")
            f("name"); str(name); f("args"); arguments(args); f("body"); stmts(body)
            f("decorator_list"); exprs(decos); optExpr("returns", returns)
            if let tp { f("type_params"); typeParams(tp) }
        case let .classDef(name, bases, kws, body, decos, tp):
            w("ClassDef("); f("name"); str(name); f("bases"); exprs(bases); f("keywords"); keywords(kws)
            f("body"); stmts(body); f("decorator_list"); exprs(decos)
            if let tp { f("type_params"); typeParams(tp) }
        case .return(let v): w("Return("); optExpr("value", v)
        case .delete(let t): w("Delete("); f("targets"); exprs(t)
        case let .assign(t, v): w("Assign("); f("targets"); exprs(t); f("value"); expr(v)
        case let .typeAlias(n, tp, v): w("TypeAlias("); f("name"); expr(n); f("type_params"); typeParams(tp); f("value"); expr(v)
        case let .augAssign(t, op, v): w("AugAssign("); f("target"); expr(t); f("op"); ws(op.rawValue); w("()"); f("value"); expr(v)
        case let .annAssign(t, a, v, simple):
            w("AnnAssign("); f("target"); expr(t); f("annotation"); expr(a); optExpr("value", v); f("simple"); w(simple ? "1" : "0")
        case let .for(t, it, body, orelse, isAsync):
            w(isAsync ? "AsyncFor(" : "For("); f("target"); expr(t); f("iter"); expr(it); f("body"); stmts(body); f("orelse"); stmts(orelse)
        case let .while(t, body, orelse): w("While("); f("test"); expr(t); f("body"); stmts(body); f("orelse"); stmts(orelse)
        case let .if(t, body, orelse): w("If("); f("test"); expr(t); f("body"); stmts(body); f("orelse"); stmts(orelse)
        case let .with(items, body, isAsync):
            w(isAsync ? "AsyncWith(" : "With("); f("items"); o.append(91)
            for (i, it) in items.enumerated() {
                if i > 0 { w(", ") }
                w("withitem("); f("context_expr"); expr(it.contextExpr); optExpr("optional_vars", it.optionalVars); w(")")
            }
            o.append(93); f("body"); stmts(body)
        case let .match(subject, cases):
            w("Match("); f("subject"); expr(subject); f("cases"); o.append(91)
            for (i, c) in cases.enumerated() {
                if i > 0 { w(", ") }
                w("match_case("); f("pattern"); pattern(c.pattern); optExpr("guard", c.guardExpr); f("body"); stmts(c.body); w(")")
            }
            o.append(93)
        case let .raise(e, c): w("Raise("); optExpr("exc", e); optExpr("cause", c)
        case let .try(body, handlers, orelse, fin, isStar):
            w(isStar ? "TryStar(" : "Try("); f("body"); stmts(body); f("handlers"); o.append(91)
            for (i, h) in handlers.enumerated() {
                if i > 0 { w(", ") }
                w("ExceptHandler("); optExpr("type", h.type); optStr("name", h.name); f("body"); stmts(h.body); loc(h.loc); w(")")
            }
            o.append(93); f("orelse"); stmts(orelse); f("finalbody"); stmts(fin)
        case let .assert(t, m): w("Assert("); f("test"); expr(t); optExpr("msg", m)
        case .import(let names): w("Import("); f("names"); aliases(names)
        case let .importFrom(m, names, level): w("ImportFrom("); optStr("module", m); f("names"); aliases(names); f("level"); int(level)
        case .global(let n): w("Global("); f("names"); strs(n)
        case .nonlocal(let n): w("Nonlocal("); f("names"); strs(n)
        case .expr(let v): w("Expr("); f("value"); expr(v)
        case .pass: w("Pass(")
        case .break: w("Break(")
        case .continue: w("Continue(")
        }
        loc(s.loc); w(")")
    }

    mutating func expr(_ e: Expr) {
        depth += 1; defer { depth -= 1 }
        if depth > 20000 { w("..."); return }
        if StackGuard.sp() < stackLimit {
            let a = attrs
            o.append(contentsOf: onBigStack { var d = Dumper(attrs: a); d.expr(e); return d.o })
            return
        }
        switch e.kind {
        case let .boolOp(op, values): w("BoolOp("); f("op"); ws(op.rawValue); w("()"); f("values"); exprs(values)
        case let .namedExpr(t, v): w("NamedExpr("); f("target"); expr(t); f("value"); expr(v)
        case let .binOp(l, op, r): w("BinOp("); f("left"); expr(l); f("op"); ws(op.rawValue); w("()"); f("right"); expr(r)
        case let .unaryOp(op, v): w("UnaryOp("); f("op"); ws(op.rawValue); w("()"); f("operand"); expr(v)
        case let .lambda(a, body): w("Lambda("); f("args"); arguments(a); f("body"); expr(body)
        case let .ifExp(t, body, orelse): w("IfExp("); f("test"); expr(t); f("body"); expr(body); f("orelse"); expr(orelse)
        case let .dict(keys, values): w("Dict("); f("keys"); optExprs(keys); f("values"); exprs(values)
        case .set(let elts): w("Set("); f("elts"); exprs(elts)
        case let .listComp(elt, g): w("ListComp("); f("elt"); expr(elt); f("generators"); comprehensions(g)
        case let .setComp(elt, g): w("SetComp("); f("elt"); expr(elt); f("generators"); comprehensions(g)
        case let .dictComp(k, v, g): w("DictComp("); f("key"); expr(k); f("value"); expr(v); f("generators"); comprehensions(g)
        case let .generatorExp(elt, g): w("GeneratorExp("); f("elt"); expr(elt); f("generators"); comprehensions(g)
        case .await(let v): w("Await("); f("value"); expr(v)
        case .yield(let v): w("Yield("); optExpr("value", v)
        case .yieldFrom(let v): w("YieldFrom("); f("value"); expr(v)
        case let .compare(l, ops, comps):
            w("Compare("); f("left"); expr(l); f("ops"); o.append(91)
            for (i, op) in ops.enumerated() { if i > 0 { w(", ") }; ws(op.rawValue); w("()") }
            o.append(93); f("comparators"); exprs(comps)
        case let .call(fn, a, k): w("Call("); f("func"); expr(fn); f("args"); exprs(a); f("keywords"); keywords(k)
        case let .formattedValue(v, conv, spec): w("FormattedValue("); f("value"); expr(v); f("conversion"); int(conv); optExpr("format_spec", spec)
        case .joinedStr(let values): w("JoinedStr("); f("values"); exprs(values)
        case let .constant(v, kind): w("Constant("); f("value"); constant(v); optStr("kind", kind)
        case let .attribute(v, a, c): w("Attribute("); f("value"); expr(v); f("attr"); str(a); ctx(c)
        case let .subscript(v, s, c): w("Subscript("); f("value"); expr(v); f("slice"); expr(s); ctx(c)
        case let .starred(v, c): w("Starred("); f("value"); expr(v); ctx(c)
        case let .name(id, c): w("Name("); f("id"); str(id); ctx(c)
        case let .list(elts, c): w("List("); f("elts"); exprs(elts); ctx(c)
        case let .tuple(elts, c): w("Tuple("); f("elts"); exprs(elts); ctx(c)
        case let .slice(l, u, s): w("Slice("); optExpr("lower", l); optExpr("upper", u); optExpr("step", s)
        }
        loc(e.loc); w(")")
    }

    mutating func patterns(_ l: [Pattern]) {
        o.append(91)
        for (i, p) in l.enumerated() { if i > 0 { w(", ") }; pattern(p) }
        o.append(93)
    }

    mutating func pattern(_ p: Pattern) {
        depth += 1; defer { depth -= 1 }
        if depth > 20000 { w("..."); return }
        if StackGuard.sp() < stackLimit {
            let a = attrs
            o.append(contentsOf: onBigStack { var d = Dumper(attrs: a); d.pattern(p); return d.o })
            return
        }
        switch p.kind {
        case .matchValue(let v): w("MatchValue("); f("value"); expr(v)
        case .matchSingleton(let v): w("MatchSingleton("); f("value"); constant(v)
        case .matchSequence(let ps): w("MatchSequence("); f("patterns"); patterns(ps)
        case let .matchMapping(keys, ps, rest): w("MatchMapping("); f("keys"); exprs(keys); f("patterns"); patterns(ps); optStr("rest", rest)
        case let .matchClass(cls, ps, ka, kp):
            w("MatchClass("); f("cls"); expr(cls); f("patterns"); patterns(ps); f("kwd_attrs"); strs(ka); f("kwd_patterns"); patterns(kp)
        case .matchStar(let n): w("MatchStar("); optStr("name", n)
        case let .matchAs(pat, n): w("MatchAs("); if let pat { f("pattern"); pattern(pat) }; optStr("name", n)
        case .matchOr(let ps): w("MatchOr("); f("patterns"); patterns(ps)
        }
        loc(p.loc); w(")")
    }
}
