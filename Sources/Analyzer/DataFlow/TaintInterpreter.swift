import PythonSyntax

/// What one function's interpretation learns for its summary. Like the engine's findings,
/// it only accumulates, so every branch of the interpretation shares one.
final class SummaryRecorder {
    var summary = FunctionSummary()
    /// Whether some branch stored taint under an attribute path (`self.x`). Until one has,
    /// reading `a.b` need not build the path to look it up.
    var storesPaths = false
}

/// Walks one function body (or the module's top level), tracking taint per variable.
///
/// A branch (`if`, loop, `try`, `match` case) is a copy of the interpreter: only the
/// variables are its own state; the engine and the summary recorder are shared references,
/// so a copy costs a few reference counts.
struct TaintInterpreter {
    let engine: TaintEngine
    let recorder = SummaryRecorder()
    let function: FunctionInfo?
    var environment: [String: Taint] = [:]
    /// Attribute paths in `environment` only because a check was made of them (`holdPaths`),
    /// never stored: no part of what an instance was given.
    var checkedOnlyPaths: Set<String> = []
    /// Variables holding open files (reads from them are sources).
    var fileHandles: Set<String> = []
    /// Variables holding a normalised path (`os.path.realpath`), which a `startswith` guard makes safe.
    var normalisedPaths: Set<String> = []
    /// Variables holding an instance of a class of this file (`store = Store()`).
    var instances: [String: String] = [:]
    /// Variables holding an HTTP client object, by its constructor's name (`requests.Session`).
    var clients: [String: String] = [:]
    /// Names this function declares `global`: what it stores in them every function sees.
    var declaredGlobals: Set<String> = []
    /// Variables holding `functools.partial(f, ...)`, by that call: calling one calls `f`
    /// with the stored arguments first.
    var partials: [String: Expr] = [:]
    /// Variables holding a function picked from a table of functions (`handler =
    /// self.handlers.get(command)`): calling one calls any of them.
    var dispatched: [String: [Expr]] = [:]
    /// What the constructor put in each instance's attributes (`job = Job(cmd)`: `self.cmd`).
    var instanceAttributes: [String: [String: Taint]] = [:]
    /// The attributes the last constructor call evaluated filled, by the call's start byte.
    var lastConstruction: (start: Int, attributes: [String: Taint])?
    /// What each position of the tuple the last local call evaluated returns (see
    /// `FunctionSummary.tupleReturns`), by the call's start byte.
    var lastCallElements: (start: Int, taints: [Taint?])?
    /// Whether a check proved an element (`parts[0]`, see `Guard.elementKey`): only then are
    /// element keys looked up, and dropped when their container is bound again.
    var checkedElements = false

    static let maximumDepth = 200

    /// The record key under which a tuple bound to a name keeps position `index` (no Python
    /// key looks like it).
    static func tupleKey(_ index: Int) -> String { "\u{1}\(index)" }
    static func tuplePosition(_ key: String) -> Int? {
        guard key.hasPrefix("\u{1}") else { return nil }
        return Int(key.dropFirst())
    }

    init(engine: TaintEngine, function: FunctionInfo?) {
        self.engine = engine
        self.function = function
    }

    // MARK: Statements

    mutating func block(_ statements: [Stmt], depth: Int) {
        // The tests of consecutive `if bad: return ...` statements just run: past them all,
        // every one was false, and together they may prove what none does alone (a scheme and
        // host check, then a backslash check, before a redirect).
        var exits: [Expr] = []
        for statement in statements {
            // `if ok: return x` after `if bad: return ...`: inside, the earlier tests were false too.
            if !exits.isEmpty, case .if = statement.kind {
                self.statement(statement, depth: depth, priorExits: exits)
            } else {
                self.statement(statement, depth: depth)
            }
            guard case .if(let test, let body, let orelse) = statement.kind, orelse.isEmpty, Guard.terminates(body) else {
                // `parts = urlsplit(target)` between two checks of `target` leaves the first standing.
                if !exits.isEmpty, case .assign(let targets, _) = statement.kind,
                   targets.allSatisfy({ if case .name(let id, _) = $0.kind { !Self.reads(exits, id) } else { false } }) { continue }
                exits.removeAll()
                continue
            }
            let parts: [Expr]
            if case .boolOp(.or, let values) = test.kind { parts = values } else { parts = [test] }
            exits.append(contentsOf: parts)
            if exits.count > parts.count {
                let together = Guard(test: Expr(.boolOp(op: .or, values: exits), test.loc), imports: engine.imports,
                                     normalisedPaths: normalisedPaths, facts: engine)
                holdPaths(together, at: test.loc)
                together.applyWhenFalse(&environment)
            }
        }
    }

    mutating func statement(_ statement: Stmt, depth: Int, priorExits: [Expr] = []) {
        guard depth < Self.maximumDepth else { return }
        switch statement.kind {
        case .assign(let targets, let value):
            // `a, b = x, y` and `sql, params = build(q)`: each name gets its own position's data.
            if targets.count == 1, case .tuple(let names, _) = targets[0].kind,
               !names.contains(where: { if case .starred = $0.kind { true } else { false } }) {
                if case .tuple(let values, _) = value.kind, values.count == names.count,
                   !values.contains(where: { if case .starred = $0.kind { true } else { false } }) {
                    let taints = values.map { expression($0, depth: 0) }
                    for (name, (taint, element)) in zip(names, zip(taints, values)) { bind(name, taint, value: element) }
                    return
                }
                let taint = expression(value, depth: 0)
                if case .call = value.kind, let elements = lastCallElements, elements.start == value.loc.startByte,
                   elements.taints.count == names.count {
                    for (name, element) in zip(names, elements.taints) { bind(name, element, value: value) }
                    return
                }
                // `filename, data = upload` of `upload = (uuid4().hex + ext, part.read())`.
                if case .name = value.kind, let taint, let fields = taint.fields, !fields.isEmpty,
                   fields.keys.allSatisfy({ Self.tuplePosition($0).map { $0 < names.count } ?? false }) {
                    for (index, name) in names.enumerated() { bind(name, fields[Self.tupleKey(index)], value: value) }
                    return
                }
                bind(targets[0], taint, value: value)
                return
            }
            // `upload = (name, data)`: each position's data kept apart, for unpacking later.
            if targets.count == 1, case .name = targets[0].kind, case .tuple(let values, _) = value.kind, values.count >= 2,
               !values.contains(where: { if case .starred = $0.kind { true } else { false } }) {
                var taint: Taint?
                for (index, element) in values.enumerated() {
                    taint = Taint.storing(expression(element, depth: 0), under: Self.tupleKey(index), in: taint)
                }
                bind(targets[0], taint, value: value)
                return
            }
            let taint = expression(value, depth: 0)
            for target in targets { bind(target, taint, value: value) }
        case .annAssign(let target, let annotation, let value, _):
            if let value { bind(target, expression(value, depth: 0), value: value) }
            // `session: aiohttp.ClientSession = request.app["http"]`: a client by its declared type.
            if case .name(let id, _) = target.kind, let type = engine.imports.qualifiedName(of: annotation),
               TaintSources.httpClients.contains(type) {
                clients[id] = type
            }
            // `index: DocketIndex = request.app.state.docket`: an instance of a class of this file.
            if case .name(let id, _) = target.kind, case .name(let type, _) = annotation.kind, engine.classNames.contains(type),
               engine.imports.binding(of: type) == nil {
                instances[id] = type
            }
        case .augAssign(let target, _, let value):
            let taint = Taint.merge(expression(target, depth: 0), expression(value, depth: 0))
            bind(target, taint, value: value)
        case .expr(let value):
            _ = expression(value, depth: 0)
        case .return(let value):
            guard let value else { return }
            if case .tuple(let elements, _) = value.kind, !elements.contains(where: { if case .starred = $0.kind { true } else { false } }) {
                let taints = elements.map { expression($0, depth: 0) }
                recordTupleReturn(taints, elements)
                // `return html, 200, {"Content-Type": "text/html"}`: the body is the first.
                let body = elements.count <= 3 && Self.declaresHTMLOrNothing(elements.dropFirst()) ? elements.first.map { (taints[0], $0) } : nil
                recordReturn(taints.reduce(nil) { Taint.merge($0, $1) }, value: value, body: body)
                return
            }
            if case .constant(.none, _) = value.kind {} else { recorder.summary.tupleReturnsMixed = true }
            if let record = returnedRecord(value) {
                var taints = record.mapValues { expression($0, depth: 0) }
                // `job = cls(...)`, a field checked since (`if not TS_RE.match(job.start): raise`),
                // then `return job`: that field as checked.
                if case .name(let id, _) = value.kind {
                    for field in record.keys { if let held = environment["\(id).\(field)"] { taints[field] = held } }
                }
                if case .call(let maker, _, _) = value.kind, case .name(let callee, _) = maker.kind {
                    // A factory's `cls(...)` itself, for what the class learns of its instances'
                    // attributes (read by its methods' summaries).
                    if callee == "cls" { _ = expression(value, depth: 0) }
                    // `cls(int(book_id), jobname)` of a constructor raising unless `jobname`
                    // matches: the field as checked.
                    if let checks = (callee == "cls" ? function?.className : callee).flatMap({ engine.constructorFieldChecks[$0] }) {
                        for (field, effect) in checks { taints[field] = taints[field]?.map(effect.apply) }
                    }
                }
                recordKeyedReturn(taints, record)
                recordReturn(taints.values.reduce(nil) { Taint.merge($0, $1) }, value: value)
                return
            }
            if case .constant(.none, _) = value.kind {} else { recorder.summary.recordReturnsMixed = true }
            let taint = expression(value, depth: 0)
            recordReturn(taint, value: value)
        case .if(let test, let body, let orelse):
            _ = expression(test, depth: 0)
            let guardEffect = Guard(test: test, imports: engine.imports, normalisedPaths: normalisedPaths, facts: engine)
            if guardEffect.provesElements { checkedElements = true }
            holdPaths(guardEffect, at: test.loc)
            var thenBranch = self
            guardEffect.applyWhenTrue(&thenBranch.environment)
            if !priorExits.isEmpty {
                let earlier = Guard(test: Guard.allTrue(afterExits: priorExits, then: test), imports: engine.imports,
                                    normalisedPaths: normalisedPaths, facts: engine)
                thenBranch.holdPaths(earlier, at: test.loc)
                earlier.applyWhenTrue(&thenBranch.environment)
            }
            // (Not past a test of a value's truth: it proves a value empty, from which no
            // other was built that needs building again.)
            let provesParts = !Self.testsTruth(test)
            if provesParts { thenBranch.rebuildDerived(from: guardEffect.whenTrue, at: test.loc.startByte) }
            thenBranch.block(body, depth: depth + 1)
            var elseBranch = self
            guardEffect.applyWhenFalse(&elseBranch.environment)
            if provesParts { elseBranch.rebuildDerived(from: guardEffect.whenFalse, at: test.loc.startByte) }
            elseBranch.block(orelse, depth: depth + 1)
            let thenEnds = Guard.terminates(body), elseEnds = !orelse.isEmpty && Guard.terminates(orelse)
            adopt(thenBranch, elseBranch, thenEnds: thenEnds, elseEnds: elseEnds)
        case .for(let target, let iter, let body, let orelse, _):
            bindIteration(target, over: iter, depth: 0)
            var loop = self
            loop.iterate(body, from: self, depth: depth + 1)
            adopt(loop, self, thenEnds: false, elseEnds: false)
            block(orelse, depth: depth + 1)
            // `for node in ast.walk(tree): if not isinstance(node, ALLOWED): raise ...`: past the
            // loop every node of the tree is of an allowed kind; compiled, it runs only what the
            // check lets through.
            if let checked = Self.allowListedTree(target: target, iter: iter, body: body, imports: engine.imports) {
                environment[checked] = environment[checked].map { $0.sanitizing([94, 95]) }
            }
            // `for info in getaddrinfo(parsed.hostname, ...): if not ip_address(info[4][0]).is_global: raise`:
            // past the loop the URL's host resolves only to public addresses.
            for checked in Guard.publicAddressCheck(iter: iter, body: body, imports: engine.imports, facts: engine) {
                environment[checked] = environment[checked].map { $0.sanitizing([918]) }
            }
            // `for ts in (job.start, job.end): if ts and not TS_RE.match(ts): raise ...`: past
            // the loop, each value listed is proven as the loop variable was.
            if let each = eachValueChecked(target: target, iter: iter, body: body) {
                holdPaths(each, at: iter.loc)
                each.applyWhenFalse(&environment)
            }
        case .while(let test, let body, let orelse):
            _ = expression(test, depth: 0)
            var loop = self
            loop.iterate(body, from: self, depth: depth + 1)
            adopt(loop, self, thenEnds: false, elseEnds: false)
            block(orelse, depth: depth + 1)
        case .with(let items, let body, _):
            for item in items {
                let taint = expression(item.contextExpr, depth: 0)
                if let variable = item.optionalVars {
                    bind(variable, taint, value: item.contextExpr)
                    if case .name(let id, _) = variable.kind, isOpenCall(item.contextExpr) { fileHandles.insert(id) }
                }
            }
            block(body, depth: depth + 1)
        case .try(let body, let handlers, let orelse, let finalbody, _):
            // The body may raise after any statement: a handler sees any of those states.
            var entering = self
            for inner in body {
                self.statement(inner, depth: depth + 1)
                entering.adopt(entering, self, thenEnds: false, elseEnds: false)
            }
            for handler in handlers {
                var branch = entering
                branch.block(handler.body, depth: depth + 1)
                adopt(self, branch, thenEnds: false, elseEnds: Guard.terminates(handler.body))
            }
            block(orelse, depth: depth + 1)
            block(finalbody, depth: depth + 1)
            // `try: p.relative_to(BASE) except ValueError: abort(404)` on a normalised path: past
            // the `try`, it lies under BASE.
            if !handlers.isEmpty, handlers.allSatisfy({ Guard.terminates($0.body) }) {
                for inner in body {
                    // `try: uuid.UUID(sid) except ValueError: raise HTTPException(400)` (or `int(x)`):
                    // past the `try`, the text is a valid UUID or number, which carries nothing.
                    var checked: Expr?
                    if case .expr(let value) = inner.kind { checked = value }
                    if case .assign(_, let value) = inner.kind { checked = value }
                    if let checked, case .call(let function, let arguments, _) = checked.kind, arguments.count == 1,
                       case .name(let id, _) = arguments[0].kind, let converter = engine.imports.qualifiedName(of: function),
                       ["uuid.UUID", "int", "float", "ipaddress.ip_address", "decimal.Decimal"].contains(converter) {
                        environment[id] = environment[id]?.cleanedCopy
                    }
                    guard case .expr(let value) = inner.kind, case .call(let function, _, _) = value.kind,
                          case .attribute(let receiver, "relative_to", _) = function.kind, case .name(let id, _) = receiver.kind,
                          normalisedPaths.contains(id) else { continue }
                    environment[id] = environment[id]?.sanitizing([22])
                }
            }
        case .match(let subject, let cases):
            _ = expression(subject, depth: 0)
            let before = self
            for matchCase in cases {
                // The variables as before the match.
                var branch = before
                branch.block(matchCase.body, depth: depth + 1)
                adopt(self, branch, thenEnds: false, elseEnds: false)
            }
        case .raise(let exc, _):
            if let exc { _ = expression(exc, depth: 0) }
        case .assert(let test, _):
            _ = expression(test, depth: 0)
        case .global(let names):
            declaredGlobals.formUnion(names)
        case .delete, .import, .importFrom, .nonlocal, .pass, .break, .continue, .functionDef, .classDef, .typeAlias:
            break
        }
    }

