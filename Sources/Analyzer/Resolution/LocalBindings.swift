import PythonSyntax

extension Arguments {
    /// Every parameter in declaration order: positional-only, positional, `*args`,
    /// keyword-only, `**kwargs`.
    var all: [Arg] {
        posonlyargs + args + [vararg].compactMap { $0 } + kwonlyargs + [kwarg].compactMap { $0 }
    }
}

extension Module {
    /// Every name the code binds, once per binding: a `Name` stored or deleted (assignment,
    /// loop, `with`, walrus and comprehension targets, `del`), `def` and `class` names,
    /// imports, `global`/`nonlocal`, except and match captures, and parameters. With
    /// `intoNestedScopes: false` the walk does not enter a nested def, class or lambda, whose
    /// names are its own (the def or class name itself is still bound here).
    func forEachBinding(intoNestedScopes: Bool, _ bound: (String) -> Void) {
        // A walk of its own, not `walk`: it is asked of every file and of many functions, and
        // wrapping each node for a generic visitor cost three times the visit. Past
        // `Module.walkRecursionLimit` levels the generic walk (a loop) takes the subtree over.
        let nested = intoNestedScopes
        func generic(_ node: Node) {
            Module.walk(subtree: node) { node in
                switch node {
                case .stmt(let statement):
                    switch statement.kind {
                    case .functionDef(let name, _, _, _, _, _, _), .classDef(let name, _, _, _, _, _):
                        bound(name)
                        return nested
                    case .global(let names), .nonlocal(let names):
                        names.forEach(bound)
                    default:
                        break
                    }
                case .expr(let expression):
                    if case .lambda = expression.kind, !nested { return false }
                    if case .name(let id, let context) = expression.kind, context != .load { bound(id) }
                case .alias(let alias):
                    bound(alias.asname ?? String(alias.name.split(separator: ".").first ?? ""))
                case .exceptHandler(let handler):
                    if let name = handler.name { bound(name) }
                case .arg(let argument):
                    bound(argument.arg)
                case .pattern(let pattern):
                    switch pattern.kind {
                    case .matchAs(_, let name?), .matchStar(let name?), .matchMapping(_, _, let name?): bound(name)
                    default: break
                    }
                default:
                    break
                }
                return true
            }
        }
        func arguments(_ a: Arguments, _ depth: Int) {
            for p in a.posonlyargs { arg(p, depth) }
            for p in a.args { arg(p, depth) }
            if let p = a.vararg { arg(p, depth) }
            for p in a.kwonlyargs { arg(p, depth) }
            for d in a.kwDefaults { if let d { expression(d, depth) } }
            if let p = a.kwarg { arg(p, depth) }
            for d in a.defaults { expression(d, depth) }
        }
        func arg(_ a: Arg, _ depth: Int) {
            bound(a.arg)
            if let annotation = a.annotation { expression(annotation, depth) }
        }
        func comprehensions(_ generators: [Comprehension], _ depth: Int) {
            for c in generators {
                expression(c.target, depth); expression(c.iter, depth)
                for x in c.ifs { expression(x, depth) }
            }
        }
        func pattern(_ p: Pattern, _ depth: Int) {
            guard depth < Module.walkRecursionLimit else { return generic(.pattern(p)) }
            switch p.kind {
            case .matchValue(let value): expression(value, depth + 1)
            case .matchSingleton, .matchStar(.none): break
            case .matchStar(let name?): bound(name)
            case .matchSequence(let patterns), .matchOr(let patterns): for x in patterns { pattern(x, depth + 1) }
            case let .matchMapping(keys, patterns, rest):
                if let rest { bound(rest) }
                for k in keys { expression(k, depth + 1) }
                for x in patterns { pattern(x, depth + 1) }
            case let .matchClass(cls, patterns, _, kwdPatterns):
                expression(cls, depth + 1)
                for x in patterns { pattern(x, depth + 1) }
                for x in kwdPatterns { pattern(x, depth + 1) }
            case let .matchAs(inner, name):
                if let name { bound(name) }
                if let inner { pattern(inner, depth + 1) }
            }
        }
        func expression(_ e: Expr, _ depth: Int) {
            guard depth < Module.walkRecursionLimit else { return generic(.expr(e)) }
            let d = depth + 1
            switch e.kind {
            case .name(let id, let context): if context != .load { bound(id) }
            case .constant: break
            case .attribute(let v, _, _), .starred(let v, _), .await(let v), .yieldFrom(let v), .unaryOp(_, let v):
                expression(v, d)
            case .yield(let v): if let v { expression(v, d) }
            case let .call(f, a, k):
                expression(f, d); for x in a { expression(x, d) }; for kw in k { expression(kw.value, d) }
            case .boolOp(_, let v), .set(let v), .joinedStr(let v), .list(let v, _), .tuple(let v, _):
                for x in v { expression(x, d) }
            case let .namedExpr(t, v), let .binOp(t, _, v), let .subscript(t, v, _): expression(t, d); expression(v, d)
            case let .lambda(a, b):
                guard nested else { break }
                arguments(a, d); expression(b, d)
            case let .ifExp(t, b, o): expression(t, d); expression(b, d); expression(o, d)
            case let .dict(k, v): for i in 0..<v.count { if i < k.count, let key = k[i] { expression(key, d) }; expression(v[i], d) }
            case let .listComp(elt, g), let .setComp(elt, g), let .generatorExp(elt, g): expression(elt, d); comprehensions(g, d)
            case let .dictComp(k, v, g): expression(k, d); expression(v, d); comprehensions(g, d)
            case let .compare(l, _, c): expression(l, d); for x in c { expression(x, d) }
            case let .formattedValue(v, _, s): expression(v, d); if let s { expression(s, d) }
            case let .slice(l, u, s):
                if let l { expression(l, d) }; if let u { expression(u, d) }; if let s { expression(s, d) }
            }
        }
        func typeParams(_ params: [TypeParam]?, _ depth: Int) {
            for t in params ?? [] {
                if case .typeVar(let bound?) = t.kind { expression(bound, depth) }
                if let value = t.defaultValue { expression(value, depth) }
            }
        }
        func statements(_ body: [Stmt], _ depth: Int) { for s in body { statement(s, depth) } }
        func statement(_ s: Stmt, _ depth: Int) {
            guard depth < Module.walkRecursionLimit else { return generic(.stmt(s)) }
            let d = depth + 1
            switch s.kind {
            case let .functionDef(name, args, body, decorators, returns, params, _):
                bound(name)
                guard nested else { return }
                arguments(args, d); statements(body, d); for x in decorators { expression(x, d) }
                if let returns { expression(returns, d) }
                typeParams(params, d)
            case let .classDef(name, bases, keywords, body, decorators, params):
                bound(name)
                guard nested else { return }
                for x in bases { expression(x, d) }; for k in keywords { expression(k.value, d) }
                statements(body, d); for x in decorators { expression(x, d) }
                typeParams(params, d)
            case .global(let names), .nonlocal(let names): names.forEach(bound)
            case .return(let v): if let v { expression(v, d) }
            case .delete(let targets): for x in targets { expression(x, d) }
            case let .assign(targets, value): for x in targets { expression(x, d) }; expression(value, d)
            case let .typeAlias(name, params, value): expression(name, d); typeParams(params, d); expression(value, d)
            case let .augAssign(target, _, value): expression(target, d); expression(value, d)
            case let .annAssign(target, annotation, value, _):
                expression(target, d); expression(annotation, d); if let value { expression(value, d) }
            case let .for(target, iter, body, orelse, _):
                expression(target, d); expression(iter, d); statements(body, d); statements(orelse, d)
            case let .while(test, body, orelse), let .if(test, body, orelse):
                expression(test, d); statements(body, d); statements(orelse, d)
            case let .with(items, body, _):
                for item in items {
                    expression(item.contextExpr, d)
                    if let vars = item.optionalVars { expression(vars, d) }
                }
                statements(body, d)
            case let .match(subject, cases):
                expression(subject, d)
                for c in cases {
                    pattern(c.pattern, d)
                    if let guardExpr = c.guardExpr { expression(guardExpr, d) }
                    statements(c.body, d)
                }
            case let .raise(exc, cause): if let exc { expression(exc, d) }; if let cause { expression(cause, d) }
            case let .try(body, handlers, orelse, finalbody, _):
                statements(body, d)
                for h in handlers {
                    if let type = h.type { expression(type, d) }
                    if let name = h.name { bound(name) }
                    statements(h.body, d)
                }
                statements(orelse, d); statements(finalbody, d)
            case let .assert(test, msg): expression(test, d); if let msg { expression(msg, d) }
            case .import(let names), .importFrom(_, let names, _):
                for alias in names { bound(alias.asname ?? String(alias.name.split(separator: ".").first ?? "")) }
            case .expr(let v): expression(v, d)
            case .pass, .break, .continue: break
            }
        }
        statements(body, 0)
    }

