/// Recursive-descent parser for the Python 3.8–3.13 grammar producing CPython-shaped AST.
final class Parser {
    let b: UnsafeBufferPointer<UInt8>
    let toks: TokenBuffer
    let filename: String
    /// Added to local byte offsets to get offsets in the main source buffer (f-string sub-parsers).
    let byteBase: Int
    var p = 0
    var maxP = 0
    /// Whether some identifier was spelt with non-ASCII characters (normalised by NFKC).
    var sawNonASCIIName = false
    /// Start token of the most recently completed disjunction (CPython's `a` in invalid_expression).
    var lastDisj = 0
    /// Speculative re-parses done only to pick CPython's error message/line; bounded so that
    /// adversarial input cannot make parsing super-linear.
    var speculation = 0
    var inSpeculation = false
    @inline(__always) func maySpeculate() -> Bool {
        if inSpeculation || speculation >= 64 { return false }
        speculation += 1
        return true
    }
    var depth = 0
    let fstringDepth: Int
    static let maxDepth = 1000
    /// CPython 3.11 fails with RecursionError around 3000 nested nodes.
    var maxTreeDepth = 2900
    /// Recursion stops (with an error) when the stack pointer goes below this address.
    var stackLimit: UInt = 0

    init(_ b: UnsafeBufferPointer<UInt8>, tokens: TokenBuffer, filename: String, byteBase: Int = 0, fstringDepth: Int = 0) {
        self.b = b; self.toks = tokens; self.filename = filename; self.byteBase = byteBase; self.fstringDepth = fstringDepth
        stackLimit = StackGuard.limit()
        // Deep trees are later dumped/walked/freed recursively: keep them within what this
        // thread's stack can hold (~600 bytes per level in the worst case).
        let sp = StackGuard.sp()
        if sp > stackLimit { maxTreeDepth = min(2900, Int((sp - stackLimit) / 600)) } else { maxTreeDepth = 0 }
    }

    // MARK: token helpers
    @inline(__always) var cur: T { toks[p].kind }
    @inline(__always) func peek(_ k: Int = 1) -> T { p + k < toks.count ? toks[p + k].kind : .endmarker }
    @inline(__always) func advance() { if p < toks.count - 1 { p += 1; if p > maxP { maxP = p } } }
    @inline(__always) func eat(_ k: T) -> Bool { if toks[p].kind == k { advance(); return true }; return false }

    func isName(_ i: Int, _ lit: StaticString) -> Bool {
        guard i < toks.count else { return false }
        let t = toks[i]
        guard t.kind == .name, Int(t.end - t.start) == lit.utf8CodeUnitCount else { return false }
        let q = lit.utf8Start
        let s = Int(t.start)
        for k in 0..<lit.utf8CodeUnitCount where b[s + k] != q[k] { return false }
        return true
    }

    @inline(__always) func locOf(_ t: Token) -> Loc {
        Loc(t.line, t.col, t.endLine, t.endCol, t.start &+ base32, t.end &+ base32)
    }
    @inline(__always) var base32: Int32 { Int32(truncatingIfNeeded: byteBase) }
    /// Location from token `s` to the last consumed token.
    @inline(__always) func L(_ s: Int) -> Loc {
        let a = toks[s], e = toks[max(s, p - 1)]
        return Loc(a.line, a.col, e.endLine, e.endCol, a.start &+ base32, e.end &+ base32)
    }
    /// Location from token `s` to the last consumed non-whitespace token (NEWLINE/INDENT/DEDENT skipped).
    func LB(_ s: Int) -> Loc {
        var e = p - 1
        while e > s, toks[e].kind == .newline || toks[e].kind == .indent || toks[e].kind == .dedent { e -= 1 }
        let a = toks[s], z = toks[max(s, e)]
        return Loc(lineno: Int(a.line), colOffset: Int(a.col), endLineno: Int(z.endLine), endColOffset: Int(z.endCol),
                   startByte: Int(a.start) + byteBase, endByte: Int(z.end) + byteBase)
    }
    func span(_ s: Int, _ end: Loc) -> Loc {
        let a = toks[s]
        return Loc(lineno: Int(a.line), colOffset: Int(a.col), endLineno: end.endLineno, endColOffset: end.endColOffset,
                   startByte: Int(a.start) + byteBase, endByte: end.endByte)
    }

    func error(_ msg: String, at i: Int? = nil, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        let t = toks[min(i ?? p, toks.count - 1)]
        return SyntaxError(kind: kind, message: msg, filename: filename, line: Int(t.line), column: Int(t.col))
    }
    func errorAt(_ loc: Loc, _ msg: String) -> SyntaxError {
        SyntaxError(kind: .syntaxError, message: msg, filename: filename, line: loc.lineno, column: loc.colOffset)
    }
    func invalid() -> SyntaxError {
        if cur == .indent { return error("unexpected indent", kind: .indentationError) }
        if cur == .dedent { return error("unindent does not match any outer indentation level", kind: .indentationError) }
        return error("invalid syntax", at: max(p, maxP))
    }
    func expect(_ k: T) throws(SyntaxError) { if !eat(k) { throw invalid() } }
    func expectName() throws(SyntaxError) -> String {
        guard cur == .name else { throw invalid() }
        let s = nameText(toks[p]); advance(); return s
    }
    @inline(__always) func enter() throws(SyntaxError) {
        depth += 1
        if depth > Parser.maxDepth || StackGuard.sp() < stackLimit { throw SyntaxError(kind: .recursionError, message: "too many nested expressions", filename: filename, line: Int(toks[p].line), column: Int(toks[p].col)) }
    }
    @inline(__always) func leave() { depth -= 1 }
    func checkChain(_ n: Int) throws(SyntaxError) {
        if n + depth > maxTreeDepth { throw SyntaxError(kind: .recursionError, message: "maximum recursion depth exceeded during ast construction", filename: filename, line: Int(toks[p].line), column: Int(toks[p].col)) }
    }

    // MARK: module / statements
    func parseModule() throws(SyntaxError) -> Module {
        var body: [Stmt] = []
        while cur != .endmarker {
            if cur == .newline { advance(); continue }
            try statement(&body)
        }
        return Module(body: body)
    }

    func statement(_ out: inout [Stmt]) throws(SyntaxError) {
        switch cur {
        case .kDef, .kClass, .at, .kIf, .kWhile, .kFor, .kTry, .kWith:
            out.append(try compound())
        case .kAsync where peek() == .kDef || peek() == .kFor || peek() == .kWith:
            out.append(try compound())
        case .name:
            if isName(p, "match"), let m = try matchStatement() { out.append(m); return }
            try simpleStatements(&out)
        case .indent:
            throw error("unexpected indent", kind: .indentationError)
        default:
            try simpleStatements(&out)
        }
    }

    func simpleStatements(_ out: inout [Stmt]) throws(SyntaxError) {
        while true {
            let st = try simpleStatement()
            out.append(st)
            if cur != .semi && cur != .newline, case .expr(let v) = st.kind, case .name(let id, _) = v.kind,
               id == "print" || id == "exec", startsExpression(), cur != .lpar, cur != .lsqb, cur != .minus, cur != .plus, cur != .star {
                throw error("Missing parentheses in call to '\(id)'. Did you mean \(id)(...)?", at: p - 1)
            }
            if eat(.semi) {
                if cur == .newline { break }
                continue
            }
            break
        }
        if !eat(.newline) {
            throw invalid()
        }
    }