    /// Runs a loop body twice, the second time with the values of the first iteration; unless
    /// the first changed nothing (the usual loop, which sees no untrusted data), when the second
    /// would repeat it exactly (the interpreter is deterministic and what it shares only grows).
    private mutating func iterate(_ body: [Stmt], from entry: TaintInterpreter, depth: Int) {
        block(body, depth: depth)
        if !holdsSameState(as: entry) { block(body, depth: depth) }
    }

    /// Whether every variable the interpretation tracks is as in `other` (a variable added to
    /// the interpreter belongs here too, or a loop's second pass may be skipped wrongly).
    private func holdsSameState(as other: TaintInterpreter) -> Bool {
        environment == other.environment && fileHandles == other.fileHandles && normalisedPaths == other.normalisedPaths
            && instances == other.instances && clients == other.clients && declaredGlobals == other.declaredGlobals
            && instanceAttributes == other.instanceAttributes
            && partials.count == other.partials.count && partials.allSatisfy { other.partials[$0.key]?.loc == $0.value.loc }
            && lastConstruction?.start == other.lastConstruction?.start && lastConstruction?.attributes == other.lastConstruction?.attributes
    }

    /// Joins two branches' variables: a branch that always leaves (return, raise) contributes
    /// nothing. (Findings and the summary are shared, so both branches' are kept already.)
    private mutating func adopt(_ first: TaintInterpreter, _ second: TaintInterpreter, thenEnds: Bool, elseEnds: Bool) {
        // A branch that leaves contributes nothing, unless both do.
        if thenEnds != elseEnds {
            environment = thenEnds ? second.environment : first.environment
        } else {
            var merged = first.environment
            for (name, taint) in second.environment { merged[name] = Taint.merge(merged[name], taint) }
            environment = merged
        }
        fileHandles = first.fileHandles.union(second.fileHandles)
        normalisedPaths = first.normalisedPaths.union(second.normalisedPaths)
        if !first.clients.isEmpty || !second.clients.isEmpty { clients = first.clients.merging(second.clients) { kept, _ in kept } }
        if !first.partials.isEmpty || !second.partials.isEmpty { partials = first.partials.merging(second.partials) { kept, _ in kept } }
    }

    private mutating func bind(_ target: Expr, _ taint: Taint?, value: Expr) {
        let stepped = taint.map { $0.through(line: target.loc.lineno, column: target.loc.colOffset + 1, "assigned to \(engine.parsed.text(of: target.loc))") }
        switch target.kind {
        case .name(let id, _):
            environment[id] = stepped
            if checkedElements {
                let prefix = id + "["
                for key in environment.keys where key.hasPrefix(prefix) { environment[key] = nil }
            }
            if let stepped, declaredGlobals.contains(id) { engine.recordGlobal(id, stepped) }
            if isOpenCall(value) { fileHandles.insert(id) } else { fileHandles.remove(id) }
            let calledName = callName(value)
            if Self.isNormalisedPath(value, callName: calledName) { normalisedPaths.insert(id) } else { normalisedPaths.remove(id) }
            if let className = value.calledName, engine.classNames.contains(className) {
                instances[id] = className
            } else if let className = classAttributeMade(value) {
                // `renderer = self.renderer_class(page_size=p)` of `renderer_class = PdfRenderer`.
                instances[id] = className
            } else if !engine.classNames.isEmpty, case .call = value.kind, let site = CallSite(value, imports: engine.imports) ?? CallSite(unresolved: value),
                      let (info, _, _) = resolveLocal(site), let className = engine.returnedClass(info) {
                // `directory = get_directory().scope_to(dept)`: what the function gives back.
                instances[id] = className
            } else if !engine.classNames.isEmpty, let className = tableElementClass(value) {
                instances[id] = className
            } else {
                instances[id] = nil
            }
            if let calledName, TaintSources.httpClients.contains(calledName) { clients[id] = calledName } else if !clients.isEmpty { clients[id] = nil }
            if let targets = dispatchTargets(value) { dispatched[id] = targets } else if !dispatched.isEmpty { dispatched[id] = nil }
            if calledName == "functools.partial", case .call(_, let arguments, _) = value.kind, let wrapped = arguments.first,
               wrapped.calledNameOrName != id {
                partials[id] = value
            } else if !partials.isEmpty {
                partials[id] = nil
            }
            if let construction = lastConstruction, construction.start == value.loc.startByte {
                instanceAttributes[id] = construction.attributes
            } else {
                instanceAttributes[id] = nil
            }
        case .tuple(let elements, _), .list(let elements, _):
            for element in elements { bind(element, taint, value: value) }
        case .starred(let inner, _):
            bind(inner, taint, value: value)
        case .attribute, .subscript:
            if let stepped { checkAssignmentSinks(target, stepped) }
            // `REGISTRY[rid] = Notifier(url)`: an instance holding untrusted attributes, kept in
            // a module table, outlives the request; what a later request reads back
            // (`REGISTRY.get(rid).notify()`) is an instance of the class holding them.
            if case .subscript(let container, _, _) = target.kind, sharedStore(container) != nil {
                if let construction = lastConstruction, construction.start == value.loc.startByte,
                   let className = value.calledName, engine.classNames.contains(className) {
                    for (key, held) in construction.attributes { engine.recordClassAttribute(className, key, held) }
                } else if case .name(let id, _) = value.kind, let className = instances[id], let attributes = instanceAttributes[id] {
                    for (key, held) in attributes { engine.recordClassAttribute(className, key, held) }
                }
            }
            // `self.x = t`, `d[k] = t`: the object now holds tainted data.
            guard let stepped else { break }
            recorder.storesPaths = true
            // `SUBSCRIPTIONS[sub_id] = {...}` on a module-level table: every function reading it sees it.
            // Likewise the user's session (`session["next"] = url`): what one request stores there,
            // a later one reads.
            if case .subscript(let container, let slice, _) = target.kind, let owner = sharedStore(container),
               let table = slice.stringConstant.map({ Taint.storing(stepped, under: $0, in: nil) }) ?? Taint.adding(stepped, to: nil) {
                engine.recordGlobal(owner, table)
                // A helper storing its parameter (`_remember(target)`): the caller's data, stored.
                let parameters = stepped.origins.filter { if case .parameter = $0 { true } else { false } }
                if parameters.count == 1, case .parameter(let index) = parameters.first! {
                    let key = slice.stringConstant ?? ""
                    recorder.summary.sharedStores[owner, default: [:]][key, default: [:]][index] = FunctionSummary.ReturnSafety.meet(
                        recorder.summary.sharedStores[owner]?[key]?[index], stepped, parameter: index)
                }
            }
            if let key = pathKey(target) {
                environment[key] = Taint.merge(environment[key], stepped)
                checkedOnlyPaths.remove(key)
                // `Config.cmd = x` on a class of this file: a global in all but name.
                if function != nil, case .attribute(let owner, _, _) = target.kind, case .name(let ownerName, _) = owner.kind,
                   engine.moduleClasses.contains(ownerName) {
                    engine.recordGlobal(key, stepped)
                }
                if let className = function?.className { engine.recordClassAttribute(className, key, stepped) }
                if key.hasPrefix("self.") {
                    for case .parameter(let index) in stepped.origins {
                        recorder.summary.storedParameters[key, default: []].insert(index)
                        recorder.summary.storedSafety[key, default: [:]][index] = FunctionSummary.ReturnSafety.meet(
                            recorder.summary.storedSafety[key]?[index], stepped, parameter: index)
                    }
                }
            }
            if case .subscript(let container, let slice, _) = target.kind, let base = pathKey(container) {
                // A record's key, or a table's new element, keeping what is known of each.
                let before = environment[base]
                environment[base] = slice.stringConstant.map { Taint.storing(stepped, under: $0, in: before) }
                    ?? Taint.adding(stepped, to: before)
                // Keys holding nothing untrusted, into a mapping whose keys were (see `keysFixed`).
                if slice.stringConstant == nil, before == nil || before?.keysFixed == true, expression(slice, depth: 1) == nil {
                    environment[base]?.keysFixed = true
                }
                if let className = function?.className { engine.recordClassAttribute(className, base, stepped) }
                if slice.stringConstant == nil, base.hasPrefix("self."), !base.dropFirst(5).contains(".") { recordContainerStore(base, stepped) }
            }
        default:
            break
        }
    }