    /// Top-level `name = value` statements whose name the file binds nowhere else, in any
    /// scope (no second assignment, loop, parameter or local of that name, `global`), by name:
    /// what the name holds wherever it is read. `bindingCounts`: how many times the file binds
    /// each name (`FileFacts.bindingCounts`).
    func onlyModuleAssignments(bindingCounts: [String: Int]) -> [String: Expr] {
        var values: [String: Expr] = [:]
        for statement in body {
            if case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind {
                values[id] = value
            }
        }
        return values.filter { bindingCounts[$0.key] == 1 }
    }

    /// The value of `name` in the function around source byte `position`, when the function
    /// binds the name exactly once, by a plain `name = value` (no parameter, loop target,
    /// `with ... as`, walrus, import, nested definition, `global`, or second assignment of it).
    func onlyAssignment(of name: String, inFunctionAround position: Int) -> Expr? {
        guard let values = plainAssignments(of: name, inFunctionAround: position), values.count == 1 else { return nil }
        return values[0]
    }

    /// The value a parameter of the function around source byte `position` is rebound to, when
    /// the function rebinds it exactly once, by a plain assignment among its top-level statements
    /// before `position` (`text = escape(text)`): what the parameter holds from there on.
    func onlyRebinding(ofParameter name: String, inFunctionAround position: Int) -> Expr? {
        guard let function = innermostFunction(around: position),
              case .functionDef(_, let arguments, let body, _, _, _, _) = function.kind,
              arguments.all.contains(where: { $0.arg == name }) else { return nil }
        var count = 0
        Module(body: body).forEachBinding(intoNestedScopes: false) { if $0 == name { count += 1 } }
        guard count == 1 else { return nil }
        for statement in body where statement.loc.endByte <= position {
            if case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(name, _) = targets[0].kind { return value }
        }
        return nil
    }