    func block(_ what: String, _ headerTok: Int) throws(SyntaxError) -> [Stmt] {
        try expect(.colon)
        var body: [Stmt] = []
        body.reserveCapacity(4)
        if eat(.newline) {
            if !eat(.indent) {
                throw error("expected an indented block after \(what) on line \(toks[headerTok].line)", kind: .indentationError)
            }
            while cur != .dedent && cur != .endmarker {
                try statement(&body)
            }
            _ = eat(.dedent)
        } else {
            if cur == .endmarker { throw invalid() }
            try simpleStatements(&body)
        }
        return body
    }

    func compound() throws(SyntaxError) -> Stmt {
        try enter(); defer { leave() }
        let s = p
        switch cur {
        case .at:
            var decos: [Expr] = []
            while eat(.at) {
                decos.append(try namedExpression())
                try expect(.newline)
            }
            var st: Stmt
            if cur == .kDef || (cur == .kAsync && peek() == .kDef) { st = try funcDef() }
            else if cur == .kClass { st = try classDef() }
            else { throw invalid() }
            switch st.kind {
            case let .functionDef(name, args, body, _, returns, tp, isAsync):
                st.kind = .functionDef(name: name, args: args, body: body, decoratorList: decos, returns: returns, typeParams: tp, isAsync: isAsync)
            case let .classDef(name, bases, kws, body, _, tp):
                st.kind = .classDef(name: name, bases: bases, keywords: kws, body: body, decoratorList: decos, typeParams: tp)
            default: break
            }
            return st
        case .kDef: return try funcDef()
        case .kClass: return try classDef()
        case .kIf: return try ifStmt()
        case .kWhile:
            advance()
            let test = try namedExpression()
            let body = try block("'while' statement", s)
            var orelse: [Stmt] = []
            if cur == .kElse { let e = p; advance(); orelse = try block("'else' statement", e) }
            return Stmt(.while(test: test, body: body, orelse: orelse), LB(s))
        case .kFor: return try forStmt(s, isAsync: false)
        case .kWith: return try withStmt(s, isAsync: false)
        case .kTry: return try tryStmt()
        case .kAsync:
            advance()
            switch cur {
            case .kDef: return try funcDef(asyncStart: s)
            case .kFor: return try forStmt(s, isAsync: true)
            case .kWith: return try withStmt(s, isAsync: true)
            default: throw invalid()
            }
        default: throw invalid()
        }
    }

    func ifStmt() throws(SyntaxError) -> Stmt {
        let s = p
        let kw = cur == .kIf ? "'if' statement" : "'elif' statement"
        advance()
        let test = try namedExpression()
        let body = try block(kw, s)
        var orelse: [Stmt] = []
        if cur == .kElif {
            orelse = [try ifStmt()]
        } else if cur == .kElse {
            let e = p; advance()
            orelse = try block("'else' statement", e)
        }
        return Stmt(.if(test: test, body: body, orelse: orelse), LB(s))
    }

    func forStmt(_ s: Int, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let f = p
        try expect(.kFor)
        let target = try starTargets(.store)
        try expect(.kIn)
        let iter = try starExpressions()
        let body = try block("'for' statement", f)
        var orelse: [Stmt] = []
        if cur == .kElse { let e = p; advance(); orelse = try block("'else' statement", e) }
        return Stmt(.for(target: target, iter: iter, body: body, orelse: orelse, isAsync: isAsync), LB(s))
    }

    func withStmt(_ s: Int, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let w = p
        try expect(.kWith)
        var items: [WithItem] = []
        var done = false
        if cur == .lpar {
            // try the parenthesized form: '(' ','.with_item+ ','? ')' ':'
            let save = p
            do {
                advance()
                var its: [WithItem] = []
                while true {
                    its.append(try withItem())
                    if eat(.comma) { if cur == .rpar { break }; continue }
                    break
                }
                try expect(.rpar)
                if cur == .colon { items = its; done = true } else { p = save }
            } catch {
                p = save
            }
        }
        if !done {
            while true {
                items.append(try withItem())
                if !eat(.comma) { break }
            }
        }
        let body = try block("'with' statement", w)
        return Stmt(.with(items: items, body: body, isAsync: isAsync), LB(s))
    }

    func withItem() throws(SyntaxError) -> WithItem {
        let e = try expression()
        if eat(.kAs) {
            let t = try starTarget(.store)
            if !(cur == .comma || cur == .rpar || cur == .colon) { throw invalid() }
            return WithItem(contextExpr: e, optionalVars: t)
        }
        return WithItem(contextExpr: e, optionalVars: nil)
    }