    /// See `FunctionSummary.containerStores`.
    /// A value made of several parameters whose parts are not known apart (an instance
    /// built of them) is not recorded: which part a reader gets is not known.
    mutating func recordContainerStore(_ key: String, _ taint: Taint) {
        if let fields = taint.fields {
            for (field, part) in fields {
                for case .parameter(let index) in part.origins {
                    recorder.summary.containerFieldStores[key, default: [:]][field, default: [:]][index] = FunctionSummary.ReturnSafety.meet(
                        recorder.summary.containerFieldStores[key]?[field]?[index], part, parameter: index)
                }
            }
            return
        }
        let parameters = taint.origins.filter { if case .parameter = $0 { true } else { false } }
        guard parameters.count == 1, case .parameter(let index) = parameters.first! else { return }
        recorder.summary.containerStores[key, default: [:]][index] = FunctionSummary.ReturnSafety.meet(
            recorder.summary.containerStores[key]?[index], taint, parameter: index)
    }

    private mutating func checkAssignmentSinks(_ target: Expr, _ taint: Taint) {
        for (index, rule) in engine.rules.enumerated() where rule.isSinkAssignment(target) {
            guard taint.isDangerous(for: engine.ruleCWEs[index]) else { continue }
            if engine.ruleCWEs[index] == 79, !declaresHTMLBody(target) { continue }
            // `h["X-Signature"] = v` of `h = {...}`: a dict being filled (the headers of a request
            // this program sends), not a response.
            if case .subscript(let container, _, _) = target.kind, case .name(let id, _) = container.kind,
               let bound = engine.onlyAssignment(of: id, around: target.loc.startByte) {
                if case .dict = bound.kind { continue }
                if case .call(let maker, _, _) = bound.kind, case .name("dict", _) = maker.kind { continue }
            }
            let loc = target.loc
            engine.report(rule: index, at: (loc.lineno, loc.colOffset + 1, loc.endLineno, loc.endColOffset + 1), taint: taint,
                          sink: engine.parsed.text(of: loc))
            recordSink(taint, FunctionSummary.SinkHit(
                rule: index, line: loc.lineno, column: loc.colOffset + 1, endLine: loc.endLineno, endColumn: loc.endColOffset + 1,
                callee: engine.parsed.text(of: loc)))
        }
    }

    /// Whether this function declares the body `target` sets (`resp.text`) to be HTML:
    /// `resp.content_type = falcon.MEDIA_HTML` (or `"text/html..."`) on the same object.
    func declaresHTMLBody(_ target: Expr) -> Bool {
        guard case .attribute(let receiver, _, _) = target.kind, case .name(let id, _) = receiver.kind, let body = function?.body else { return false }
        var declared = false
        Module(body: body).walkStatements { statement in
            guard !declared, case .assign(let targets, let value) = statement.kind,
                  targets.contains(where: { if case .attribute(let owner, "content_type", _) = $0.kind, case .name(id, _) = owner.kind { true } else { false } })
            else { return }
            if case .attribute(_, "MEDIA_HTML", _) = value.kind { declared = true }
            if value.stringConstant?.hasPrefix("text/html") == true { declared = true }
        }
        return declared
    }

    /// Notes in the summary that the parameters and `self` attributes `taint` came from reach
    /// a sink.
    mutating func recordSink(_ taint: Taint, _ hit: FunctionSummary.SinkHit) {
        for origin in taint.origins {
            switch origin {
            case .parameter(let parameter):
                // The part of it this parameter gave made safe for the sink: not its sink.
                if taint.safety(ofParameter: parameter).covers(engine.ruleCWEs[hit.rule]) { continue }
                recorder.summary.sinks[parameter, default: []].insert(hit)
            case .attribute(let name):
                if taint.safety(of: origin).covers(engine.ruleCWEs[hit.rule]) { continue }
                recorder.summary.attributeSinks[name, default: []].insert(hit)
            case .parameterField(let parameter, let name):
                if taint.safety(of: origin).covers(engine.ruleCWEs[hit.rule]) { continue }
                recorder.summary.parameterFieldSinks[parameter, default: [:]][name, default: []].insert(hit)
            case .source: break
            }
        }
    }

    /// What the function hands its callers, by `return` or (a generator) `yield`: the
    /// parameters it passes on, and the first untrusted data it read itself. Not for a web
    /// handler: its parameters count as sources only when the framework calls it.
    private mutating func recordReturned(_ taint: Taint, at loc: Loc) {
        for case .attribute(let name) in taint.origins {
            recorder.summary.returnedAttributes.insert(name)
            recorder.summary.returnedAttributeSafety[name] = FunctionSummary.ReturnSafety.meet(recorder.summary.returnedAttributeSafety[name], taint, origin: .attribute(name))
        }
        for case .parameterField(let index, let name) in taint.origins {
            if recorder.summary.parameterFieldReturnPlaces[index] == nil {
                recorder.summary.parameterFieldReturnPlaces[index] = FunctionSummary.Place(line: loc.lineno, column: loc.colOffset + 1)
            }
            recorder.summary.parameterFieldReturns[index, default: [:]][name] = FunctionSummary.ReturnSafety.meet(recorder.summary.parameterFieldReturns[index]?[name], taint, origin: .parameterField(index, name))
        }
        for case .parameter(let index) in taint.origins {
            recorder.summary.returns.insert(index)
            if recorder.summary.returnPlaces[index] == nil {
                recorder.summary.returnPlaces[index] = FunctionSummary.Place(line: loc.lineno, column: loc.colOffset + 1)
            }
            // Safe on every return or not at all: the intersection over the returns.
            recorder.summary.returnSafety[index] = FunctionSummary.ReturnSafety.meet(recorder.summary.returnSafety[index], taint, parameter: index)
        }
        if taint.origins.contains(.source), recorder.summary.returnedSource == nil,
           function?.isHandler != true || function?.handlerByParameterName == true {
            var returned = taint
            returned.origins = [.source]
            recorder.summary.returnedSource = returned
        }
    }

    /// One `return a, b`: what each position hands back (see `FunctionSummary.tupleReturns`).
    private mutating func recordTupleReturn(_ taints: [Taint?], _ values: [Expr]) {
        var elements = recorder.summary.tupleReturns ?? Array(repeating: FunctionSummary.TupleElement(), count: taints.count)
        guard elements.count == taints.count else {
            recorder.summary.tupleReturnsMixed = true
            return
        }
        for (index, taint) in taints.enumerated() {
            guard let taint else { continue }
            note(taint, returnedAs: &elements[index], at: values[index].loc)
        }
        recorder.summary.tupleReturns = elements
    }

    /// One `return {"k": v}` or `return cls(k=v)`: what each key hands back (see
    /// `FunctionSummary.recordReturns`).
    private mutating func recordKeyedReturn(_ taints: [String: Taint?], _ values: [String: Expr]) {
        var elements = recorder.summary.recordReturns ?? Dictionary(uniqueKeysWithValues: taints.keys.map { ($0, FunctionSummary.TupleElement()) })
        guard Set(elements.keys) == Set(taints.keys) else {
            recorder.summary.recordReturnsMixed = true
            return
        }
        for (key, taint) in taints {
            guard let taint, let value = values[key] else { continue }
            note(taint, returnedAs: &elements[key, default: FunctionSummary.TupleElement()], at: value.loc)
        }
        recorder.summary.recordReturns = elements
    }

    /// What one returned part holds, noted in its summary element: the parameters, attributes
    /// and parameters' fields it carries with what they were made safe for, or a source.
    private func note(_ taint: Taint, returnedAs element: inout FunctionSummary.TupleElement, at loc: Loc) {
        for case .parameter(let parameter) in taint.origins {
            if element.place == nil { element.place = FunctionSummary.Place(line: loc.lineno, column: loc.colOffset + 1) }
            element.returns.insert(parameter)
            element.safety[parameter] = FunctionSummary.ReturnSafety.meet(element.safety[parameter], taint, parameter: parameter)
        }
        for origin in taint.origins {
            switch origin {
            case .attribute(let name):
                element.attributes[name] = FunctionSummary.ReturnSafety.meet(element.attributes[name], taint, origin: .attribute(name))
            case .parameterField(let parameter, let name):
                if element.place == nil { element.place = FunctionSummary.Place(line: loc.lineno, column: loc.colOffset + 1) }
                element.parameterFields[parameter, default: [:]][name] = FunctionSummary.ReturnSafety.meet(element.parameterFields[parameter]?[name], taint, origin: .parameterField(parameter, name))
            case .parameter, .source:
                break
            }
        }
        if taint.origins.contains(.source), element.source == nil,
           function?.isHandler != true || function?.handlerByParameterName == true {
            var returned = taint
            returned.origins = [.source]
            element.source = returned
        }
    }

    /// The parts of a returned record by key: a dict literal with constant keys, or a
    /// dataclass of this file made with keywords or in field order (`cls(...)` in its own
    /// class method). Nil for anything else.
    func returnedRecord(_ value: Expr) -> [String: Expr]? {
        switch value.kind {
        case .dict(let keys, let values):
            var record: [String: Expr] = [:]
            for (key, value) in zip(keys, values) {
                // `return {**order, "total": str(t)}`: the spread first (one), standing for the
                // keys the listed ones do not name.
                guard let key else {
                    guard record.isEmpty else { return nil }
                    record[Taint.otherKeys] = value
                    continue
                }
                guard let text = key.stringConstant, record[text] == nil else { return nil }
                record[text] = value
            }
            return record.isEmpty ? nil : record
        case .call(let function, let arguments, let keywords):
            guard case .name(let callee, _) = function.kind else { return nil }
            let className = callee == "cls" ? self.function?.className : callee
            // A plain class (its constructor only stores its parameters) too, made by a function
            // outside it (`return AccountContext(x_account_id, x_plate)` of a dependency); its own
            // factories' instances (`cls(...)`) keep their constructed attributes.
            let plainFields = self.function?.className == className && callee != "cls" ? nil : className.flatMap { engine.plainConstructorFields[$0] }
            guard let className, let fields = engine.dataclassFields[className] ?? plainFields, arguments.count <= fields.count,
                  !arguments.contains(where: { if case .starred = $0.kind { true } else { false } }) else { return nil }
            var record: [String: Expr] = [:]
            for (field, argument) in zip(fields, arguments) { record[field] = argument }
            for keyword in keywords {
                guard let name = keyword.arg else {
                    // `cls(**{k: str(data[k]) for k in FIELDS if k in data})`, `cls(**{"a": x})`:
                    // the keys the spread mapping can hold, each with its value.
                    guard let spread = spreadKeywords(keyword.value) else { return nil }
                    for (key, value) in spread where fields.contains(key) && record[key] == nil { record[key] = value }
                    continue
                }
                guard record[name] == nil else { return nil }
                record[name] = keyword.value
            }
            return record.isEmpty ? nil : record
        case .name(let id, _):
            // `hook = {"id": uuid4().hex, "url": url}` … `return hook`, the record not changed
            // in between (no `hook[k] = v`, `hook.update(...)`); or a record a constructor made
            // (`job = cls(start=s)`), no attribute of it set since.
            guard let function, let bound = engine.onlyAssignment(of: id, around: value.loc.startByte) else { return nil }
            switch bound.kind {
            case .dict, .call: break
            default: return nil
            }
            func changes(_ target: Expr) -> Bool {
                switch target.kind {
                case .subscript(let container, _, _), .attribute(let container, _, _):
                    if case .name(id, _) = container.kind { return true }
                default: break
                }
                return false
            }
            var changed = false
            ScopeWalk.walk(function.body) { node in
                switch node {
                case .stmt(let statement):
                    switch statement.kind {
                    case .assign(let targets, _):
                        if targets.contains(where: changes) { changed = true }
                    case .augAssign(let target, _, _):
                        if changes(target) { changed = true }
                    default: break
                    }
                case .expr(let expression):
                    if case .call(let callee, _, _) = expression.kind, case .attribute(let receiver, let method, _) = callee.kind,
                       case .name(id, _) = receiver.kind, ["update", "setdefault", "pop", "__setitem__"].contains(method) { changed = true }
                default: break
                }
                return !changed
            }
            return changed ? nil : returnedRecord(bound)
        default:
            return nil
        }
    }