    /// Whether the function around source byte `position` binds `name` itself (a parameter, an
    /// assignment, a loop target...), hiding a top-level name of the same spelling.
    func bindsLocally(_ name: String, inFunctionAround position: Int) -> Bool {
        guard innermostFunction(around: position) != nil else { return false }
        guard let (_, bindings) = localBindings(of: name, inFunctionAround: position) else { return true }
        return bindings > 0
    }

    /// The body of the function around source byte `position` and how many times it binds
    /// `name` (nested definitions aside); nil at the top level or when `name` is a parameter.
    private func localBindings(of name: String, inFunctionAround position: Int) -> (body: [Stmt], count: Int)? {
        guard let function = innermostFunction(around: position),
              case .functionDef(_, let arguments, let body, _, _, _, _) = function.kind,
              !arguments.all.contains(where: { $0.arg == name }) else { return nil }
        var bindings = 0
        Module(body: body).forEachBinding(intoNestedScopes: false) { if $0 == name { bindings += 1 } }
        return (body, bindings)
    }

    /// Every value the function around source byte `position` assigns to `name`, when each of
    /// its bindings of the name is a plain `name = value` (as `onlyAssignment`, any number of
    /// them: `limit = int(x)` then `limit = min(limit, 500)`); nil otherwise.
    func plainAssignments(of name: String, inFunctionAround position: Int) -> [Expr]? {
        guard let (body, bindings) = localBindings(of: name, inFunctionAround: position), bindings >= 1 else { return nil }
        let scope = Module(body: body)
        // The plain assignments among the bindings (statements only: none sits in an expression).
        var values: [Expr] = []
        scope.walk { node in
            switch node {
            case .expr: return false
            case .stmt(let statement):
                switch statement.kind {
                case .functionDef, .classDef: return false
                case .assign(let targets, let assigned) where targets.contains(where: { if case .name(name, _) = $0.kind { true } else { false } }):
                    values.append(assigned)
                default: break
                }
            default: break
            }
            return true
        }
        return values.count == bindings ? values : nil
    }