    func tryStmt() throws(SyntaxError) -> Stmt {
        let s = p
        advance()
        let body = try block("'try' statement", s)
        var handlers: [ExceptHandler] = []
        var star: Bool? = nil
        while cur == .kExcept {
            let h = p
            advance()
            let isStar = eat(.star)
            if let st = star, st != isStar { throw error("cannot have both 'except' and 'except*' on the same 'try'", at: h) }
            star = isStar
            var type: Expr? = nil
            var name: String? = nil
            if cur != .colon {
                type = try expression()
                if cur == .comma { throw errorAt(type!.loc, "multiple exception types must be parenthesized") }
                if eat(.kAs) { name = try expectName() }
            } else if isStar {
                throw error("expected one or more exception types")
            }
            let hb = try block(isStar ? "'except*' statement" : "'except' statement", h)
            handlers.append(ExceptHandler(type: type, name: name, body: hb, loc: LB(h)))
        }
        var orelse: [Stmt] = []
        var finalbody: [Stmt] = []
        if cur == .kElse {
            if handlers.isEmpty { throw invalid() }
            let e = p; advance(); orelse = try block("'else' statement", e)
        }
        if cur == .kFinally { let f = p; advance(); finalbody = try block("'finally' statement", f) }
        if handlers.isEmpty && finalbody.isEmpty { throw error("expected 'except' or 'finally' block") }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, isStar: star ?? false), LB(s))
    }

    func funcDef(asyncStart: Int? = nil) throws(SyntaxError) -> Stmt {
        var s = p
        var isAsync = false
        if let a = asyncStart { s = a; isAsync = true }
        else if cur == .kAsync { isAsync = true; advance() }
        let d = p
        try expect(.kDef)
        let name = try expectName()
        var tp: [TypeParam]? = nil
        if cur == .lsqb { tp = try typeParams() }
        try expect(.lpar)
        let args = try parameters(closing: .rpar, annotations: true)
        try expect(.rpar)
        var returns: Expr? = nil
        if eat(.rarrow) { returns = try expression() }
        let body = try block("function definition", d)
        return Stmt(.functionDef(name: name, args: args, body: body, decoratorList: [], returns: returns, typeParams: tp, isAsync: isAsync), LB(s))
    }

    func classDef() throws(SyntaxError) -> Stmt {
        let s = p
        advance()
        let name = try expectName()
        var tp: [TypeParam]? = nil
        if cur == .lsqb { tp = try typeParams() }
        var bases: [Expr] = [], kws: [Keyword] = []
        if eat(.lpar) {
            (bases, kws) = try callArguments(openTok: p - 1)
        }
        let body = try block("class definition", s)
        return Stmt(.classDef(name: name, bases: bases, keywords: kws, body: body, decoratorList: [], typeParams: tp), LB(s))
    }

    func typeParams() throws(SyntaxError) -> [TypeParam] {
        try expect(.lsqb)
        var out: [TypeParam] = []
        while cur != .rsqb {
            let s = p
            if eat(.star) {
                let n = try expectName()
                if cur == .colon { throw error("cannot use bound with TypeVarTuple") }
                var d: Expr? = nil
                if eat(.equal) { d = try starExpression() }
                out.append(TypeParam(kind: .typeVarTuple, name: n, defaultValue: d, loc: L(s)))
            } else if eat(.doublestar) {
                let n = try expectName()
                if cur == .colon { throw error("cannot use bound with ParamSpec") }
                var d: Expr? = nil
                if eat(.equal) { d = try expression() }
                out.append(TypeParam(kind: .paramSpec, name: n, defaultValue: d, loc: L(s)))
            } else {
                let n = try expectName()
                var bound: Expr? = nil
                if eat(.colon) { bound = try expression() }
                var d: Expr? = nil
                if eat(.equal) { d = try expression() }
                out.append(TypeParam(kind: .typeVar(bound: bound), name: n, defaultValue: d, loc: L(s)))
            }
            if !eat(.comma) { break }
        }
        try expect(.rsqb)
        if out.isEmpty { throw error("Type parameter list cannot be empty", at: p - 1) }
        return out
    }

    /// Parameters of a def (annotations: true) or lambda (annotations: false).
    func parameters(closing: T, annotations: Bool) throws(SyntaxError) -> Arguments {
        var a = Arguments()
        var seenSlash = false, seenStar = false, seenDefault = false, bareStar = false
        func param(_ starAnn: Bool) throws(SyntaxError) -> Arg {
            let s = p
            let name = try expectName()
            var ann: Expr? = nil
            if annotations && eat(.colon) {
                ann = starAnn && cur == .star ? try starExpression() : try expression()
            }
            return Arg(arg: name, annotation: ann, loc: L(s))
        }
        while cur != closing {
            if cur == .slash {
                if seenSlash { throw error("/ may appear only once") }
                if seenStar { throw error("/ must be ahead of *") }
                if a.args.isEmpty { throw error("at least one argument must precede /") }
                advance()
                seenSlash = true
                a.posonlyargs = a.args; a.args = []
            } else if cur == .star {
                if seenStar { throw error("* argument may appear only once") }
                advance()
                seenStar = true
                if cur == .name { a.vararg = try param(true) }
                else if cur == .comma { bareStar = true }
                else { throw error("named arguments must follow bare *") }
            } else if cur == .doublestar {
                advance()
                a.kwarg = try param(false)
                _ = eat(.comma)
                if cur != closing { throw error("arguments cannot follow var-keyword argument") }
                break
            } else if cur == .name {
                let arg = try param(false)
                var def: Expr? = nil
                if eat(.equal) { def = try expression() }
                if seenStar {
                    a.kwonlyargs.append(arg); a.kwDefaults.append(def)
                } else {
                    a.args.append(arg)
                    if let d = def { a.defaults.append(d); seenDefault = true }
                    else if seenDefault { throw error("non-default argument follows default argument", at: p - 1) }
                }
            } else {
                throw invalid()
            }
            if !eat(.comma) { break }
        }
        if bareStar && a.kwonlyargs.isEmpty { throw error("named arguments must follow bare *") }
        return a
    }

    @inline(never) func matchStatement() throws(SyntaxError) -> Stmt? {
        // soft keyword: try "match" subject ':' NEWLINE INDENT
        let s = p
        let save = p
        advance()
        switch cur {
        case .newline, .equal, .colon, .dot, .comma, .rpar, .endmarker, .semi: p = save; return nil
        default: break
        }
        var subject: Expr
        do {
            let st = p
            let first = try starNamedExpression()
            if cur == .comma {
                var elts: [Expr] = []
                elts.reserveCapacity(4)
                elts.append(first)
                while eat(.comma) {
                    if cur == .colon { break }
                    elts.append(try starNamedExpression())
                }
                subject = Expr(.tuple(elts: elts, ctx: .load), L(st))
            } else {
                if case .starred = first.kind { throw invalid() }
                subject = first
            }
            guard cur == .colon, peek() == .newline else { p = save; return nil }
        } catch {
            p = save; return nil
        }
        advance(); advance()
        if !eat(.indent) { throw error("expected an indented block after 'match' statement on line \(toks[s].line)", kind: .indentationError) }
        var cases: [MatchCase] = []
        while isName(p, "case") {
            let c = p
            advance()
            let pat = try patterns()
            var guardExpr: Expr? = nil
            if eat(.kIf) { guardExpr = try namedExpression() }
            let body = try block("'case' statement", c)
            cases.append(MatchCase(pattern: pat, guardExpr: guardExpr, body: body))
        }
        if cases.isEmpty { throw invalid() }
        if !eat(.dedent) { throw invalid() }
        return Stmt(.match(subject: subject, cases: cases), LB(s))
    }

    func simpleStatement() throws(SyntaxError) -> Stmt {
        let s = p
        switch cur {
        case .kPass: advance(); return Stmt(.pass, L(s))
        case .kBreak: advance(); return Stmt(.break, L(s))
        case .kContinue: advance(); return Stmt(.continue, L(s))
        case .kReturn:
            advance()
            var v: Expr? = nil
            if startsExpression() { v = try starExpressions() }
            return Stmt(.return(value: v), L(s))
        case .kRaise:
            advance()
            var exc: Expr? = nil, cause: Expr? = nil
            if startsExpression() {
                exc = try expression()
                if eat(.kFrom) { cause = try expression() }
            }
            return Stmt(.raise(exc: exc, cause: cause), L(s))
        case .kGlobal, .kNonlocal:
            let g = cur == .kGlobal
            advance()
            var names: [String] = []
            repeat { names.append(try expectName()) } while eat(.comma)
            return Stmt(g ? .global(names: names) : .nonlocal(names: names), L(s))
        case .kDel:
            advance()
            var targets: [Expr] = []
            repeat {
                if cur == .newline || cur == .semi { break }
                targets.append(try starTarget(.del))
            } while eat(.comma)
            if targets.isEmpty || !(cur == .newline || cur == .semi) { throw invalid() }
            return Stmt(.delete(targets: targets), L(s))
        case .kAssert:
            advance()
            let t = try expression()
            var m: Expr? = nil
            if eat(.comma) { m = try expression() }
            return Stmt(.assert(test: t, msg: m), L(s))
        case .kImport:
            advance()
            var names: [Alias] = []
            repeat {
                let a = p
                let n = try dottedName()
                var asn: String? = nil
                if eat(.kAs) { asn = try expectName() }
                names.append(Alias(name: n, asname: asn, loc: L(a)))
            } while eat(.comma)
            return Stmt(.import(names: names), L(s))
        case .kFrom:
            advance()
            var level = 0
            while true {
                if eat(.dot) { level += 1 } else if eat(.ellipsis) { level += 3 } else { break }
            }
            var module: String? = nil
            if cur != .kImport { module = try dottedName() } else if level == 0 { throw invalid() }
            try expect(.kImport)
            var names: [Alias] = []
            if cur == .star {
                names.append(Alias(name: "*", asname: nil, loc: locOf(toks[p]))); advance()
            } else {
                let paren = eat(.lpar)
                repeat {
                    if paren && cur == .rpar { break }
                    let a = p
                    let n = try expectName()
                    var asn: String? = nil
                    if eat(.kAs) { asn = try expectName() }
                    names.append(Alias(name: n, asname: asn, loc: L(a)))
                } while eat(.comma)
                if paren { try expect(.rpar) } else if toks[p - 1].kind == .comma { throw error("trailing comma not allowed without surrounding parentheses", at: p - 1) }
                if names.isEmpty { throw invalid() }
            }
            return Stmt(.importFrom(module: module, names: names, level: level), L(s))
        case .name where isName(p, "type") && peek() == .name && (peek(2) == .equal || peek(2) == .lsqb):
            advance()
            let nt = p
            let n = try expectName()
            let nameExpr = Expr(.name(id: n, ctx: .store), L(nt))
            var tp: [TypeParam] = []
            if cur == .lsqb { tp = try typeParams() }
            try expect(.equal)
            let v = try expression()
            return Stmt(.typeAlias(name: nameExpr, typeParams: tp, value: v), L(s))
        default:
            return try exprStatement()
        }
    }

    func dottedName() throws(SyntaxError) -> String {
        var n = try expectName()
        while eat(.dot) { n += "." + (try expectName()) }
        return n
    }

    func startsExpression() -> Bool {
        switch cur {
        case .name, .number, .string, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde, .star, .ellipsis,
             .kNot, .kLambda, .kAwait, .kNone, .kTrue, .kFalse, .kYield:
            return true
        default: return false
        }
    }

    @inline(never) func exprStatement() throws(SyntaxError) -> Stmt {
        let s = p
        let first: Expr = cur == .kYield ? try yieldExpr() : try starExpressions()
        switch cur {
        case .equal:
            var targets: [Expr] = [first]
            var value = first
            while eat(.equal) {
                value = cur == .kYield ? try yieldExpr() : try starExpressions()
                targets.append(value)
            }
            targets.removeLast()
            for i in targets.indices {
                do throws(SyntaxError) {
                    try setCtx(&targets[i], .store, "assign to")
                } catch {
                    var err = error
                    if targets.count == 1 && isBitwiseOrLevel(targets[0]) && isBitwiseOrLevel(value) && err.message.hasPrefix("cannot assign to ") {
                        switch targets[0].kind {
                        case .list, .tuple, .generatorExp: break
                        case .constant(.bool, _), .constant(.none, _): break
                        default:
                            err = errorAt(targets[0].loc, "cannot assign to \(exprName(targets[0])) here. Maybe you meant '==' instead of '='?")
                        }
                    }
                    throw err
                }
            }
            return Stmt(.assign(targets: targets, value: value), L(s))
        case .colon:
            var target = first
            var simple = true
            advance()
            let ann = try expression()
            switch first.kind {
            case .name: simple = toks[s].kind != .lpar
            case .attribute, .subscript: simple = false
            case .tuple: throw errorAt(first.loc, "only single target (not tuple) can be annotated")
            case .list: throw errorAt(first.loc, "only single target (not list) can be annotated")
            default: throw errorAt(first.loc, "illegal target for annotation")
            }
            try setCtx(&target, .store, "assign to")
            var value: Expr? = nil
            if eat(.equal) { value = cur == .kYield ? try yieldExpr() : try starExpressions() }
            return Stmt(.annAssign(target: target, annotation: ann, value: value, simple: simple), L(s))
        default:
            if let op = augOp(cur) {
                var target = first
                switch first.kind {
                case .name, .attribute, .subscript: break
                default: throw errorAt(first.loc, "'\(exprName(first))' is an illegal expression for augmented assignment")
                }
                try setCtx(&target, .store, "assign to")
                advance()
                let v = cur == .kYield ? try yieldExpr() : try starExpressions()
                return Stmt(.augAssign(target: target, op: op, value: v), L(s))
            }
            return Stmt(.expr(value: first), L(s))
        }
    }

    func isBitwiseOrLevel(_ e: Expr) -> Bool {
        switch e.kind {
        case .boolOp, .compare, .lambda, .ifExp, .namedExpr, .starred, .yield, .yieldFrom: return false
        case .unaryOp(let op, _): return op != .not
        default: return true
        }
    }

    func augOp(_ k: T) -> Operator? {
        switch k {
        case .plusequal: return .add
        case .minequal: return .sub
        case .starequal: return .mult
        case .atequal: return .matMult
        case .slashequal: return .div
        case .percentequal: return .mod
        case .amperequal: return .bitAnd
        case .vbarequal: return .bitOr
        case .circumflexequal: return .bitXor
        case .leftshiftequal: return .lShift
        case .rightshiftequal: return .rShift
        case .doublestarequal: return .pow
        case .doubleslashequal: return .floorDiv
        default: return nil
        }
    }

    func exprName(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .constant(let v, _):
            switch v {
            case .none: return "None"
            case .bool(let x): return x ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .lambda: return "lambda"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .await: return "await expression"
        case .yield, .yieldFrom: return "yield expression"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .listComp: return "list comprehension"
        case .dictComp: return "dict comprehension"
        case .setComp: return "set comprehension"
        case .generatorExp: return "generator expression"
        case .tuple: return "tuple"
        case .list: return "list"
        case .starred: return "starred"
        default: return "expression"
        }
    }

    /// Converts an expression to a target context (Store/Del), validating it.
    func setCtx(_ e: inout Expr, _ ctx: ExprContext, _ verb: String) throws(SyntaxError) {
        switch e.kind {
        case .name(let id, _): e.kind = .name(id: id, ctx: ctx)
        case let .attribute(v, a, _): e.kind = .attribute(value: v, attr: a, ctx: ctx)
        case let .subscript(v, sl, _): e.kind = .subscript(value: v, slice: sl, ctx: ctx)
        case .starred(var v, _):
            if ctx == .del { throw errorAt(e.loc, "cannot delete starred") }
            try setCtx(&v, ctx, verb); e.kind = .starred(value: v, ctx: ctx)
        case .tuple(var elts, _):
            for i in elts.indices { try setCtx(&elts[i], ctx, verb) }
            e.kind = .tuple(elts: elts, ctx: ctx)
        case .list(var elts, _):
            for i in elts.indices { try setCtx(&elts[i], ctx, verb) }
            e.kind = .list(elts: elts, ctx: ctx)
        default:
            throw errorAt(e.loc, "cannot \(ctx == .del ? "delete" : verb) \(exprName(e))")
        }
    }

    /// CPython's invalid_expression rule inside brackets: two expressions juxtaposed.
    @inline(never) func checkMissingComma(_ s0: Int) throws(SyntaxError) {
        let s = lastDisj > s0 && lastDisj < p ? lastDisj : s0
        switch cur {
        case .name, .number, .string, .lbrace, .tilde, .kNone, .kTrue, .kFalse, .kLambda, .ellipsis, .kAwait, .kNot:
            if toks[s].kind == .name && p == s + 1 && cur == .string { return }
            if isName(s, "match") || isName(s, "case") || isName(s, "type") || isName(s, "_") { return }
            var ok = true
            if cur == .lbrace || cur == .tilde || cur == .kLambda || cur == .kAwait || cur == .kNot {
                // b must parse (PEG fallback makes plain atoms always succeed)
                guard maySpeculate() else { return }
                let save = p, saveDepth = depth
                inSpeculation = true
                do throws(SyntaxError) { _ = try expression(); ok = true } catch { ok = false }
                inSpeculation = false
                p = save; depth = saveDepth
            }
            if ok { throw error("invalid syntax. Perhaps you forgot a comma?", at: s) }
        default: return
        }
    }

    // MARK: targets
    func starTargets(_ ctx: ExprContext) throws(SyntaxError) -> Expr {
        let s = p
        let first = try starTarget(ctx)
        if cur != .comma { return first }
        var elts: [Expr] = []
        elts.reserveCapacity(4)
        elts.append(first)
        while eat(.comma) {
            if cur == .kIn || cur == .equal || cur == .rpar || cur == .colon { break }
            elts.append(try starTarget(ctx))
        }
        return Expr(.tuple(elts: elts, ctx: ctx), L(s))
    }

    func starTarget(_ ctx: ExprContext) throws(SyntaxError) -> Expr {
        let s = p
        if cur == .star && ctx != .del {
            advance()
            try enter(); defer { leave() }
            var v = try starTarget(ctx)
            if case .starred = v.kind { throw errorAt(v.loc, "cannot use starred expression here") }
            try setCtx(&v, ctx, "assign to")
            return Expr(.starred(value: v, ctx: ctx), L(s))
        }
        var e = try primary()
        try setCtx(&e, ctx, "assign to")
        return e
    }

    // MARK: expressions
    func starExpressions() throws(SyntaxError) -> Expr {
        let s = p
        let first = try starExpression()
        if cur != .comma { return first }
        var elts: [Expr] = []
        elts.reserveCapacity(4)
        elts.append(first)
        var n = 0
        while eat(.comma) {
            if !startsExpression() || cur == .kYield { break }
            elts.append(try starExpression())
            n += 1
        }
        return Expr(.tuple(elts: elts, ctx: .load), L(s))
    }

    func starExpression() throws(SyntaxError) -> Expr {
        if cur == .star {
            let s = p
            advance()
            let v = try bitOr()
            return Expr(.starred(value: v, ctx: .load), L(s))
        }
        return try expression()
    }

    func starNamedExpression() throws(SyntaxError) -> Expr {
        if cur == .star { return try starredExpr() }
        return try namedExpression()
    }

    @inline(never) func starredExpr() throws(SyntaxError) -> Expr {
        let s = p
        advance()
        let v = try bitOr()
        return Expr(.starred(value: v, ctx: .load), L(s))
    }

    @inline(__always) func namedExpression(inCall: Bool = false) throws(SyntaxError) -> Expr {
        if cur == .name && peek() == .colonequal {
            let s = p
            let n = nameText(toks[p])
            let target = Expr(.name(id: n, ctx: .store), locOf(toks[p]))
            advance(); advance()
            let v = try expression()
            return Expr(.namedExpr(target: target, value: v), L(s))
        }
        let e = try expression()
        if cur == .colonequal { try walrusError(e, inCall) }
        return e
    }

    @inline(never) func walrusError(_ e: Expr, _ inCall: Bool) throws(SyntaxError) {
        do {
            // call arguments use `expression !':='` (no invalid_named_expression rule there)
            if inCall { throw error("invalid syntax", at: max(p, maxP)) }
            let save = p
            advance()
            var rhsOK = false
            if maySpeculate() {
                inSpeculation = true
                do throws(SyntaxError) { _ = try expression(); rhsOK = true } catch { rhsOK = false }
                inSpeculation = false
            }
            if !rhsOK { throw error("invalid syntax", at: max(p, maxP)) }
            p = save
            throw errorAt(e.loc, "cannot use assignment expressions with \(exprName(e))")
        }
    }

    func expression() throws(SyntaxError) -> Expr {
        try enter(); defer { leave() }
        if cur == .kLambda { return try lambdef() }
        let s = p
        let body = try disjunction()
        if cur == .kIf { return try ifExpTail(s, body) }
        return body
    }

    @inline(never) func ifExpTail(_ s: Int, _ body: Expr) throws(SyntaxError) -> Expr {
        advance()
        let test = try disjunction()
        if !eat(.kElse) { throw error("expected 'else' after 'if' expression", at: s) }
        let orelse = try expression()
        return Expr(.ifExp(test: test, body: body, orelse: orelse), L(s))
    }

    @inline(never) func yieldExpr() throws(SyntaxError) -> Expr {
        let s = p
        advance()
        if eat(.kFrom) {
            let v = try expression()
            return Expr(.yieldFrom(value: v), L(s))
        }
        var v: Expr? = nil
        if startsExpression() && cur != .kYield { v = try starExpressions() }
        return Expr(.yield(value: v), L(s))
    }

    @inline(never) func lambdef() throws(SyntaxError) -> Expr {
        let s = p
        advance()
        let args = try parameters(closing: .colon, annotations: false)
        try expect(.colon)
        let body = try expression()
        return Expr(.lambda(args: args, body: body), L(s))
    }

    @inline(__always) func disjunction() throws(SyntaxError) -> Expr {
        let s = p
        let e = try opExpr(1)
        lastDisj = s
        return e
    }

    @inline(__always) func bitOr() throws(SyntaxError) -> Expr { try opExpr(5) }

    /// Infix binary-operator precedence (| 5, ^ 6, & 7, << >> 8, + - 9, * / // % @ 10).
    @inline(__always) func binOp(_ k: T) -> (Operator, Int)? {
        switch k {
        case .vbar: return (.bitOr, 5)
        case .circumflex: return (.bitXor, 6)
        case .amper: return (.bitAnd, 7)
        case .leftshift: return (.lShift, 8)
        case .rightshift: return (.rShift, 8)
        case .plus: return (.add, 9)
        case .minus: return (.sub, 9)
        case .star: return (.mult, 10)
        case .slash: return (.div, 10)
        case .doubleslash: return (.floorDiv, 10)
        case .percent: return (.mod, 10)
        case .at: return (.matMult, 10)
        default: return nil
        }
    }

    /// Precedence climbing over CPython's disjunction → conjunction → inversion → comparison →
    /// bitwise_or … term → factor → power levels, in one function (fewer stack frames per nesting
    /// level). Levels: or 1, and 2, not 3, comparisons 4, binary 5–10, unary 11, ** 12.
    func opExpr(_ minPrec: Int) throws(SyntaxError) -> Expr {
        let s = p
        var left: Expr
        if cur == .kNot && minPrec <= 3 {
            advance()
            try enter(); defer { leave() }
            let v = try opExpr(3)
            left = Expr(.unaryOp(op: .not, operand: v), L(s))
        } else if minPrec <= 11 && (cur == .minus || cur == .plus || cur == .tilde) {
            let op: UnaryOperator = cur == .minus ? .uSub : cur == .plus ? .uAdd : .invert
            advance()
            try enter(); defer { leave() }
            let v = try opExpr(11)
            left = Expr(.unaryOp(op: op, operand: v), L(s))
        } else {
            left = try awaitPrimary()
            if cur == .doublestar {
                advance()
                try enter(); defer { leave() }
                let r = try opExpr(11)
                left = Expr(.binOp(left: left, op: .pow, right: r), L(s))
            }
        }
        var chain = 0
        while true {
            switch cur {
            case .kOr where minPrec <= 1:
                var vals = [left]
                while eat(.kOr) { vals.append(try opExpr(2)) }
                left = Expr(.boolOp(op: .or, values: vals), L(s))
            case .kAnd where minPrec <= 2:
                var vals = [left]
                while eat(.kAnd) { vals.append(try opExpr(3)) }
                left = Expr(.boolOp(op: .and, values: vals), L(s))
            case .eqequal, .notequal, .less, .lessequal, .greater, .greaterequal, .kIn, .kIs, .kNot:
                if minPrec > 4 { return left }
                var ops: [CmpOperator] = []
                var comps: [Expr] = []
                while true {
                    var op: CmpOperator? = nil
                    switch cur {
                    case .eqequal: op = .eq
                    case .notequal:
                        if b[Int(toks[p].start)] == UInt8(ascii: "<") { throw invalid() }
                        op = .notEq
                    case .less: op = .lt
                    case .lessequal: op = .ltE
                    case .greater: op = .gt
                    case .greaterequal: op = .gtE
                    case .kIn: op = .in
                    case .kNot: if peek() == .kIn { advance(); op = .notIn }
                    case .kIs: if peek() == .kNot { advance(); op = .isNot } else { op = .is }
                    default: break
                    }
                    guard let o = op else { break }
                    advance()
                    ops.append(o)
                    comps.append(try opExpr(5))
                }
                if ops.isEmpty { return left }
                left = Expr(.compare(left: left, ops: ops, comparators: comps), L(s))
            default:
                guard let (op, prec) = binOp(cur), prec >= minPrec else {
                    if chain > 0 { try checkChain(chain) }
                    return left
                }
                advance()
                let right = try opExpr(prec + 1)
                left = Expr(.binOp(left: left, op: op, right: right), L(s))
                chain += 1
                if chain & 63 == 0 { try checkChain(chain) }
            }
        }
    }

    @inline(__always) func awaitPrimary() throws(SyntaxError) -> Expr {
        if cur == .kAwait {
            let s = p
            advance()
            try enter(); defer { leave() }
            let v = try primary()
            return Expr(.await(value: v), L(s))
        }
        return try primary()
    }

    @inline(__always) func primary() throws(SyntaxError) -> Expr {
        let s = p
        let e = try atom()
        switch cur {
        case .dot, .lpar, .lsqb: return try trailers(s, e)
        default: return e
        }
    }

    @inline(never) func trailers(_ s: Int, _ e0: Expr) throws(SyntaxError) -> Expr {
        var e = e0
        var chain = 0
        while true {
            switch cur {
            case .dot:
                advance()
                guard cur == .name else { throw invalid() }
                let n = nameText(toks[p]); advance()
                e = Expr(.attribute(value: e, attr: n, ctx: .load), L(s))
            case .lpar:
                let open = p
                advance()
                let (args, kws) = try callArguments(openTok: open)
                e = Expr(.call(func: e, args: args, keywords: kws), L(s))
            case .lsqb:
                let open = p
                advance()
                let sl: Expr
                do throws(SyntaxError) {
                    sl = try slices()
                    try expect(.rsqb)
                } catch {
                    // PEG fallback: `a [list...]` inside brackets is two juxtaposed expressions
                    if toks[open].level > 0 && !error.message.hasSuffix("forgot a comma?") && maySpeculate() {
                        let save = p, saveDepth = depth
                        p = open
                        var ok = false
                        inSpeculation = true
                        do throws(SyntaxError) { _ = try listAtom(); ok = true } catch { ok = false }
                        inSpeculation = false
                        p = save; depth = saveDepth
                        if ok && !(toks[s].kind == .name && open == s + 1 && false) { throw self.error("invalid syntax. Perhaps you forgot a comma?", at: s) }
                    }
                    throw error
                }
                e = Expr(.subscript(value: e, slice: sl, ctx: .load), L(s))
            default:
                if chain > 0 { try checkChain(chain) }
                return e
            }
            chain += 1
            if chain & 63 == 0 { try checkChain(chain) }
        }
    }

    /// Parses call arguments after '(' up to and including ')'.
    @inline(never) func callArguments(openTok: Int) throws(SyntaxError) -> ([Expr], [Keyword]) {
        var args: [Expr] = []
        if cur != .rpar { args.reserveCapacity(4) }
        var kws: [Keyword] = []
        var seenKwUnpack = false
        var pendingArgError: String? = nil
        while cur != .rpar {
            let s = p
            var es = p
            if cur == .star {
                advance()
                es = p
                let v = try expression()
                if seenKwUnpack { throw error("iterable argument unpacking follows keyword argument unpacking", at: openTok + 1) }
                args.append(Expr(.starred(value: v, ctx: .load), L(s)))
            } else if cur == .doublestar {
                advance()
                es = p
                let v = try expression()
                kws.append(Keyword(arg: nil, value: v, loc: L(s)))
                seenKwUnpack = true
            } else if cur == .name && peek() == .equal {
                let n = nameText(toks[p])
                advance(); advance()
                es = p
                let v = try expression()
                kws.append(Keyword(arg: n, value: v, loc: L(s)))
            } else {
                let e = try namedExpression(inCall: true)
                if cur == .kFor || (cur == .kAsync && peek() == .kFor) {
                    let gens = try comprehensionClauses()
                    let g = Expr(.generatorExp(elt: e, generators: gens), Loc.zero)
                    if !args.isEmpty || !kws.isEmpty || cur != .rpar {
                        if cur == .comma && peek() == .rpar && args.isEmpty && kws.isEmpty {
                            throw errorAt(e.loc, "Generator expression must be parenthesized")
                        }
                        throw errorAt(e.loc, "Generator expression must be parenthesized")
                    }
                    advance()
                    var gg = g
                    gg.loc = L(openTok)
                    return ([gg], [])
                }
                if cur == .equal {
                    throw errorAt(e.loc, "expression cannot contain assignment, perhaps you meant \"==\"?")
                }
                if !kws.isEmpty && pendingArgError == nil {
                    // CPython reports these at the last token of the argument list
                    pendingArgError = seenKwUnpack ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument"
                }
                args.append(e)
            }
            if !eat(.comma) { try checkMissingComma(es); break }
        }
        if let m = pendingArgError { throw error(m, at: max(p, maxP)) }
        try expect(.rpar)
        return (args, kws)
    }

    @inline(never) func slices() throws(SyntaxError) -> Expr {
        let s = p
        let first = try slice()
        if cur != .comma && cur != .rsqb { try checkMissingComma(s) }
        if cur != .comma {
            if case .starred = first.kind { return Expr(.tuple(elts: [first], ctx: .load), L(s)) }
            return first
        }
        var elts: [Expr] = []
        elts.reserveCapacity(4)
        elts.append(first)
        while eat(.comma) {
            if cur == .rsqb { break }
            let es = p
            elts.append(try slice())
            if cur != .comma && cur != .rsqb { try checkMissingComma(es) }
        }
        return Expr(.tuple(elts: elts, ctx: .load), L(s))
    }

    func slice() throws(SyntaxError) -> Expr {
        let s = p
        if cur == .star {
            advance()
            let v = try bitOr()
            return Expr(.starred(value: v, ctx: .load), L(s))
        }
        var lower: Expr? = nil
        if cur != .colon {
            let e = try namedExpression()
            if cur != .colon { return e }
            if case .namedExpr = e.kind { throw invalid() }
            lower = e
        }
        try expect(.colon)
        var upper: Expr? = nil, step: Expr? = nil
        if cur != .colon && cur != .comma && cur != .rsqb { upper = try expression() }
        if eat(.colon) {
            if cur != .comma && cur != .rsqb { step = try expression() }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), L(s))
    }

    @inline(never) func comprehensionClauses() throws(SyntaxError) -> [Comprehension] {
        var gens: [Comprehension] = []
        while cur == .kFor || (cur == .kAsync && peek() == .kFor) {
            let isAsync = eat(.kAsync)
            advance()
            let target = try starTargets(.store)
            try expect(.kIn)
            let iter = try disjunction()
            var ifs: [Expr] = []
            while eat(.kIf) { ifs.append(try disjunction()) }
            gens.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return gens
    }

    @inline(__always) func atom() throws(SyntaxError) -> Expr {
        let t = toks[p]
        switch t.kind {
        case .name:
            advance()
            return Expr(.name(id: nameText(t), ctx: .load), locOf(t))
        case .kTrue: advance(); return Expr(.constant(value: .bool(true), kind: nil), locOf(t))
        case .kFalse: advance(); return Expr(.constant(value: .bool(false), kind: nil), locOf(t))
        case .kNone: advance(); return Expr(.constant(value: .none, kind: nil), locOf(t))
        case .ellipsis: advance(); return Expr(.constant(value: .ellipsis, kind: nil), locOf(t))
        case .number:
            advance()
            return Expr(.constant(value: try parseNumber(t), kind: nil), locOf(t))
        case .string: return try stringAtom()
        case .lpar: return try parenAtom()
        case .lsqb: return try listAtom()
        case .lbrace: return try braceAtom()
        default:
            throw invalid()
        }
    }

    @inline(never) func stringAtom() throws(SyntaxError) -> Expr {
        var e = p
        while e < toks.count && toks[e].kind == .string { e += 1 }
        let first = p
        p = e - 1
        advance()
        return try parseStrings(first, e)
    }

    @inline(never) func parenAtom() throws(SyntaxError) -> Expr {
        let s = p
        advance()
        try enter(); defer { leave() }
        if eat(.rpar) { return Expr(.tuple(elts: [], ctx: .load), L(s)) }
        if cur == .kYield {
            let y = try yieldExpr()
            try expect(.rpar)
            return y
        }
        let fs = p
        let first = try starNamedExpression()
        if cur != .comma && cur != .rpar && cur != .kFor && cur != .kAsync { try checkMissingComma(fs) }
        if cur == .kFor || (cur == .kAsync && peek() == .kFor) {
            let gens = try comprehensionClauses()
            try expect(.rpar)
            return Expr(.generatorExp(elt: first, generators: gens), L(s))
        }
        if cur == .comma {
            var elts: [Expr] = []
            elts.reserveCapacity(4)
            elts.append(first)
            while eat(.comma) {
                if cur == .rpar { break }
                let es = p
                elts.append(try starNamedExpression())
                if cur != .comma && cur != .rpar { try checkMissingComma(es) }
            }
            try expect(.rpar)
            return Expr(.tuple(elts: elts, ctx: .load), L(s))
        }
        try expect(.rpar)
        if case .starred = first.kind { throw errorAt(first.loc, "cannot use starred expression here") }
        return first
    }

    @inline(never) func listAtom() throws(SyntaxError) -> Expr {
        let s = p
        advance()
        try enter(); defer { leave() }
        if eat(.rsqb) { return Expr(.list(elts: [], ctx: .load), L(s)) }
        let fs = p
        let first = try starNamedExpression()
        if cur != .comma && cur != .rsqb && cur != .kFor && cur != .kAsync { try checkMissingComma(fs) }
        if cur == .kFor || (cur == .kAsync && peek() == .kFor) {
            let gens = try comprehensionClauses()
            try expect(.rsqb)
            return Expr(.listComp(elt: first, generators: gens), L(s))
        }
        var elts: [Expr] = []
        elts.reserveCapacity(4)
        elts.append(first)
        while eat(.comma) {
            if cur == .rsqb { break }
            let es = p
            elts.append(try starNamedExpression())
            if cur != .comma && cur != .rsqb { try checkMissingComma(es) }
        }
        try expect(.rsqb)
        return Expr(.list(elts: elts, ctx: .load), L(s))
    }

    @inline(never) func braceAtom() throws(SyntaxError) -> Expr {
        let s = p
        advance()
        try enter(); defer { leave() }
        if eat(.rbrace) { return Expr(.dict(keys: [], values: []), L(s)) }
        var keys: [Expr?] = [], values: [Expr] = []
        if cur == .doublestar {
            advance()
            values.append(try bitOr()); keys.append(nil)
        } else {
            let fs = p
            let first = try starNamedExpression()
            if cur != .colon && cur != .comma && cur != .rbrace && cur != .kFor && cur != .kAsync { try checkMissingComma(fs) }
            if eat(.colon) {
                let vs = p
                let v = try expression()
                if cur != .comma && cur != .rbrace && cur != .kFor && cur != .kAsync { try checkMissingComma(vs) }
                if cur == .kFor || (cur == .kAsync && peek() == .kFor) {
                    let gens = try comprehensionClauses()
                    try expect(.rbrace)
                    return Expr(.dictComp(key: first, value: v, generators: gens), L(s))
                }
                keys.append(first); values.append(v)
            } else {
                if cur == .kFor || (cur == .kAsync && peek() == .kFor) {
                    let gens = try comprehensionClauses()
                    try expect(.rbrace)
                    return Expr(.setComp(elt: first, generators: gens), L(s))
                }
                var elts: [Expr] = []
                elts.reserveCapacity(4)
                elts.append(first)
                while eat(.comma) {
                    if cur == .rbrace { break }
                    let es = p
                    elts.append(try starNamedExpression())
                    if cur != .comma && cur != .rbrace { try checkMissingComma(es) }
                }
                try expect(.rbrace)
                return Expr(.set(elts: elts), L(s))
            }
        }
        while eat(.comma) {
            if cur == .rbrace { break }
            if eat(.doublestar) {
                values.append(try bitOr()); keys.append(nil)
            } else {
                let ks = p
                let k = try expression()
                if cur != .colon { try checkMissingComma(ks) }
                try expect(.colon)
                let vs = p
                keys.append(k); values.append(try expression())
                if cur != .comma && cur != .rbrace { try checkMissingComma(vs) }
            }
        }
        try expect(.rbrace)
        return Expr(.dict(keys: keys, values: values), L(s))
    }

    /// An identifier's text, NFKC-normalised as Python does for every name (`ｐ` is `p`),
    /// in attributes, keywords, imports and definitions as much as in plain names.
    func nameText(_ t: Token) -> String {
        let s = Int(t.start), e = Int(t.end)
        var ascii = true
        for i in s..<e where b[i] >= 128 { ascii = false; break }
        let str = String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
        if ascii { return str }
        sawNonASCIIName = true
        return nfkc(str)
    }

    // MARK: patterns
    func patterns() throws(SyntaxError) -> Pattern {
        let s = p
        let first = try maybeStarPattern()
        if cur == .comma {
            var pats = [first]
            while eat(.comma) {
                if cur == .colon || cur == .kIf { break }
                pats.append(try maybeStarPattern())
            }
            return Pattern(.matchSequence(patterns: pats), L(s))
        }
        if case .matchStar = first.kind { return Pattern(.matchSequence(patterns: [first]), L(s)) }
        return first
    }

    func maybeStarPattern() throws(SyntaxError) -> Pattern {
        if cur == .star {
            let s = p
            advance()
            let n = try expectName()
            return Pattern(.matchStar(name: n == "_" ? nil : n), L(s))
        }
        return try pattern()
    }

    func pattern() throws(SyntaxError) -> Pattern {
        try enter(); defer { leave() }
        let s = p
        let orp = try orPattern()
        if eat(.kAs) {
            guard cur == .name else { throw invalid() }
            let n = nameText(toks[p])
            if n == "_" { throw error("cannot use '_' as a target") }
            advance()
            return Pattern(.matchAs(pattern: orp, name: n), L(s))
        }
        return orp
    }

    func orPattern() throws(SyntaxError) -> Pattern {
        let s = p
        let first = try closedPattern()
        if cur != .vbar { return first }
        var pats = [first]
        while eat(.vbar) { pats.append(try closedPattern()) }
        return Pattern(.matchOr(patterns: pats), L(s))
    }

    func signedNumber() throws(SyntaxError) -> Expr {
        let s = p
        if eat(.minus) {
            guard cur == .number else { throw invalid() }
            let t = toks[p]; advance()
            let c = Expr(.constant(value: try parseNumber(t), kind: nil), locOf(t))
            return Expr(.unaryOp(op: .uSub, operand: c), L(s))
        }
        guard cur == .number else { throw invalid() }
        let t = toks[p]; advance()
        return Expr(.constant(value: try parseNumber(t), kind: nil), locOf(t))
    }

    func literalExpr() throws(SyntaxError) -> Expr? {
        let s = p
        switch cur {
        case .number, .minus:
            let a = try signedNumber()
            if cur == .plus || cur == .minus {
                let op: Operator = cur == .plus ? .add : .sub
                advance()
                guard cur == .number else { throw invalid() }
                let t = toks[p]; advance()
                let im = Expr(.constant(value: try parseNumber(t), kind: nil), locOf(t))
                return Expr(.binOp(left: a, op: op, right: im), L(s))
            }
            return a
        case .string:
            return try atom()
        case .kNone, .kTrue, .kFalse:
            return try atom()
        default: return nil
        }
    }

    func closedPattern() throws(SyntaxError) -> Pattern {
        let s = p
        switch cur {
        case .kNone: advance(); return Pattern(.matchSingleton(value: .none), L(s))
        case .kTrue: advance(); return Pattern(.matchSingleton(value: .bool(true)), L(s))
        case .kFalse: advance(); return Pattern(.matchSingleton(value: .bool(false)), L(s))
        case .number, .minus, .string:
            guard let e = try literalExpr() else { throw invalid() }
            return Pattern(.matchValue(value: e), L(s))
        case .name:
            let n = nameText(toks[p])
            if peek() != .dot && peek() != .lpar {
                advance()
                if n == "_" { return Pattern(.matchAs(pattern: nil, name: nil), L(s)) }
                if cur == .equal { throw invalid() }
                return Pattern(.matchAs(pattern: nil, name: nameText(toks[p - 1])), L(s))
            }
            var e = Expr(.name(id: nameText(toks[p]), ctx: .load), locOf(toks[p]))
            advance()
            while eat(.dot) {
                let a = try expectName()
                e = Expr(.attribute(value: e, attr: a, ctx: .load), L(s))
            }
            if eat(.lpar) {
                var pats: [Pattern] = [], kwa: [String] = [], kwp: [Pattern] = []
                while cur != .rpar {
                    if cur == .name && peek() == .equal {
                        kwa.append(nameText(toks[p])); advance(); advance()
                        kwp.append(try pattern())
                    } else {
                        if !kwa.isEmpty { throw error("positional patterns follow keyword patterns") }
                        pats.append(try pattern())
                    }
                    if !eat(.comma) { break }
                }
                try expect(.rpar)
                return Pattern(.matchClass(cls: e, patterns: pats, kwdAttrs: kwa, kwdPatterns: kwp), L(s))
            }
            guard case .attribute = e.kind else { throw invalid() }
            return Pattern(.matchValue(value: e), L(s))
        case .lpar, .lsqb:
            let close: T = cur == .lpar ? .rpar : .rsqb
            let isParen = cur == .lpar
            advance()
            try enter(); defer { leave() }
            if eat(close) { return Pattern(.matchSequence(patterns: []), L(s)) }
            let first = try maybeStarPattern()
            if isParen && cur == .rpar {
                advance()
                if case .matchStar = first.kind { return Pattern(.matchSequence(patterns: [first]), L(s)) }
                return first
            }
            var pats = [first]
            while eat(.comma) {
                if cur == close { break }
                pats.append(try maybeStarPattern())
            }
            try expect(close)
            return Pattern(.matchSequence(patterns: pats), L(s))
        case .lbrace:
            advance()
            try enter(); defer { leave() }
            var keys: [Expr] = [], pats: [Pattern] = []
            var rest: String? = nil
            while cur != .rbrace {
                if eat(.doublestar) {
                    rest = try expectName()
                    _ = eat(.comma)
                    break
                }
                let ks = p
                var k: Expr
                if let lit = try literalExpr() { k = lit }
                else if cur == .name {
                    k = Expr(.name(id: nameText(toks[p]), ctx: .load), locOf(toks[p]))
                    advance()
                    var any = false
                    while eat(.dot) { let a = try expectName(); k = Expr(.attribute(value: k, attr: a, ctx: .load), L(ks)); any = true }
                    if !any { throw invalid() }
                } else { throw invalid() }
                try expect(.colon)
                keys.append(k)
                pats.append(try pattern())
                if !eat(.comma) { break }
            }
            try expect(.rbrace)
            return Pattern(.matchMapping(keys: keys, patterns: pats, rest: rest), L(s))
        default:
            throw invalid()
        }
    }
}