    /// The keys a mapping spread into a call (`**mapping`) can hold, each with the value
    /// expression it gets: a dict display with constant keys, or a comprehension keyed by the
    /// names of a fixed list (`{k: str(data[k]) for k in FIELDS if k in data}`). Nil otherwise.
    func spreadKeywords(_ mapping: Expr) -> [(String, Expr)]? {
        switch mapping.kind {
        case .dict(let keys, let values):
            var pairs: [(String, Expr)] = []
            for (key, value) in zip(keys, values) {
                guard let text = key?.stringConstant else { return nil }
                pairs.append((text, value))
            }
            return pairs
        case .dictComp(let key, let value, let generators):
            guard generators.count == 1, case .name(let bound, _) = generators[0].target.kind, case .name(bound, _) = key.kind else { return nil }
            let names: [String]?
            switch generators[0].iter.kind {
            case .name(let id, _): names = engine.moduleTextLists[id]
            case .tuple(let elements, _), .list(let elements, _), .set(let elements):
                let texts = elements.compactMap(\.stringConstant)
                names = texts.count == elements.count ? texts : nil
            default: names = nil
            }
            return names?.map { ($0, value) }
        default:
            return nil
        }
    }

    /// `'"' + name.replace('"', '""') + '"'` (or with backquotes): text quoted as an SQL
    /// identifier, its quote character doubled inside.
    static func isQuotedIdentifier(_ expression: Expr) -> Bool {
        let parts = expression.additionOperands
        guard parts.count == 3, let quote = parts[0].stringConstant, quote == "\"" || quote == "`", parts[2].stringConstant == quote,
              case .call(let function, let arguments, let keywords) = parts[1].kind, case .attribute(_, "replace", _) = function.kind,
              arguments.count == 2, keywords.isEmpty, arguments[0].stringConstant == quote, arguments[1].stringConstant == quote + quote else { return false }
        return true
    }

    /// Whether the rest of a returned `(body, status, headers)` tuple sets no content type
    /// other than HTML.
    static func declaresHTMLOrNothing(_ rest: ArraySlice<Expr>) -> Bool {
        rest.allSatisfy { element in
            guard case .dict(let keys, let values) = element.kind else { return true }
            for (key, value) in zip(keys, values) where key?.stringConstant?.lowercased() == "content-type" {
                guard let type = value.stringConstant?.lowercased() else { return true }
                return type.contains("html")
            }
            return true
        }
    }

    /// `body`: for a returned tuple, the response body's taint and expression (the first
    /// element), judged as the response.
    private mutating func recordReturn(_ taint: Taint?, value: Expr, body: (Taint?, Expr)? = nil) {
        recorder.summary.returnsBuiltText = recorder.summary.returnsBuiltText != false && Self.isBuiltText(value)
        guard let taint else { return }
        recordReturned(taint, at: value.loc)
        guard let function, function.returnsHTML else { return }
        if case .tuple = value.kind {
            guard let (bodyTaint, bodyValue) = body, let bodyTaint else { return }
            return reportResponse(bodyTaint, value: bodyValue, of: function)
        }
        reportResponse(taint, value: value, of: function)
    }

    /// A handler's response of `value` carrying `taint`, where it is text sent as HTML.
    private mutating func reportResponse(_ taint: Taint, value: Expr, of function: FunctionInfo) {
        // Text the handler builds or passes on as it came, or a helper of this file builds
        // (`return render_page(name)`); not objects such as a fetched response or a dict
        // (sent as JSON).
        switch value.kind {
        case .name(let id, _):
            if isRecord(value) { return }
            // `resp = redirect(next_url)`, then `resp.set_cookie(...)`: a response made already,
            // whose own body (a redirect's) the framework escapes.
            if let bound = engine.onlyAssignment(of: id, around: value.loc.startByte), case .call(let maker, _, _) = bound.kind,
               let made = engine.imports.qualifiedName(of: maker), XSSFlowRule.madeResponses.contains(made) { return }
        case .joinedStr, .binOp, .subscript:
            break
        case .attribute(let base, _, _):
            if case .call = base.kind { return }
        case .call:
            if Self.isBuiltText(value) { break }
            guard let site = CallSite(value, imports: engine.imports), let (_, summary, _) = resolveLocal(site),
                  summary.returnsBuiltText == true else { return }
        default:
            return
        }
        for (index, rule) in engine.rules.enumerated() where rule.sinksOnHandlerReturn && taint.isDangerous(for: engine.ruleCWEs[index]) {
            let loc = value.loc
            engine.report(rule: index, at: (loc.lineno, loc.colOffset + 1, loc.endLineno, loc.endColOffset + 1), taint: taint,
                          sink: "the response of \(function.qualifiedName)")
        }
    }

    /// `found` of `found = find_bin(zone, code)`: what the helper gives, a record (sent as
    /// JSON by a handler) where it builds no text; a dict or list made here, likewise.
    /// A helper's call itself (`self.write(to_record(x))`) counts too.
    mutating func isRecord(_ value: Expr) -> Bool {
        var bound = value
        if case .name(let id, _) = value.kind {
            guard let found = engine.onlyAssignment(of: id, around: value.loc.startByte) else { return false }
            bound = found
        }
        switch bound.kind {
        case .dict, .list, .dictComp, .listComp:
            return true
        case .call:
            guard let site = CallSite(bound, imports: engine.imports) ?? CallSite(unresolved: bound),
                  let (_, summary, _) = resolveLocal(site) else { return false }
            return summary.recordReturns != nil && !summary.recordReturnsMixed
        default:
            return false
        }
    }

    /// Text built by the expression itself: an f-string, `+`/`%` of strings, a string
    /// method's result.
    static func isBuiltText(_ value: Expr) -> Bool {
        switch value.kind {
        case .joinedStr, .binOp:
            return true
        case .constant(.str, _):
            return true
        case .call:
            guard case .attribute(_, let method, _) = (value.callFunction?.kind ?? .constant(value: .none, kind: nil)) else { return false }
            return ["format", "join", "replace", "strip", "lower", "upper", "to_html"].contains(method)
        default:
            return false
        }
    }

    /// Whether `id` is bound, in the function around source byte `position`, to a file from
    /// `tempfile` (`with tempfile.NamedTemporaryFile() as tmp`, `tmp = tempfile.TemporaryFile()`).
    func isTemporaryFile(_ id: String, at position: Int) -> Bool {
        let module = engine.parsed.module
        guard let value = module.withItemValue(of: id, inFunctionAround: position) ?? module.onlyAssignment(of: id, inFunctionAround: position),
              case .call(let callee, _, _) = value.kind, let name = engine.imports.qualifiedName(of: callee) else { return false }
        return name.hasPrefix("tempfile.")
    }


    // MARK: Expressions

    /// The name under which a store into `container` is seen by every function: a module
    /// table's, Flask's or Quart's `session`, or a view's `request.session` (Django).
    func sharedStore(_ container: Expr) -> String? {
        switch container.kind {
        case .name(let id, _):
            if isModuleTable(id) { return id }
            if let name = engine.imports.qualifiedName(of: container), name == "flask.session" || name == "quart.session" { return id }
            return nil
        case .attribute(let owner, "session", _):
            guard case .name(let id, _) = owner.kind, let handler = function, handler.isHandler,
                  handler.parameters.first == id || id == "request" else { return nil }
            return Self.viewSession
        default:
            return nil
        }
    }

    /// The global every view's `request.session` (whatever the parameter's name) is kept under.
    static let viewSession = "request.session"

    /// Whether `name`, read in the function being analysed, is a table the module binds at its
    /// top level (the function binds no local of that name).
    func isModuleTable(_ name: String) -> Bool {
        guard let function, engine.moduleTables.contains(name) else { return false }
        var local = false
        Module(body: function.body).forEachBinding(intoNestedScopes: false) { if $0 == name { local = true } }
        return !local && !function.parameters.contains(name)
    }

    static let requestObjects: Set<String> = ["flask.request", "quart.request", "bottle.request"]

    /// A check on an attribute (`if not GIT_REF.fullmatch(request.git_ref): abort()`): what
    /// the attribute holds is kept under its path from here, so what the check proves of it
    /// holds at later reads.
    mutating func holdPaths(_ effect: Guard, at loc: Loc) {
        for key in effect.checkedPaths.sorted() where environment[key] == nil {
            guard let dot = key.firstIndex(of: ".") else { continue }
            let owner = Expr(.name(id: String(key[..<dot]), ctx: .load), loc)
            guard let held = expression(Expr(.attribute(value: owner, attr: String(key[key.index(after: dot)...]), ctx: .load), loc), depth: 1) else { continue }
            environment[key] = held
            checkedOnlyPaths.insert(key)
            recorder.storesPaths = true
        }
    }

    /// `INDEXES.get(stream)` or `INDEXES[stream]` of a module table of instances of one class.
    func tableElementClass(_ value: Expr) -> String? {
        switch value.kind {
        case .call(let function, _, _):
            guard case .attribute(let table, "get", _) = function.kind, case .name(let id, _) = table.kind else { return nil }
            return engine.tableClasses[id]
        case .subscript(let table, let slice, _):
            // `request.app["feed_client"]`: what the file keeps in its application's registry.
            if let key = slice.stringConstant, let className = engine.registryInstances[key] { return className }
            guard case .name(let id, _) = table.kind else { return nil }
            return engine.tableClasses[id]
        default:
            return nil
        }
    }

    /// The tree a loop over `ast.walk(tree)` checks node by node, raising on any node that is
    /// not an instance of given classes (`if not isinstance(node, ALLOWED_NODES): raise`).
    static func allowListedTree(target: Expr, iter: Expr, body: [Stmt], imports: ImportTable) -> String? {
        guard case .name(let node, _) = target.kind, case .call(let walker, let walked, _) = iter.kind, walked.count == 1,
              imports.qualifiedName(of: walker) == "ast.walk", case .name(let tree, _) = walked[0].kind else { return nil }
        let checks = body.contains { statement in
            guard case .if(let test, let then, _) = statement.kind, Guard.terminates(then),
                  case .unaryOp(.not, let operand) = test.kind, case .call(let function, let arguments, _) = operand.kind,
                  case .name("isinstance", _) = function.kind, arguments.count == 2, case .name(node, _) = arguments[0].kind else { return false }
            return true
        }
        return checks ? tree : nil
    }