    /// What `with EXPR as name` binds `name` to in the function around source byte
    /// `position` (or at the top level), when one `with` statement does.
    func withItemValue(of name: String, inFunctionAround position: Int) -> Expr? {
        let body = scopeBody(around: position)
        var values: [Expr] = []
        Module(body: body).walkStatements { statement in
            guard case .with(let items, _, _) = statement.kind else { return }
            for item in items { if case .name(name, _) = item.optionalVars?.kind { values.append(item.contextExpr) } }
        }
        return values.count == 1 ? values[0] : nil
    }

    /// What each `for name in EXPR` loop over `name` runs over, in the function around source
    /// byte `position` (or at the top level), when such loops are the function's only
    /// bindings of `name`; `for key, value in TABLE.items()` runs over `TABLE.keys()` or
    /// `TABLE.values()`.
    func loopIterables(of name: String, inFunctionAround position: Int) -> [Expr]? {
        var body = self.body
        if let function = innermostFunction(around: position), case .functionDef(_, let parameters, let inner, _, _, _, _) = function.kind {
            guard !parameters.all.contains(where: { $0.arg == name }) else { return nil }
            body = inner
        }
        var bindings = 0
        Module(body: body).forEachBinding(intoNestedScopes: false) { if $0 == name { bindings += 1 } }
        var iterables: [Expr] = []
        ScopeWalk.walk(body) { node in
            guard case .stmt(let statement) = node, case .for(let target, let iter, _, _, _) = statement.kind else { return true }
            switch target.kind {
            case .name(name, _):
                iterables.append(iter)
            case .tuple(let names, _) where names.count == 2:
                // `for key, expr in TABLE.items()`: the table's keys, or its values.
                guard case .call(let function, let arguments, let keywords) = iter.kind, arguments.isEmpty, keywords.isEmpty,
                      case .attribute(let table, "items", _) = function.kind,
                      let index = names.firstIndex(where: { if case .name(name, _) = $0.kind { true } else { false } }) else { return true }
                let part = Expr(.attribute(value: table, attr: index == 0 ? "keys" : "values", ctx: .load), function.loc)
                iterables.append(Expr(.call(func: part, args: [], keywords: []), iter.loc))
            default:
                break
            }
            return true
        }
        return bindings > 0 && iterables.count == bindings ? iterables : nil
    }

    /// Whether every binding of `name` in the function around `position` counts a loop
    /// (`for i in range(n)`, `for i, row in enumerate(rows)`): a number, whatever the loop runs
    /// over. `counters` names the built-ins not rebound in the file (`range`, `enumerate`).
    func isLoopCounter(_ name: String, inFunctionAround position: Int, counters: Set<String>) -> Bool {
        guard let (body, bindings) = localBindings(of: name, inFunctionAround: position), bindings > 0 else { return false }
        var counted = 0
        ScopeWalk.walk(body) { node in
            guard case .stmt(let statement) = node, case .for(let target, let iter, _, _, _) = statement.kind,
                  case .call(let function, let arguments, _) = iter.kind, case .name(let maker, _) = function.kind,
                  counters.contains(maker), !arguments.isEmpty else { return true }
            switch target.kind {
            case .name(name, _) where maker == "range":
                counted += 1
            case .tuple(let names, _) where maker == "enumerate" && names.count == 2:
                if case .name(name, _) = names[0].kind { counted += 1 }
            default:
                break
            }
            return true
        }
        return counted == bindings
    }