    /// The functions a lookup in a table of functions may give (`HANDLERS.get(name)`,
    /// `self.handlers[command]` of `self.handlers = {"PING": self.ping, ...}` in the
    /// constructor): the table's values, each a function or method of this file.
    func dispatchTargets(_ value: Expr) -> [Expr]? {
        let table: Expr
        switch value.kind {
        case .call(let function, let arguments, _):
            guard case .attribute(let receiver, "get", _) = function.kind, !arguments.isEmpty else { return nil }
            table = receiver
        case .subscript(let container, _, _):
            table = container
        default:
            return nil
        }
        let display: Expr?
        switch table.kind {
        case .name(let id, _):
            // Only a module-level table (found from the top-level statements alone) may hold functions.
            guard engine.moduleTables.contains(id) else { return nil }
            display = engine.moduleDicts[id]
        case .attribute(let owner, let attr, _):
            guard case .name("self", _) = owner.kind, let className = function?.className else { return nil }
            display = engine.constructorDicts[className]?[attr]
        default:
            return nil
        }
        guard let display, case .dict(_, let values) = display.kind, !values.isEmpty else { return nil }
        let functions = values.filter { target in
            switch target.kind {
            case .name(let id, _): return engine.functions[id] != nil
            case .attribute(let owner, let method, _):
                guard case .name("self", _) = owner.kind, let className = function?.className else { return false }
                return engine.functions["\(className).\(method)"] != nil
            default: return false
            }
        }
        return functions.count == values.count ? functions : nil
    }

    /// A dotted key for `self.x` and `obj.attr.sub`, so attribute stores can be read back.
    func pathKey(_ expression: Expr) -> String? {
        switch expression.kind {
        case .name(let id, _): return id
        case .attribute(let value, let attr, _): return pathKey(value).map { "\($0).\(attr)" }
        default: return nil
        }
    }

    /// Untrusted text spliced into a string whose constant start fixes a URL's host
    /// (`"https://api.example.com/u/" + name`, `f"{API}/u/{name}"` with `API` a module
    /// constant: a partial SSRF, no open redirect) or is a path on this site (`"/profile/" +
    /// name`: no open redirect).
    func placedInURL(_ taint: Taint?, by expression: Expr) -> Taint? {
        guard let taint else { return nil }
        let leading = Self.leadingText(of: expression, constants: engine.moduleStrings)
        // Text after a fixed start that is no bare dash (`--title=%s`, `report-%s.pdf`): one
        // argument that cannot start an option of its own (CWE-88).
        var placed = taint
        if let leading, !leading.isEmpty, !leading.hasPrefix("-") || leading.contains("=") { placed = placed.sanitizing([88]) }
        // `f"{settings.SSO_AUTHORIZE_URL}?{params}"`: the operator's URL, then a query or path.
        if startsWithSettingURL(expression) { return placed.withHostFixed }
        guard let leading else { return placed }
        if TaintSources.fixesHost(leading) { return placed.withHostFixed }
        if TaintSources.staysOnSite(leading) { return placed.sanitizing([601]) }
        return placed
    }

    /// Whether `expression` starts with a URL the operator configures (Django's
    /// `settings.AUTHORIZE_URL`, Flask's `app.config["API_URL"]`, a module name read from the
    /// environment), followed at once by fixed text starting a path, query or fragment: what
    /// comes after cannot move the host.
    func startsWithSettingURL(_ expression: Expr) -> Bool {
        let parts: [Expr]
        switch expression.kind {
        case .joinedStr(let values):
            parts = values.map { value in
                if case .formattedValue(let inner, -1, nil) = value.kind { return inner }
                return value
            }
        case .binOp(_, .add, _):
            parts = expression.additionOperands
            // `f"{base}/api?" + urlencode(q)`: as the f-string starts.
            if case .joinedStr = parts.first?.kind, startsWithSettingURL(parts[0]) { return true }
        default:
            return false
        }
        guard parts.count >= 2, startsPathOrQuery(parts[1]) else { return false }
        if isOperatorURLSetting(parts[0]) { return true }
        // `f"{self.status_url}/api/v1/status?{query}"` of a URL whose host was checked, or
        // `f"{base}/{tail}"` of a local the function binds once to no untrusted data (a
        // service's address the program looked up in its own table): what follows picks a path
        // on that host. (A global or an attribute holding nothing known is no proof: a base URL
        // set elsewhere may be anything.)
        switch parts[0].kind {
        case .name(let id, _):
            var copy = self
            guard let base = copy.expression(parts[0], depth: 1) else {
                return engine.onlyAssignment(of: id, around: parts[0].loc.startByte) != nil
            }
            return base.wasMadeSafe(for: 918)
        case .attribute:
            var copy = self
            return copy.expression(parts[0], depth: 1)?.wasMadeSafe(for: 918) == true
        default:
            return false
        }
    }

    /// Fixed text starting a path, query or fragment (`"/api"`, `"?"`), or a choice of such
    /// (`sep = "&" if "?" in base else "?"`, read through a local bound once).
    private func startsPathOrQuery(_ part: Expr, depth: Int = 0) -> Bool {
        if let text = part.stringConstant, let mark = text.first { return "/?#&".contains(mark) && (mark != "&" || depth > 0) }
        guard depth < 3 else { return false }
        switch part.kind {
        case .ifExp(_, let body, let orelse):
            return startsPathOrQuery(body, depth: depth + 1) && startsPathOrQuery(orelse, depth: depth + 1)
        case .name(let id, _):
            guard let bound = engine.onlyAssignment(of: id, around: part.loc.startByte) else { return false }
            return startsPathOrQuery(bound, depth: depth + 1)
        default:
            return false
        }
    }

    private func isOperatorURLSetting(_ value: Expr) -> Bool {
        switch value.kind {
        case .attribute(let owner, let attr, _):
            guard attr == attr.uppercased(), case .name = owner.kind,
                  let name = engine.imports.qualifiedName(of: owner) else { return false }
            return name == "django.conf.settings"
        case .subscript(let table, let key, _):
            guard key.stringConstant != nil, case .attribute(let owner, "config", _) = table.kind, case .name(let app, _) = owner.kind else { return false }
            return app == "app" || app == "current_app"
        case .name(let id, _):
            guard let bound = engine.moduleValues[id] else { return false }
            if case .subscript(let table, _, _) = bound.kind { return engine.imports.qualifiedName(of: table) == "os.environ" }
            guard case .call(let function, _, _) = bound.kind, let name = engine.imports.qualifiedName(of: function) else { return false }
            return name == "os.environ.get" || name == "os.getenv"
        default:
            return false
        }
    }

    /// The constant text a string expression starts with: an f-string's leading parts, the
    /// leading operands of `+`, the template of `%` or `.format`, with module string
    /// constants (`constants`) read as their text. Nil when it starts with none.
    static func leadingText(of expression: Expr, constants: [String: String]) -> String? {
        var text = ""
        // Appends the text of `part` while it is fixed; false once something else starts.
        func append(_ part: Expr) -> Bool {
            switch part.kind {
            case .constant(.str(let value), _): text += value.string; return true
            case .name(let id, _):
                guard let value = constants[id] else { return false }
                text += value
                return true
            case .joinedStr(let values):
                for value in values {
                    switch value.kind {
                    case .constant(.str(let piece), _): text += piece.string
                    case .formattedValue(let inner, -1, nil): guard append(inner) else { return false }
                    default: return false
                    }
                }
                return true
            case .binOp(_, .add, _):
                for operand in part.additionOperands { guard append(operand) else { return false } }
                return true
            case .binOp(let template, .mod, _):
                _ = append(template)
                return false
            case .call(let function, _, _):
                if case .attribute(let template, "format", _) = function.kind { _ = append(template) }
                return false
            default:
                return false
            }
        }
        _ = append(expression)
        return text.isEmpty ? nil : text
    }

    /// `os.path.realpath(p)` or `Path(p).resolve()`: no `..` or link left to leave a base by.
    static func isNormalisedPath(_ value: Expr, callName: String?) -> Bool {
        if let callName, Guard.normalisers.contains(callName) { return true }
        if case .call(let function, let arguments, _) = value.kind {
            if case .attribute(_, "resolve", _) = function.kind { return true }
            // `Path(os.path.realpath(p))`: the normalised path, as a `Path`.
            if callName == "pathlib.Path" || callName == "pathlib.PurePath", arguments.count == 1, case .call(let inner, _, _) = arguments[0].kind,
               case .attribute(_, let method, _) = inner.kind, ["realpath", "abspath", "normpath", "resolve"].contains(method) {
                return true
            }
        }
        return false
    }

    func callName(_ expression: Expr) -> String? {
        guard case .call(let function, _, _) = expression.kind else { return nil }
        return engine.imports.qualifiedName(of: function)
    }

    func isOpenCall(_ expression: Expr) -> Bool {
        guard let name = callName(expression) else { return false }
        return name == "open" || name == "io.open" || name == "codecs.open" || name.hasSuffix(".open") && name.hasPrefix("gzip")
    }

    /// The class of this file a call makes through a class attribute naming it
    /// (`self.renderer_class(...)` with `renderer_class = PdfRenderer` in the class body).
    func classAttributeMade(_ value: Expr) -> String? {
        guard case .call(let function, _, _) = value.kind, case .attribute(let owner, let attr, _) = function.kind,
              case .name("self", _) = owner.kind, let current = self.function?.className else { return nil }
        return engine.classFactories[current]?[attr]
    }

    /// `sub.callback_url` of a record the application keeps: a URL some user registered (a
    /// webhook, a feed, an avatar), so where a request to it goes is theirs to choose (stored
    /// SSRF). Only for requests: the rest of what the record holds is judged where it came
    /// from. Not the program's settings (`settings.API_URL`, `self.base_url`), a response's own
    /// URL, or a module-level object; nor in a file that checks URL hosts somewhere (where
    /// they are registered, presumably: `TaintEngine.checksURLHosts`).
    func storedURL(_ attr: String, of value: Expr, at loc: Loc) -> Taint? {
        guard TaintSources.storedURLFields.contains(attr), case .name(let id, _) = value.kind,
              !TaintSources.notRecords.contains(id.lowercased()),
              // A server, thread or double a test starts (`serverthread.url`): its own address.
              !["server", "thread", "mock", "fake", "stub", "httpd"].contains(where: id.lowercased().contains),
              engine.imports.binding(of: id) == nil,
              engine.moduleValues[id] == nil, engine.moduleStrings[id] == nil, !engine.classNames.contains(id),
              !engine.checksURLHosts else { return nil }
        return Taint.source(line: loc.lineno, column: loc.colOffset + 1, "\(id).\(attr), a URL a user stored")
            .sanitizing(Set(engine.ruleCWEs).subtracting([918]))
    }

    /// Whether `value` may be a model the request's data was parsed into (an instance of a
    /// dataclass or pydantic model of this file, made or declared here, or a model parser's
    /// result), whose `.id` is what the client sent. Any other object with an `.id` attribute
    /// is a record some store or service keeps (`user.id`, `invoice.id`, `ctx.author.id`):
    /// parsed JSON is dicts, which have no attributes.
    func holdsParsedModel(_ value: Expr) -> Bool {
        guard case .name(let id, _) = value.kind else { return false }
        // A handler's parameter declared as a class (`body: OrderIn`) is the request's body, parsed.
        if let type = function?.declaredType(of: id) { return engine.dataclassFields[type] != nil || function?.isHandler == true }
        guard var bound = engine.onlyAssignment(of: id, around: value.loc.startByte) else { return false }
        if case .await(let awaited) = bound.kind { bound = awaited }
        guard case .call(let function, _, let keywords) = bound.kind else { return false }
        // `Member(id=request.params["id"])`: given its id by whoever made it.
        if keywords.contains(where: { $0.arg == "id" }) { return true }
        switch function.kind {
        case .name(let callee, _):
            return engine.dataclassFields[callee] != nil
        case .attribute(let owner, let method, _):
            if Self.modelParsers.contains(method) { return true }
            if case .name(let owner, _) = owner.kind, engine.dataclassFields[owner] != nil { return true }
            return false
        default:
            return false
        }
    }

    /// Methods parsing data into a model (`OrderIn.parse_obj(payload)`).
    static let modelParsers: Set<String> = ["parse_obj", "parse_raw", "model_validate", "model_validate_json", "from_dict", "from_json", "loads", "load", "validate"]

    /// Method names of a repository's or service's lookups and inserts (`find_by_email`).
    static let recordMethodPrefixes = ["find_", "get_by", "fetch_", "lookup", "create_", "insert_", "save_", "register_", "authenticate", "verify", "upsert", "retrieve_"]

    /// Whether `value` names a database record whose `id` the database assigned: bound once
    /// to a model made without an `id` (`member = Member(email=e)`) or to a query's row
    /// (`user = User.query.filter_by(name=n).first()`, `repo.find_by_email(e)`): a dict's `["id"]`.
    func isStoredRecord(_ value: Expr) -> Bool {
        guard case .name(let id, _) = value.kind,
              var bound = engine.onlyAssignment(of: id, around: value.loc.startByte) else { return false }
        if case .await(let awaited) = bound.kind { bound = awaited }
        guard case .call(let function, _, let keywords) = bound.kind else { return false }
        switch function.kind {
        case .name(let callee, _):
            return callee.first?.isUppercase == true && !keywords.contains { $0.arg == "id" } && engine.dataclassFields[callee] == nil
        case .attribute(_, let method, _):
            // A repository's or service's lookup or insert (`repo.find_by_email(email)`,
            // `service.create_paid_order(...)`): a record the application keeps.
            return ["first", "one", "one_or_none", "get_or_404", "first_or_404", "scalar", "create", "get_object"].contains(method)
                || Self.recordMethodPrefixes.contains { method.hasPrefix($0) }
        default:
            return false
        }
    }

    /// `opts["sort"]` (or `opts.get("sort")`) of a parameter this function reads only by
    /// constant keys: that key's marker (`TaintOrigin.parameterField`), which the caller
    /// resolves against what it passes (a record, key by key; anything else, whole). Not in a
    /// handler (its parameters are sources) nor in a method storing in `self` (whose summary
    /// records whole parameters).
    func keyedParameterField(_ container: Expr, _ key: String, _ held: Taint?) -> Taint? {
        guard case .name(let id, _) = container.kind, let function, !function.isHandler,
              let index = function.parameters.firstIndex(of: id), held?.origins == [.parameter(index)],
              !engine.functionsStoringInSelf.contains(function.qualifiedName),
              engine.keyedOnlyParameters(of: function).contains(id) else { return nil }
        return Taint(origins: [.parameterField(index, key)], steps: [])
    }

    /// The parameter (its index) `receiver` names, still holding what was passed, when every
    /// call of this function passes an instance of one class of this file (or it is declared
    /// as one): its attributes are followed one by one (`TaintOrigin.parameterField`). Not in
    /// a method storing in `self`: what it stores is recorded by whole parameters.
    func parameterInstance(_ receiver: Expr) -> (index: Int, className: String)? {
        guard case .name(let id, _) = receiver.kind, id != "self", id != "cls", let function,
              let index = function.parameters.firstIndex(of: id), !function.isHandler,
              !engine.functionsStoringInSelf.contains(function.qualifiedName),
              environment[id]?.origins == [.parameter(index)] else { return nil }
        let className = declaredClass(of: id) ?? engine.passedClass(of: function, parameter: id)
        return className.map { (index, $0) }
    }

    /// Reading property `attr` of `value`: its getter's summary, over what is known of the
    /// instance's attributes (this method's own markers for `self`, a parameter's fields, or
    /// what the constructor stored in an instance made here). Nil when it is no property of a
    /// known class.
    mutating func propertyRead(of value: Expr, _ attr: String) -> Taint?? {
        guard engine.propertyNames.contains(attr) else { return nil }
        let className: String
        let attributeTaint: (String) -> Taint?
        switch value.kind {
        case .name("self", _):
            // Only attributes a constructor fills, or some method stored untrusted data in, can
            // come back.
            guard let owner = function?.className, engine.constructors[owner] != nil || engine.dataclassFields[owner] != nil
                    || engine.classAttributes[owner]?.isEmpty == false else { return nil }
            className = owner
            attributeTaint = { Taint(origins: [.attribute($0)], steps: []) }
        case .name(let id, _):
            if let (index, owner) = parameterInstance(value) {
                // A property its model's validators prove safe (`ticket.image` of checked fields).
                if let effect = validatedField(attr, ofParameter: id) { return .some(effect.apply(to: Taint(origins: [.parameterField(index, attr)], steps: []))) }
                className = owner
                attributeTaint = { Taint(origins: [.parameterField(index, $0)], steps: []) }
            } else if let owner = instances[id], instanceAttributes[id] != nil, let attributes = receiverAttributes(named: id) {
                // What the constructor stored, as checks since left it (`job.geometry` matched).
                className = owner
                attributeTaint = { Taint.attribute($0, in: attributes, orAny: false) }
            } else if let owner = instances[id], instanceAttributes[id] == nil, let whole = environment[id] {
                // An instance a helper returned (`ref = parse_ref(request.args)`): each attribute
                // holds what the instance does, field by field where its record is known.
                className = owner
                attributeTaint = { whole.field($0) }
            } else {
                return nil
            }
        case .call(let maker, _, _):
            // `UploadTarget(project, "").directory`: what the constructor has just stored.
            guard case .name(let made, _) = maker.kind, engine.classNames.contains(made), engine.imports.binding(of: made) == nil,
                  engine.properties[made]?.contains(attr) == true else { return nil }
            _ = expression(value, depth: 1)
            guard let construction = lastConstruction, construction.start == value.loc.startByte else { return nil }
            className = made
            attributeTaint = { construction.attributes["self.\($0)"] }
        default:
            return nil
        }
        guard engine.properties[className]?.contains(attr) == true else { return nil }
        let name = "\(className).\(attr)"
        engine.demanded.insert(name)
        engine.consult(name)
        let summary = engine.summaries[name] ?? FunctionSummary()
        // The getter's own sinks (`re.compile(self.pattern)` in a cached `compiled` property),
        // reached with what the instance holds.
        for (attribute, hits) in summary.attributeSinks.sorted(by: { $0.key < $1.key }) {
            guard let taint = attributeTaint(attribute) else { continue }
            reachSinks(hits, with: taint.through(line: value.loc.lineno, column: value.loc.colOffset + 1, "used by \(name)"))
        }
        var read = summary.returnedSource
        for (attribute, safety) in summary.returnedAttributeSafety.sorted(by: { $0.key < $1.key }) {
            read = Taint.merge(read, attributeTaint(attribute).map(safety.apply))
        }
        return .some(read)
    }

    /// Binds a loop's (or a comprehension's) target to what iterating `iter` gives. A
    /// mapping's keys are told from its values (`for column, value in filters.items()`,
    /// `for column in filters.keys()`; see `Taint.keysOfMapping`). Returns the mapping's
    /// taint for `items()`, nil otherwise.
    @discardableResult
    mutating func bindIteration(_ target: Expr, over iter: Expr, depth: Int) -> Taint? {
        if case .call(let function, let arguments, let keywords) = iter.kind, arguments.isEmpty, keywords.isEmpty,
           case .attribute(let mapping, let method, _) = function.kind, method == "items" || method == "keys" {
            let whole = expression(mapping, depth: depth + 1)
            guard let whole, isExactMapping(mapping, whole, iteratedItself: false) else {
                bind(target, whole?.withoutStructure, value: iter)
                return nil
            }
            let keys = whole.keysOfMapping
            if method == "keys" {
                bind(target, keys, value: iter)
                return nil
            }
            let values = whole.anyValue
            if case .tuple(let targets, _) = target.kind, targets.count == 2 {
                bind(targets[0], keys, value: iter)
                bind(targets[1], values, value: iter)
            } else {
                bind(target, Taint.merge(keys, values), value: iter)
            }
            return whole
        }
        // `for line in self.rfile` in a request handler: the request's lines.
        if case .attribute(let owner, "rfile", _) = iter.kind, case .name("self", _) = owner.kind, servesRequests {
            bind(target, Taint.source(line: iter.loc.lineno, column: iter.loc.colOffset + 1, "the request body (self.rfile)"), value: iter)
            return nil
        }
        var taint = expression(iter, depth: depth + 1)
        // `for column in filters` of a record: its keys. Of a parameter or attribute: its keys
        // if a mapping, its elements if not, as the caller's value says.
        if let held = taint, isExactMapping(iter, held, iteratedItself: true) { taint = held.keysOfMapping } else { taint = taint?.element }
        bind(target, taint, value: iter)
        return nil
    }

    /// Whether `held`, what `mapping` holds, is the mapping itself, keys and all, so its keys
    /// can be told apart (`Taint.keysOfMapping`): a dict made here, a parameter as passed, or
    /// an attribute every store of which is a parameter's mapping as passed. A value only
    /// derived from one (`names = list(filters.values())`) carries the same marker or record,
    /// but not the same keys. Iterated itself (`for c in filters`, not `filters.items()`), it
    /// must also be sure to be a mapping: a list's elements are no keys.
    func isExactMapping(_ mapping: Expr, _ held: Taint, iteratedItself: Bool) -> Bool {
        if held.fields != nil {
            switch mapping.kind {
            case .dict, .dictComp: return true
            case .name(let id, _):
                guard let values = engine.parsed.module.plainAssignments(of: id, inFunctionAround: mapping.loc.startByte) else { return false }
                return values.allSatisfy { value in
                    switch value.kind {
                    case .dict, .dictComp: return true
                    default: return false
                    }
                }
            default: return false
            }
        }
        guard held.isParameterOrAttributeMarker, let function else { return false }
        switch mapping.kind {
        case .name(let id, _):
            return function.isUnboundParameter(id) && held.origins == [.parameter(function.parameters.firstIndex(of: id) ?? -1)]
                && (!iteratedItself || function.isDeclaredMapping(id))
        case .attribute(let owner, let attr, _):
            guard case .name("self", _) = owner.kind, let className = function.className,
                  let sureMapping = engine.keyPreservingAttributes[className]?[attr] else { return false }
            return held.origins == [.attribute(attr)] && (!iteratedItself || sureMapping)
        default:
            return false
        }
    }

    /// Whether `value` is made by `pathlib.Path(...)` (or a pure path class) here.
    static func isPathMade(_ value: Expr, imports: ImportTable) -> Bool {
        guard case .call(let function, _, _) = value.kind, let name = imports.qualifiedName(of: function) else { return false }
        return ["pathlib.Path", "pathlib.PurePath", "pathlib.PurePosixPath", "pathlib.PosixPath"].contains(name)
    }