    /// `where, params = build_filter(x)`: the value unpacked into `name`, the name's place and
    /// the number of targets, when that statement is the function's only binding of the name
    /// (as `onlyAssignment`).
    func onlyUnpacking(of name: String, inFunctionAround position: Int) -> (value: Expr, index: Int, count: Int)? {
        guard let (body, bindings) = localBindings(of: name, inFunctionAround: position), bindings == 1 else { return nil }
        var found: (Expr, Int, Int)?
        ScopeWalk.walk(body) { node in
            guard found == nil, case .stmt(let statement) = node else { return false }
            if case .assign(let targets, let value) = statement.kind, targets.count == 1, case .tuple(let elements, _) = targets[0].kind,
               !elements.contains(where: { if case .starred = $0.kind { true } else { false } }),
               let index = elements.firstIndex(where: { if case .name(name, _) = $0.kind { true } else { false } }) {
                found = (value, index, elements.count)
            }
            return true
        }
        return found
    }

    /// Every value a module-level function of this file (defined once) returns, nested
    /// definitions aside; nil when it has a bare `return` or none. With `inClassAround`, a
    /// method of the class whose body holds that source byte (`self._order_clause(q)`).
    func returnedValues(ofFunction name: String, inClassAround position: Int? = nil) -> [Expr]? {
        var scope = body
        if let position {
            guard let (_, className) = definition(around: position), let className,
                  let classBody = body.lazy.compactMap({ statement -> [Stmt]? in
                      if case .classDef(className, _, _, let inner, _, _) = statement.kind { return inner }
                      return nil
                  }).first else { return nil }
            scope = classBody
        }
        var definitions: [[Stmt]] = []
        for statement in scope {
            if case .functionDef(name, _, let inner, _, _, _, _) = statement.kind { definitions.append(inner) }
        }
        guard definitions.count == 1 else { return nil }
        var values: [Expr] = []
        var bare = false
        ScopeWalk.walk(definitions[0]) { node in
            guard case .stmt(let statement) = node else { return false }
            if case .return(let value) = statement.kind {
                if let value { values.append(value) } else { bare = true }
            }
            return true
        }
        return bare || values.isEmpty ? nil : values
    }

    /// Every value the function around `position` gives `name`, when each binding of it is
    /// `name = value` or `name += value` (`where = "a = ?"` then `where += " AND b = ?"`).
    func assignedPieces(of name: String, inFunctionAround position: Int) -> [Expr]? {
        pieces(of: name, inFunctionAround: position, unpacking: false)
    }

    /// The same, an unpacking of a tuple written out counting too (its element for `name`):
    /// `where, params = "WHERE a = %s", [a]`, then `where += " AND b = %s"`; `clause, value =
    /// "a = %s", x` in one branch and `clause, value = "b = %s", y` in another.
    func boundPieces(of name: String, inFunctionAround position: Int) -> [Expr]? {
        pieces(of: name, inFunctionAround: position, unpacking: true)
    }

    private func pieces(of name: String, inFunctionAround position: Int, unpacking: Bool) -> [Expr]? {
        guard let (body, bindings) = localBindings(of: name, inFunctionAround: position), bindings > 0 else { return nil }
        func isStarred(_ expression: Expr) -> Bool { if case .starred = expression.kind { true } else { false } }
        var pieces: [Expr] = []
        ScopeWalk.walk(body) { node in
            guard case .stmt(let statement) = node else { return false }
            switch statement.kind {
            case .assign(let targets, let value) where targets.count == 1:
                switch targets[0].kind {
                case .name(name, _):
                    pieces.append(value)
                case .tuple(let names, _) where unpacking && !names.contains(where: isStarred):
                    guard let index = names.firstIndex(where: { if case .name(name, _) = $0.kind { true } else { false } }),
                          case .tuple(let values, _) = value.kind, values.count == names.count, !values.contains(where: isStarred) else { break }
                    pieces.append(values[index])
                default: break
                }
            case .augAssign(let target, .add, let value):
                if case .name(name, _) = target.kind { pieces.append(value) }
            default: break
            }
            return true
        }
        return pieces.count == bindings ? pieces : nil
    }