    /// What the validators of the model a parameter of this function is declared as prove of
    /// its field `attr`.
    func validatedField(_ attr: String, ofParameter id: String) -> Guard.Effect? {
        function?.declaredType(of: id).flatMap { engine.fieldValidations[$0]?[attr] }
    }

    /// The text of a constant format spec (`.2f` of `{x:.2f}`).
    static func formatSpecText(_ spec: Expr) -> String? {
        if let text = spec.stringConstant { return text }
        guard case .joinedStr(let parts) = spec.kind else { return nil }
        var text = ""
        for part in parts {
            guard let piece = part.stringConstant else { return nil }
            text += piece
        }
        return text
    }

    /// Whether a format spec is one only numbers or dates accept: a strftime pattern, or a
    /// numeric presentation type at its end.
    static func formatsNumberOrDate(_ format: String) -> Bool {
        if format.contains("%"), format.count > 1 { return true }
        guard let last = format.last else { return false }
        return "dfegxobnEFGX".contains(last)
    }

    /// Whether any of `tests` reads the name `id`.
    static func reads(_ tests: [Expr], _ id: String) -> Bool {
        var found = false
        for test in tests where !found {
            ScopeWalk.walk(test) { expression in
                if case .name(id, _) = expression.kind { found = true }
                return !found
            }
        }
        return found
    }

    /// `request.environ[key]` for a key the client does not write: not an `HTTP_` header, the
    /// query, the path or the body (`REMOTE_USER`, `snapshare.user_id` set by a middleware).
    static func isServerEnvironmentRead(_ environ: Expr, key: String) -> Bool {
        // Django's `request.META` is the same environment.
        guard case .attribute(let owner, let attribute, _) = environ.kind, attribute == "environ" || attribute == "META",
              case .name(let id, _) = owner.kind, id == "request" || id == "req" else { return false }
        return !key.hasPrefix("HTTP_") && !clientEnvironmentKeys.contains(key)
    }
    static let clientEnvironmentKeys: Set<String> = [
        "QUERY_STRING", "PATH_INFO", "REQUEST_URI", "RAW_URI", "CONTENT_TYPE", "CONTENT_LENGTH", "SCRIPT_NAME", "wsgi.input",
        "bottle.request.body", "bottle.request.json", "bottle.request.forms", "bottle.request.query",
    ]

    /// `if x:`, `if not self.ready:`: a test of a name's or an attribute's truth.
    static func testsTruth(_ test: Expr) -> Bool {
        var tested = test
        while case .unaryOp(.not, let operand) = tested.kind { tested = operand }
        switch tested.kind {
        case .name, .attribute: return true
        default: return false
        }
    }

    /// `folder = voyage_dir(voyage)` (or `os.path.join(self.root, code)`) before
    /// `if not voyage.isalnum(): raise`: past the check, a value built only of checked names,
    /// parameters and names bound once is built again from the checked parts. The value's
    /// name and the checked ones must be bound once (or be parameters never rebound), so the
    /// parts are the ones it was built of.
    mutating func rebuildDerived(from proven: [String: Guard.Effect], at position: Int) {
        guard !proven.isEmpty, let function, let anchor = function.body.first?.loc.startByte else { return }
        let builds = engine.plainBuilds(of: function)
        guard !builds.isEmpty else { return }
        // Names looked up at one place of the function, so the engine's table answers again.
        func boundOnce(_ id: String) -> Bool {
            function.isUnboundParameter(id) || engine.onlyAssignment(of: id, around: anchor).map { $0.loc.startByte < position } == true
        }
        let checked = Set(proven.keys.filter { !$0.contains(".") && !$0.contains("[") })
        var rebuilt: [(String, Expr)] = []
        for build in builds where build.value.loc.startByte < position && !checked.contains(build.name) && !build.reads.isDisjoint(with: checked) {
            guard let taint = environment[build.name], !taint.origins.isEmpty, !taint.cleaned,
                  build.reads.allSatisfy({ boundOnce($0) || engine.imports.binding(of: $0) != nil }) else { continue }
            rebuilt.append((build.name, build.value))
        }
        for (name, value) in rebuilt { environment[name] = expression(value, depth: 1) }
    }

    /// The loop's check of each value a literal tuple or list lists, as a guard proving the
    /// values themselves when false: the loop's first statement leaves the function (raise,
    /// return, abort) when its test on the loop variable holds.
    func eachValueChecked(target: Expr, iter: Expr, body: [Stmt]) -> Guard? {
        guard case .name(let variable, _) = target.kind, let first = body.first,
              case .if(let test, let then, let orelse) = first.kind, orelse.isEmpty, Guard.terminates(then),
              let last = then.last else { return nil }
        switch last.kind {
        case .break, .continue: return nil
        default: break
        }
        let items: [Expr]
        switch iter.kind {
        case .tuple(let elements, _), .list(let elements, _): items = elements
        default: return nil
        }
        guard let effect = Guard(test: test, imports: engine.imports, normalisedPaths: normalisedPaths, facts: engine).whenFalse[variable] else { return nil }
        var proven: [String: Guard.Effect] = [:]
        for item in items {
            if let id = Guard.checkedName(item) { proven[id] = effect }
        }
        return proven.isEmpty ? nil : Guard(provenPast: proven)
    }

    /// Whether the function being analysed is a method of a request handler class.
    var servesRequests: Bool {
        function?.className.map(engine.requestHandlerClasses.contains) == true
    }

    /// `request.path_params["tid"]` (Starlette) or `request.match_info["tid"]` (aiohttp) of a
    /// parameter every route pattern of the file converts (`{tid:int}`, `{tid:\d+}`).
    func isConvertedPathParameter(_ table: Expr, _ key: Expr) -> Bool {
        guard case .attribute(_, let attr, _) = table.kind, attr == "path_params" || attr == "match_info",
              let name = key.stringConstant else { return false }
        return engine.convertedPathNames.contains(name)
    }

    mutating func expression(_ expression: Expr, depth: Int) -> Taint? {
        guard depth < Self.maximumDepth else { return nil }
        switch expression.kind {
        case .name(let id, _):
            if let held = environment[id] { return held }
            // Flask's (or Quart's, Bottle's) request object handed whole to a helper
            // (`TemplateDraft.from_request(request)`): what the helper reads of it is the client's.
            if id == "request", let name = engine.imports.qualifiedName(of: expression), Self.requestObjects.contains(name) {
                return Taint.source(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "the request (\(name))")
            }
            return nil
        case .constant, .lambda:
            return nil
        case .attribute(let value, let attr, _):
            // What was stored there, or what a check proved of it (`holdPaths`).
            if recorder.storesPaths, let key = pathKey(expression), let stored = environment[key] { return stored }
            if let source = TaintSources.attributeSource(expression, imports: engine.imports) { return source }
            // `request.user.account_id` in a view: the signed-in account the server looked up,
            // not text the client sent.
            if TaintSources.serverSideRequestAttributes.contains(attr), case .name(let id, _) = value.kind,
               let handler = function, handler.isHandler, handler.parameters.first == id || id == "request"
                || id == "req" && handler.parameters.prefix(2).contains(id) {
                return nil
            }
            // A view's `request.session`: what the server stored, only outside data a request put there.
            if attr == "session", case .name(let id, _) = value.kind, let handler = function, handler.isHandler,
               handler.parameters.first == id || id == "request" {
                return environment[Self.viewSession]
            }
            // `request.FILES["f"]` in a view: uploaded file objects, not paths (their `.name`
            // and `.filename` are the client's text again).
            if attr == "FILES" || attr == "files", case .name(let id, _) = value.kind,
               let handler = function, handler.isHandler, handler.parameters.first == id || id == "request" {
                return self.expression(value, depth: depth + 1)?.sanitizing([22])
            }
            // `batch.pk`: the primary key the database assigned. `resp.status_code`, aiohttp's
            // `resp.status`: a number. An array's or a data frame's `shape`, `ndim`, `nbytes`:
            // numbers, whatever the cells hold.
            // A queue record's `offset`, `partition` and `timestamp`: numbers the broker assigned.
            if attr == "pk" || attr == "status_code" || attr == "shape" || attr == "ndim" || attr == "nbytes" || attr == "status" && { if case .name(let id, _) = value.kind { id.hasPrefix("resp") || id == "r" } else { false } }()
                || attr == "offset" || attr == "partition" || attr == "timestamp"
                || attr == "id" && !holdsParsedModel(value) {
                _ = self.expression(value, depth: depth + 1)  // its sinks still count (`requests.get(url).status_code`)
                return nil
            }
            // `self.path` in a request handler of `http.server`: the client's request line.
            if case .name("self", _) = value.kind, TaintSources.requestHandlerAttributes.contains(attr), servesRequests {
                let source = Taint.source(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "self.\(attr) of the request")
                // Cut from the request's first line, the path holds no line break (until
                // decoded: `unquote`); a header's value may (folded over lines).
                // `self.request` of a socketserver handler: the connection, or a datagram's
                // `(data, socket)`; a header's value may hold line breaks (folded over lines).
                return attr == "headers" || attr == "request" ? source : source.sanitizing(TaintInterpreter.lineBreakFree)
            }
            // `self.request.body` in a Tornado RequestHandler: what the client sent.
            if TaintSources.tornadoRequestAttributes.contains(attr), case .attribute(let owner, "request", _) = value.kind,
               case .name("self", _) = owner.kind, engine.imports.imports("tornado") {
                return Taint.source(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "self.request.\(attr)")
            }
            if attr == "__class__" || attr == "__name__" { return nil }
            // `args.limit` of `parser.add_argument("--limit", type=int)`: a number, a flag or one
            // of fixed choices, whatever the command line said.
            if engine.plainCommandLineOptions.contains(attr), case .name(let id, _) = value.kind,
               let bound = engine.onlyAssignment(of: id, around: value.loc.startByte), case .call(let parse, _, _) = bound.kind,
               case .attribute(_, let method, _) = parse.kind, method == "parse_args" || method == "parse_known_args" {
                return nil
            }
            // `tmp.name` of a temporary file: a path the library chose, whatever was written to it.
            if attr == "name", case .name(let id, _) = value.kind, isTemporaryFile(id, at: value.loc.startByte) { return nil }
            // A property of a class of this file (`self.output_name`, `job.output_name`): what
            // its getter returns of the instance's attributes.
            if engine.classMemberNames.contains(attr), case .some(let read) = propertyRead(of: value, attr) { return read }
            // `job.size` of an instance made here (`job = Job(request.get_json())`): what its
            // constructor stored there, as its checks left it; not the whole of what it was given.
            if case .name(let id, _) = value.kind, instances[id] != nil, let attributes = instanceAttributes[id],
               engine.instanceAttributeNames[instances[id] ?? ""]?.contains(attr) == true {
                return attributes["self.\(attr)"]
            }
            // `self.x` that the class's constructor fills from its parameters: a marker, so the
            // summary says where it goes (callers know what they passed).
            // Likewise one a setter method or outside code may fill (`svc.configure(cmd)`,
            // `job.cmd = x`): the caller's call or store says what it holds.
            if case .name("self", _) = value.kind, let method = function, let className = method.className,
               !method.qualifiedName.hasSuffix(".__init__") {
                var filled = engine.attributesSetLater[className]?.contains(attr) == true || engine.attributesSetOutside.contains(attr)
                    || engine.dataclassFields[className]?.contains(attr) == true
                if !filled, let constructor = engine.constructors[className] {
                    engine.consult(constructor.qualifiedName)
                    let summary = engine.summaries[constructor.qualifiedName] ?? FunctionSummary()
                    filled = summary.storedParameters["self.\(attr)"] != nil
                }
                if filled {
                    return Taint(origins: [.attribute(attr)], steps: [])  // a marker: no path (`Taint.through`)
                }
            }
            // A file name the client sent (`upload.filename`, Django's `upload.name`) is text fit
            // for any path again.
            // A model's field of that name is the model's (`req.name` checked by its pattern).
            if attr == "filename" || attr == "name", let named = self.expression(value, depth: depth + 1) {
                if named.fields != nil { return named.field(attr) }
                // `Path(entry["name"]).name`: the last part of a path, as `os.path.basename` gives.
                if attr == "name", Self.isPathMade(value, imports: engine.imports) { return named.sanitizing([22]) }
                if case .name(let id, _) = value.kind, let effect = validatedField(attr, ofParameter: id) { return effect.apply(to: named) }
                return named.unsanitizing([22])
            }
            // `spec.region` of a parameter every call passes a `ReportSpec`: that attribute,
            // which each caller knows apart (as its model's validators left it).
            if engine.classMemberNames.contains(attr), let (index, className) = parameterInstance(value),
               engine.instanceAttributeNames[className]?.contains(attr) == true {
                let field = Taint(origins: [.parameterField(index, attr)], steps: [])
                if case .name(let id, _) = value.kind, let effect = validatedField(attr, ofParameter: id) { return effect.apply(to: field) }
                return Taint.merge(field, storedURL(attr, of: value, at: expression.loc))
            }
            let held = self.expression(value, depth: depth + 1)
            // A model's field, checked by its validator (`req.url`): known by the value, or by
            // the parameter's declared model (`def build(self, req: UnfurlRequest)`).
            if let held, held.fields != nil { return held.field(attr) }
            if let held, case .name(let id, _) = value.kind, let effect = validatedField(attr, ofParameter: id) { return effect.apply(to: held) }
            if held?.origins.contains(.source) != true, let stored = storedURL(attr, of: value, at: expression.loc) { return Taint.merge(held, stored) }
            return held
        case .subscript(let value, let slice, _):
            // An element a check proved (`if parts[0] not in SERVICES: return`).
            if checkedElements, let key = Guard.elementKey(expression), let checked = environment[key] { return checked }
            if let key = slice.stringConstant, Self.isServerEnvironmentRead(value, key: key) { return nil }
            // `request.path_params["tid"]` of a route `{tid:int}`: a number.
            if isConvertedPathParameter(value, slice) { return nil }
            // `message["MessageId"]` of a queue's message: what AWS assigned, not the sender's text.
            // `user["id"]` of a record looked up or inserted (see `isStoredRecord`): the key the store assigned.
            if let key = slice.stringConstant, TaintSources.platformAssignedKeys.contains(key) || key == "id" && isStoredRecord(value) {
                _ = self.expression(value, depth: depth + 1)
                return nil
            }
            let container = self.expression(value, depth: depth + 1)
            _ = self.expression(slice, depth: depth + 1)
            if let source = TaintSources.attributeSource(value, imports: engine.imports) { return source }
            // `os.path.splitext(name)[1]`: an extension, cut after the last separator and
            // starting with a dot: no way out of a directory, and no option.
            if case .constant(.int("1"), _) = slice.kind, let name = callName(value), name.hasSuffix("path.splitext") {
                return container?.sanitizing([22, 88])
            }
            // A record's key (`sub["url"]`), or an element of a table of records (`SUBS[sid]`).
            if let container, container.fields != nil || container.elementFields != nil {
                if case .slice = slice.kind { return container }
                if let key = slice.stringConstant, container.fields != nil { return container.field(key) }
                return container.element
            }
            if let key = slice.stringConstant, let marker = keyedParameterField(value, key, container) { return marker }
            return container
        case .call:
            return call(expression, depth: depth)
        case .binOp(let left, .mod, let right) where left.stringConstant != nil:
            // `"user=%r realm=%r" % (user, realm)`: each value as its conversion writes it (repr
            // escapes line breaks; a number has none).
            let conversions = left.stringConstant.flatMap(LogInjectionFlowRule.conversions(in:))
            let values: [Expr]
            if case .tuple(let elements, _) = right.kind { values = elements } else { values = [right] }
            var taint: Taint?
            for (index, value) in values.enumerated() {
                var part = self.expression(value, depth: depth + 1)
                if let conversions, conversions.count == values.count, let written = part {
                    let conversion = conversions[index]
                    if conversion == "r" || conversion == "a" { part = written.sanitizing(Self.lineBreakFree) }
                    else if LogInjectionFlowRule.escapingConversions.contains(conversion) { part = written.cleanedCopy }
                }
                taint = Taint.merge(taint, part)
            }
            return placedInURL(taint, by: expression)
        case .binOp(let left, let op, let right):
            let leftTaint = self.expression(left, depth: depth + 1)
            let taint = Taint.merge(leftTaint, self.expression(right, depth: depth + 1))
            // `'"' + name.replace('"', '""') + '"'`: a quoted SQL identifier, whose every quote
            // inside is doubled, cannot end early (CWE-89).
            if op == .add, let taint, let quote = right.stringConstant, quote == "\"" || quote == "`", Self.isQuotedIdentifier(expression) {
                return taint.sanitizing([89])
            }
            // `MEDIA_ROOT / "uploads" / name`, `out_dir / name` of such a directory: a path that
            // starts with the program's directory, which no dash starts (no option, CWE-88).
            if op == .div, let joined = taint,
               ArgumentInjectionFlowRule.startsWithFixedDirectory(expression) || leftTaint?.wasMadeSafe(for: 88) == true {
                return joined.sanitizing([88])
            }
            return op == .add || op == .mod ? placedInURL(taint, by: expression) : taint
        case .boolOp(_, let values):
            return values.reduce(nil) { Taint.merge($0, self.expression($1, depth: depth + 1)) }
        case .unaryOp(_, let operand):
            return self.expression(operand, depth: depth + 1)
        case .ifExp(let test, let body, let orelse):
            // `u if guard(u) else "/"`: each side sees what the test proves.
            _ = self.expression(test, depth: depth + 1)
            let guardEffect = Guard(test: test, imports: engine.imports, normalisedPaths: normalisedPaths, facts: engine)
            holdPaths(guardEffect, at: test.loc)
            let saved = environment
            guardEffect.applyWhenTrue(&environment)
            let whenTrue = self.expression(body, depth: depth + 1)
            environment = saved
            guardEffect.applyWhenFalse(&environment)
            let whenFalse = self.expression(orelse, depth: depth + 1)
            environment = saved
            return Taint.merge(whenTrue, whenFalse)
        case .joinedStr(let values):
            return placedInURL(values.reduce(nil) { Taint.merge($0, self.expression($1, depth: depth + 1)) }, by: expression)
        case .formattedValue(let value, let conversion, let spec):
            let taint = self.expression(value, depth: depth + 1)
            if let spec { _ = self.expression(spec, depth: depth + 1) }
            // `{total:.2f}`, `{count:d}`, `{when:%H:%M}`: a format only a number or a date
            // accepts (text would raise): what comes out is digits and the format's own text.
            if conversion == -1, let format = spec.flatMap(Self.formatSpecText), Self.formatsNumberOrDate(format) { return taint?.cleanedCopy }
            // `{name!r}`: repr escapes line breaks.
            if conversion == 114 || conversion == 97 { return taint?.sanitizing(Self.lineBreakFree) }
            return taint
        case .list(let elements, _), .tuple(let elements, _):
            let taints = elements.map { self.expression($0, depth: depth + 1) }
            // A command list naming its program (`["ffmpeg", "-i", src, f"title={t}"]`): only
            // the elements that could start an option carry an argument injection (CWE-88), as
            // `ArgumentInjectionFlowRule` judges them at a sink; the list keeps that wherever it goes.
            if elements.count > 1, elements[0].stringConstant != nil, taints.contains(where: { $0 != nil }) {
                let optionable = Set(ArgumentInjectionFlowRule.optionableElements(elements).map(\.loc.startByte))
                return zip(elements, taints).reduce(nil) { merged, pair in
                    Taint.merge(merged, optionable.contains(pair.0.loc.startByte) ? pair.1 : pair.1?.sanitizing([88]))
                }
            }
            return taints.reduce(nil) { Taint.merge($0, $1) }
        case .set(let elements):
            return elements.reduce(nil) { Taint.merge($0, self.expression($1, depth: depth + 1)) }
        case .dict(let keys, let values):
            var taint: Taint?
            for key in keys { if let key { taint = Taint.merge(taint, self.expression(key, depth: depth + 1)) } }
            var fields: [String: Taint]? = [:]
            for (key, value) in zip(keys, values) {
                let valueTaint = self.expression(value, depth: depth + 1)
                taint = Taint.merge(taint, valueTaint?.withoutStructure)
                // `{**order, "total": str(t)}`: the spread record's keys, later ones replacing them.
                guard let key else {
                    fields = Taint.spreading(valueTaint, into: fields)
                    continue
                }
                // `{"url": u, "name": n}`: each key's own data, read back by `record["url"]`.
                if let text = key.stringConstant {
                    let spreadBefore = fields?[Taint.otherKeys] != nil
                    fields?[text] = valueTaint ?? (spreadBefore ? Taint.noData : nil)
                } else {
                    fields = nil
                }
            }
            if taint != nil, let fields { taint?.fields = fields }
            return taint
        case .listComp(let element, let generators), .setComp(let element, let generators), .generatorExp(let element, let generators):
            // Each element is what the element expression makes of the bound targets: `esc(r) for
            // r in rows` is escaped text, whatever `rows` held.
            for generator in generators {
                bindIteration(generator.target, over: generator.iter, depth: depth + 1)
                for condition in generator.ifs { _ = self.expression(condition, depth: depth + 1) }
            }
            return self.expression(element, depth: depth + 1)
        case .dictComp(let key, let value, let generators):
            var mapping: Taint?
            for generator in generators { mapping = bindIteration(generator.target, over: generator.iter, depth: depth + 1) }
            var made = Taint.merge(self.expression(key, depth: depth + 1), self.expression(value, depth: depth + 1))
            // `{k: v for k, v in record.items() if v}`: the record's keys and values, so its fields
            // (some left out); of a parameter or attribute, what the caller's value is.
            if generators.count == 1, let mapping, case .tuple(let targets, _) = generators[0].target.kind, targets.count == 2,
               case .name(let keyName, _) = targets[0].kind, case .name(keyName, _) = key.kind,
               case .name(let valueName, _) = targets[1].kind, case .name(valueName, _) = value.kind {
                made = mapping
            }
            return made
        case .await(let value), .yieldFrom(let value), .starred(let value, _):
            return self.expression(value, depth: depth + 1)
        case .yield(let value):
            // A generator hands out what it yields, as a function returns.
            guard let value else { return nil }
            let taint = self.expression(value, depth: depth + 1)
            if let taint { recordReturned(taint, at: value.loc) }  // no response is built from a yield
            return taint
        case .namedExpr(let target, let value):
            let taint = self.expression(value, depth: depth + 1)
            bind(target, taint, value: value)
            return taint
        case .compare(let left, _, let comparators):
            _ = self.expression(left, depth: depth + 1)
            for comparator in comparators { _ = self.expression(comparator, depth: depth + 1) }
            return nil  // a bool
        case .slice(let lower, let upper, let step):
            for part in [lower, upper, step] { if let part { _ = self.expression(part, depth: depth + 1) } }
            return nil
        }
    }
}