    /// Every element list `name` can hold in the function around `position`: the elements of
    /// each list it is bound to (`clauses = []`, `clauses, params = [], []`) and each value
    /// added (`clauses.append("a = ?")`, `.insert(0, x)`, `.extend([...])`, `+= [...]`); nil
    /// when it is bound or changed any other way.
    func listContents(of name: String, inFunctionAround position: Int) -> [Expr]? {
        guard let (body, bindings) = localBindings(of: name, inFunctionAround: position) else { return nil }
        var contents: [Expr] = [], bound = 0, opaque = false
        func elements(_ value: Expr) -> [Expr]? {
            if case .list(let items, _) = value.kind { return items }
            if case .tuple(let items, _) = value.kind { return items }
            return nil
        }
        ScopeWalk.walk(body) { node in
            guard !opaque else { return false }
            switch node {
            case .stmt(let statement):
                switch statement.kind {
                case .assign(let targets, let value) where targets.count == 1:
                    if case .name(name, _) = targets[0].kind {
                        guard let items = elements(value) else { opaque = true; return false }
                        contents += items; bound += 1
                    } else if case .tuple(let names, _) = targets[0].kind, let index = names.firstIndex(where: { if case .name(name, _) = $0.kind { true } else { false } }) {
                        guard case .tuple(let values, _) = value.kind, values.count == names.count, let items = elements(values[index]) else { opaque = true; return false }
                        contents += items; bound += 1
                    } else if case .subscript(let container, _, _) = targets[0].kind, case .name(name, _) = container.kind {
                        opaque = true
                    }
                case .augAssign(let target, _, let value):
                    if case .name(name, _) = target.kind {
                        guard let items = elements(value) else { opaque = true; return false }
                        contents += items; bound += 1
                    }
                default: break
                }
                return true
            case .expr(let expression):
                guard case .call(let function, let arguments, _) = expression.kind, case .attribute(let receiver, let method, _) = function.kind,
                      case .name(name, _) = receiver.kind else { return true }
                if let added = Self.addedToList(by: method, arguments) { contents += added } else { opaque = true }
                return true
            default:
                return true
            }
        }
        return !opaque && bindings > 0 && bound == bindings ? contents : nil
    }

    /// What a list method call adds to the list (`append(x)`, `insert(i, x)`, `extend([...])`:
    /// its values; `pop()`, `sort()` and other calls that add nothing: none), or nil for a
    /// change not followed (`extend(other)`, an unknown method).
    static func addedToList(by method: String, _ arguments: [Expr]) -> [Expr]? {
        switch method {
        case "append" where arguments.count == 1: return [arguments[0]]
        case "insert" where arguments.count == 2: return [arguments[1]]
        case "extend" where arguments.count == 1:
            if case .list(let items, _) = arguments[0].kind { return items }
            if case .tuple(let items, _) = arguments[0].kind { return items }
            return nil
        case "pop", "remove", "clear", "sort", "reverse", "copy", "index", "count": return []
        default: return nil
        }
    }

    /// The innermost `def` whose source range holds `position`.
    func innermostFunction(around position: Int) -> Stmt? { definition(around: position)?.0 }

    /// The statements of the function around source byte `position`, or the module's at the
    /// top level: the scope a name used there is bound in.
    func scopeBody(around position: Int) -> [Stmt] {
        if let function = innermostFunction(around: position), case .functionDef(_, _, let inner, _, _, _, _) = function.kind { return inner }
        return body
    }
}
