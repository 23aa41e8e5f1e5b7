import PythonSyntax

/// What the taint engine reads off a file's statements before interpreting anything: its
/// classes, which names hold parsed XML or an HTTP client, and which attributes code outside a
/// class's constructor fills.
extension TaintEngine {
    /// See `moduleClasses`.
    static func classNames(_ module: Module) -> Set<String> {
        Set(module.body.compactMap { statement -> String? in
            if case .classDef(let name, _, _, _, _, _) = statement.kind { return name }
            return nil
        })
    }

    /// Top-level classes deriving (in the file, to any depth) from one of the standard
    /// library's request handlers (`TaintSources.requestHandlerBases`).
    static func requestHandlerClasses(_ module: Module, imports: ImportTable) -> Set<String> {
        var bases: [(name: String, bases: [Expr])] = []
        for statement in module.body {
            if case .classDef(let name, let classBases, _, _, _, _) = statement.kind { bases.append((name, classBases)) }
        }
        var handlers = Set<String>()
        var grew = true
        while grew {
            grew = false
            for (name, classBases) in bases where !handlers.contains(name) {
                let derives = classBases.contains { base in
                    if case .name(let id, _) = base.kind, handlers.contains(id) { return true }
                    return imports.qualifiedName(of: base).map(TaintSources.requestHandlerBases.contains) ?? false
                }
                if derives { handlers.insert(name); grew = true }
            }
        }
        return handlers
    }

    /// See `moduleClients`.
    static func clientNames(_ module: Module, imports: ImportTable) -> [String: String] {
        var clients: [String: String] = [:]
        for statement in module.body {
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
                  let name = clientMade(by: value, imports: imports) else { continue }
            clients[id] = name
        }
        return clients
    }

    /// The HTTP client a value makes: `requests.Session()`, or one made where none was given
    /// (`session or requests.Session()`, `client if client else httpx.Client()`).
    static func clientMade(by value: Expr, imports: ImportTable) -> String? {
        switch value.kind {
        case .call(let maker, _, _):
            return imports.qualifiedName(of: maker).flatMap { TaintSources.httpClients.contains($0) ? $0 : nil }
        case .boolOp(.or, let values):
            return values.lazy.compactMap { clientMade(by: $0, imports: imports) }.first
        case .ifExp(_, let body, let orelse):
            return clientMade(by: body, imports: imports) ?? clientMade(by: orelse, imports: imports)
        default:
            return nil
        }
    }

    /// HTTP clients a class keeps in an attribute (`self.http = aiohttp.ClientSession()` in any
    /// of its methods), by class and attribute; and those its functions take as parameters
    /// declared by type (`session: aiohttp.ClientSession`), by function and parameter.
    static func clientAttributesAndParameters(_ functions: [String: FunctionInfo], imports: ImportTable, module: Module)
        -> (attributes: [String: [String: String]], parameters: [String: [String: String]]) {
        var attributes: [String: [String: String]] = [:]
        var parameters: [String: [String: String]] = [:]
        // No client without its library.
        guard ["requests", "httpx", "aiohttp", "urllib3", "urllib"].contains(where: imports.imports) else { return ([:], [:]) }
        // A constructor parameter every construction in the file gives a client
        // (`FeedClient(aiohttp.ClientSession())`, or a name bound to one where it is called).
        let constructors = Dictionary(functions.values.compactMap { function -> (String, FunctionInfo)? in
            guard let className = function.className, function.qualifiedName == "\(className).__init__" else { return nil }
            return (className, function)
        }, uniquingKeysWith: { first, _ in first })
        // Only files making a client of a library that keeps one (not urllib's plain calls).
        if !constructors.isEmpty, ["requests", "httpx", "aiohttp", "urllib3"].contains(where: imports.imports) {
            var given: [String: [Int: String?]] = [:]  // class → parameter index → the client every call gives (nil: not always one)
            module.walk { node in
                guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind,
                      case .name(let className, _) = function.kind, let constructor = constructors[className], imports.binding(of: className) == nil else { return true }
                func client(_ value: Expr) -> String? {
                    if let type = clientMade(by: value, imports: imports) { return type }
                    if case .name(let id, _) = value.kind, let bound = module.onlyAssignment(of: id, inFunctionAround: value.loc.startByte) {
                        return clientMade(by: bound, imports: imports)
                    }
                    return nil
                }
                for index in 1..<max(1, constructor.parameters.count) {
                    let value = index - 1 < arguments.count ? arguments[index - 1] : keywords.first(where: { $0.arg == constructor.parameters[index] })?.value
                    let type = value.flatMap(client)
                    if let known = given[className]?[index] { given[className]![index] = known == type ? known : .some(nil) } else { given[className, default: [:]][index] = .some(type) }
                }
                return true
            }
            for (className, byIndex) in given {
                guard let constructor = constructors[className] else { continue }
                for (index, type) in byIndex { if let type = type ?? nil { parameters[constructor.qualifiedName, default: [:]][constructor.parameters[index]] = type } }
            }
        }
        for function in functions.values {
            for (name, annotation) in function.annotations {
                if let type = imports.qualifiedName(of: annotation), TaintSources.httpClients.contains(type) {
                    parameters[function.qualifiedName, default: [:]][name] = type
                }
            }
            guard let className = function.className else { continue }
            Module(body: function.body).walkStatements { statement in
                guard case .assign(let targets, let value) = statement.kind, targets.count == 1,
                      case .attribute(let receiver, let attr, _) = targets[0].kind, case .name("self", _) = receiver.kind else { return }
                // `self.http = requests.Session()` (or `session or requests.Session()`), or `self.client = client` of a parameter
                // declared as one (`client: httpx.AsyncClient`).
                if let type = clientMade(by: value, imports: imports) {
                    attributes[className, default: [:]][attr] = type
                } else if case .name(let parameter, _) = value.kind, let type = parameters[function.qualifiedName]?[parameter] {
                    attributes[className, default: [:]][attr] = type
                }
            }
        }
        return (attributes, parameters)
    }

    /// See `attributesSetLater` (found when a method first reads `self.x`).
    static func attributesSetLater(_ functions: [String: FunctionInfo]) -> [String: Set<String>] {
        var later: [String: Set<String>] = [:]
        for function in functions.values {
            guard let className = function.className, !function.qualifiedName.hasSuffix(".__init__") else { continue }
            Module(body: function.body).walkStatements { statement in
                guard case .assign(let targets, _) = statement.kind else { return }
                for target in targets {
                    if case .attribute(let receiver, let attr, _) = target.kind, case .name("self", _) = receiver.kind {
                        later[className, default: []].insert(attr)
                    }
                }
            }
        }
        return later
    }

    /// See `keyPreservingAttributes`.
    static func keyPreservingAttributes(_ functions: [String: FunctionInfo]) -> [String: [String: Bool]] {
        var kept: [String: [String: Bool]] = [:], spoiled: [String: Set<String>] = [:]
        for function in functions.values {
            guard let className = function.className else { continue }
            Module(body: function.body).walkStatements { statement in
                let targets: [Expr], value: Expr?
                switch statement.kind {
                case .assign(let assigned, let assignedValue): (targets, value) = (assigned, assignedValue)
                case .augAssign(let target, _, _), .annAssign(let target, _, nil, _): (targets, value) = ([target], nil)
                case .annAssign(let target, _, let assignedValue?, _): (targets, value) = ([target], assignedValue)
                default: return
                }
                for target in targets {
                    guard case .attribute(let receiver, let attr, _) = target.kind, case .name("self", _) = receiver.kind else { continue }
                    if let value, let (parameter, isMapping) = keyPreservingSource(of: value), function.isUnboundParameter(parameter) {
                        let mapping = isMapping || function.isDeclaredMapping(parameter)
                        kept[className, default: [:]][attr] = (kept[className]?[attr] ?? true) && mapping
                    } else {
                        spoiled[className, default: []].insert(attr)
                    }
                }
            }
        }
        return kept.reduce(into: [:]) { result, entry in
            result[entry.key] = entry.value.filter { !(spoiled[entry.key]?.contains($0.key) ?? false) }
        }
    }

    /// The parameter whose mapping `value` is, keys unchanged, and whether the value is sure
    /// to be a mapping: `filters`, `filters.copy()` (not sure), `dict(filters)`,
    /// `{k: v for k, v in filters.items() if v}` (sure).
    static func keyPreservingSource(of value: Expr) -> (String, Bool)? {
        switch value.kind {
        case .name(let id, _):
            return (id, false)
        case .call(let function, let arguments, let keywords) where keywords.isEmpty:
            if case .name("dict", _) = function.kind, arguments.count == 1, case .name(let id, _) = arguments[0].kind { return (id, true) }
            if arguments.isEmpty, case .attribute(let owner, "copy", _) = function.kind, case .name(let id, _) = owner.kind { return (id, false) }
            return nil
        case .dictComp(let key, _, let generators):
            guard generators.count == 1, case .tuple(let targets, _) = generators[0].target.kind, targets.count == 2,
                  case .name(let keyName, _) = targets[0].kind, case .name(keyName, _) = key.kind,
                  case .call(let items, let arguments, _) = generators[0].iter.kind, arguments.isEmpty,
                  case .attribute(let owner, "items", _) = items.kind, case .name(let id, _) = owner.kind else { return nil }
            return (id, true)
        default:
            return nil
        }
    }

    /// See `attributesSetOutside`: only stores on a name that holds an instance of a class of
    /// this file (`f = Fetcher()` … `f.url = x`). Any object's attributes would make nearly
    /// every `self.x` a marker to follow, for nothing.
    static func attributesSetOutside(_ module: Module, classes: Set<String>) -> Set<String> {
        guard !classes.isEmpty else { return [] }
        var instances = Set<String>()
        var stores: [(String, String)] = []
        module.walkStatements { statement in
            guard case .assign(let targets, let value) = statement.kind else { return }
            for target in targets {
                switch target.kind {
                case .name(let id, _):
                    if let called = value.calledName, classes.contains(called) { instances.insert(id) }
                case .attribute(let receiver, let attr, _):
                    if case .name(let id, _) = receiver.kind, id != "self", id != "cls" { stores.append((id, attr)) }
                default:
                    break
                }
            }
        }
        return Set(stores.filter { instances.contains($0.0) }.map(\.1))
    }

    static let xmlNavigators: Set<String> = ["getroot", "find", "parse", "fromstring", "XML", "ElementTree", "getiterator"]

    /// See `xmlElements`: names assigned an `xml.etree`/`lxml.etree`/`defusedxml` call's
    /// result, or a `getroot()`/`find()` of one of those names.
    static func xmlElementNames(_ module: Module, imports: ImportTable) -> Set<String> {
        guard ["xml.etree", "lxml", "defusedxml"].contains(where: imports.imports) else { return [] }
        var assignments: [(String, Expr)] = []
        module.walkStatements { statement in
            if case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
               case .call = value.kind {
                assignments.append((id, value))
            }
        }
        var names = Set<String>()
        for _ in 0..<2 {
            for (id, value) in assignments where !names.contains(id) {
                guard case .call(let function, _, _) = value.kind else { continue }
                if let name = imports.qualifiedName(of: function),
                   name.hasPrefix("xml.etree.") || name.hasPrefix("lxml.etree.") || name.hasPrefix("defusedxml.") {
                    names.insert(id)
                } else if case .attribute(let receiver, let method, _) = function.kind, xmlNavigators.contains(method) {
                    var base = receiver
                    while case .call(let inner, _, _) = base.kind, case .attribute(let next, _, _) = inner.kind { base = next }
                    if case .name(let root, _) = base.kind, names.contains(root) { names.insert(id) }
                }
            }
        }
        return names
    }

    /// See `moduleStrings`.
    /// `assignments`: the module's names bound once (`FileFacts.moduleAssignments`).
    static func moduleStrings(_ module: Module, assignments: [String: Expr]) -> [String: String] {
        // Also text built from such names (`MANIFEST_URL = MIRROR + "/MANIFEST.tsv"`), folded in
        // the order the module binds them.
        let candidates = assignments.filter { _, value in
            switch value.kind {
            case .constant(.str, _), .binOp(_, .add, _), .joinedStr: return true
            default: return false
            }
        }
        guard !candidates.isEmpty else { return [:] }
        var strings: [String: String] = [:]
        func fold(_ expression: Expr) -> String? {
            switch expression.kind {
            case .constant(.str(let text), _): return text.string
            case .name(let id, _): return strings[id]
            case .binOp(let left, .add, let right):
                guard let head = fold(left), let tail = fold(right) else { return nil }
                return head + tail
            case .joinedStr(let values):
                var text = ""
                for value in values {
                    if case .formattedValue(let inner, -1, nil) = value.kind, let piece = fold(inner) { text += piece }
                    else if let piece = fold(value) { text += piece } else { return nil }
                }
                return text
            default: return nil
            }
        }
        for statement in module.body {
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
                  candidates[id] != nil, let text = fold(value) else { continue }
            strings[id] = text
        }
        return strings
    }

    /// See `moduleTextLists`.
    static func moduleTextLists(_ module: Module, assignments: [String: Expr], strings: [String: String]) -> [String: [String]] {
        var lists = assignments.compactMapValues(\.stringLiterals)
        if !lists.isEmpty {
            // Never changed in place either (`ALLOWED.append(x)`, `ALLOWED += [x]`).
            var changed = Set<String>()
            module.walk { node in
                if case .expr(let expression) = node, case .attribute(let owner, let method, _) = expression.kind,
                   case .name(let id, _) = owner.kind, TaintInterpreter.containerWrites.contains(method) || method == "remove" || method == "pop" {
                    changed.insert(id)
                }
                if case .stmt(let statement) = node, case .augAssign(let target, _, _) = statement.kind, case .name(let id, _) = target.kind {
                    changed.insert(id)
                }
                return true
            }
            lists = lists.filter { !changed.contains($0.key) }
        }
        return lists.merging(strings.mapValues { [$0] }) { list, _ in list }
    }

    /// See `compiledPatterns`.
    static func compiledPatternNames(_ module: Module, imports: ImportTable) -> [String: String?] {
        guard imports.imports("re") || imports.imports("regex") else { return [:] }
        var patterns: [String: String?] = [:]
        module.walkStatements { statement in
            if case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
               case .call(let function, let arguments, _) = value.kind, let name = imports.qualifiedName(of: function),
               name == "re.compile" || name == "regex.compile" {
                patterns[id] = .some(arguments.first?.stringConstant)
            }
        }
        return patterns
    }
}

extension TaintEngine: GuardFacts {
    func compiledPattern(named name: String) -> String?? { compiledPatterns[name] }
    func constantTexts(named name: String) -> [String]? { moduleTextLists[name] }
    /// Asked again each time a function is analysed (a few rounds each): kept by name and place.
    func onlyAssignment(of name: String, around position: Int) -> Expr? {
        let key = BindingQuery(name: name, position: position)
        if let known = onlyAssignments[key] { return known }
        let found = parsed.module.onlyAssignment(of: name, inFunctionAround: position)
        onlyAssignments[key] = .some(found)
        return found
    }

    func mayHoldTableLookup(_ name: String) -> Bool { tableLookupNames.contains(name) }

    /// The text a name holds when every value it can hold is fixed text: built from fixed
    /// pieces (`fmt = "appt=%d patient=%r"`, then `fmt += " note=%r"`; the pieces joined), or
    /// unpacked from what a function of the file returns (`fmt, args = describe(record)`),
    /// each returned element fixed text. Nil when any value is not.
    func fixedText(of name: String, around position: Int, depth: Int = 0) -> String? {
        let module = parsed.module
        if let pieces = module.assignedPieces(of: name, inFunctionAround: position) {
            let texts = pieces.compactMap(\.stringConstant)
            return texts.count == pieces.count ? texts.joined() : nil
        }
        guard depth < 2, let (value, index, count) = module.onlyUnpacking(of: name, inFunctionAround: position),
              case .call(let function, _, _) = value.kind, case .name(let helper, _) = function.kind, imports.binding(of: helper) == nil,
              let returned = module.returnedValues(ofFunction: helper) else { return nil }
        var texts: [String] = []
        for value in returned {
            guard case .tuple(let elements, _) = value.kind, elements.count == count else { return nil }
            let element = elements[index]
            if let text = element.stringConstant {
                texts.append(text)
            } else if case .name(let id, _) = element.kind, let text = fixedText(of: id, around: element.loc.startByte, depth: depth + 1) {
                texts.append(text)
            } else {
                return nil
            }
        }
        return texts.joined()
    }

    var subtractsSets: Bool { setDifferences }

    func onlyRebinding(of name: String, around position: Int) -> Expr? {
        parsed.module.onlyRebinding(ofParameter: name, inFunctionAround: position)
    }

    /// Names bound somewhere by `name = TABLE.get(key)` or `TABLE.pop(key, None)` (a constant's
    /// name, upper case).
    static func tableLookupNames(_ module: Module) -> Set<String> {
        var names: Set<String> = []
        module.walkStatements { statement in
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
                  let (tableName, _) = Guard.tableLookup(value), tableName.utf8.allSatisfy({ !(97...122).contains($0) }) else { return }
            names.insert(id)
        }
        return names
    }

    func passedValues(toParameter name: String, around position: Int) -> [Expr]? {
        parsed.module.argumentsPassed(toParameter: name, ofFunctionAround: position)
    }

    func methodValidatorProof(of name: String) -> (ValidatorProof, Int)? {
        guard let named = functionsNamed[name], named.count == 1, let info = functions[named[0]], info.className != nil,
              let proof = validatorProof(of: info.qualifiedName) else { return nil }
        return (proof, info.parameters.first == "self" || info.parameters.first == "cls" ? 1 : 0)
    }

    func validatorProof(of name: String) -> ValidatorProof? {
        if let known = validatorProofs[name] { return known }
        validatorProofs[name] = .some(nil)  // a validator calling itself proves nothing more
        let proof = functions[name].flatMap { computeValidatorProof($0) }
        validatorProofs[name] = .some(proof)
        return proof
    }

    /// What `function` proves of its parameters when it returns true: the early `if bad:
    /// return False` checks hold on every path that returns a test, and each `if cond: return
    /// test` path proves `cond` and `test` (`if not parts.netloc: return u.startswith("/")`);
    /// the proof is what every path proves. Checks spread over statements combine as in one
    /// condition. A parameter rebound by anything but a normalisation of itself
    /// (`target = target.replace("\\", "/").strip()`) is proven nothing.
    static func trueReturnProof(_ function: FunctionInfo, finalTest: Expr, imports: ImportTable, facts: any GuardFacts) -> [String: Guard.Effect] {
        let parameters = Set(function.parameters)
        var exits: [Expr] = []
        var paths: [Expr] = []
        var rebound = Set<String>()
        for statement in function.body.dropLast() {
            if case .if(let test, let body, let orelse) = statement.kind, orelse.isEmpty, body.count == 1, case .return(let returned?) = body[0].kind {
                if returned.isFalsyConstant { exits.append(test); continue }
                if case .constant(.bool(true), _) = returned.kind {
                    paths.append(Guard.allTrue(afterExits: exits, then: test))
                } else {
                    // One flat conjunction, as the checks would be written in one test.
                    let conjuncts = [test, returned].flatMap { part -> [Expr] in
                        if case .boolOp(.and, let values) = part.kind { return values }
                        return [part]
                    }
                    paths.append(Guard.allTrue(afterExits: exits, then: Expr(.boolOp(op: .and, values: conjuncts), returned.loc)))
                }
                exits.append(test)
                continue
            }
            // Any other way out must give nothing true.
            var leavesTrue = false
            ScopeWalk.walk([statement]) { node in
                guard case .stmt(let inner) = node else { return !leavesTrue }
                switch inner.kind {
                case .return(let value): if let value, !value.isFalsyConstant { leavesTrue = true }
                case .assign(let targets, let value):
                    for target in targets {
                        guard case .name(let id, _) = target.kind, parameters.contains(id) else { continue }
                        if !Self.normalises(value, id) { rebound.insert(id) }
                        // `target = target.replace("\\", "/")`: no backslash is left, and a browser
                        // reads the original as this.
                        if inner.loc == statement.loc, Guard.removesBackslashes(value) {
                            let backslash = Expr(.constant(value: .str(PyStr("\\")), kind: nil), value.loc)
                            exits.append(Expr(.compare(left: backslash, ops: [.in], comparators: [target]), value.loc))
                        }
                    }
                case .augAssign(let target, _, _), .annAssign(let target, _, _, _), .for(let target, _, _, _, _):
                    if case .name(let id, _) = target.kind, parameters.contains(id) { rebound.insert(id) }
                default: break
                }
                return !leavesTrue
            }
            if leavesTrue { return [:] }
        }
        if !finalTest.isFalsyConstant { paths.append(Guard.allTrue(afterExits: exits, then: finalTest)) }
        var proven: [String: Guard.Effect]?
        for path in paths {
            let found = Guard(test: path, imports: imports, normalisedPaths: [], facts: facts).whenTrue
            proven = proven.map { Guard.common($0, found) } ?? found
        }
        return (proven ?? [:]).filter { !rebound.contains($0.key) }
    }

    /// `value` is `id` with only case, surrounding space or characters replaced
    /// (`target.replace("\\", "/").strip()`): what is checked of it afterwards holds of both.
    static func normalises(_ value: Expr, _ id: String) -> Bool {
        // `name[:-1] if name.endswith(".") else name`: a trailing character dropped.
        if case .ifExp(_, let body, let orelse) = value.kind {
            return [body, orelse].allSatisfy { branch in
                if case .name(id, _) = branch.kind { return true }
                if case .subscript(let sliced, let slice, _) = branch.kind, case .name(id, _) = sliced.kind,
                   case .slice(nil, let upper?, nil) = slice.kind, upper.intConstant == -1 { return true }
                return normalises(branch, id)
            }
        }
        var current = value
        while case .call(let function, _, _) = current.kind, case .attribute(let receiver, let method, _) = function.kind,
              ["replace", "strip", "lstrip", "rstrip", "lower", "upper", "casefold"].contains(method) {
            current = receiver
        }
        if case .name(id, _) = current.kind { return current.loc != value.loc }
        return false
    }

    /// The statements of `function` that run on every call before it can return or rebind a
    /// parameter: checks among them hold whenever it returns.
    static func checkedPrefix(_ function: FunctionInfo) -> ArraySlice<Stmt> {
        let parameters = Set(function.parameters)
        var end = function.body.startIndex
        scan: for statement in function.body {
            var leaves = false
            ScopeWalk.walk([statement]) { node in
                if leaves { return false }
                switch node {
                case .stmt(let inner):
                    switch inner.kind {
                    case .return, .functionDef, .classDef: leaves = true
                    case .assign(let targets, let value):
                        // `site = site.upper()` before `if not SITE_RE.match(site): abort(400)`: what
                        // is checked of the normalised text holds of the parameter.
                        leaves = targets.contains { if case .name(let id, _) = $0.kind { parameters.contains(id) && !Self.normalises(value, id) } else { false } }
                    case .augAssign(let target, _, _), .annAssign(let target, _, _, _), .for(let target, _, _, _, _):
                        if case .name(let id, _) = target.kind, parameters.contains(id) { leaves = true }
                    default: break
                    }
                case .expr(let expression):
                    switch expression.kind {
                    case .yield, .yieldFrom, .namedExpr: leaves = true
                    default: break
                    }
                default: break
                }
                return !leaves
            }
            if leaves { break scan }
            end += 1
        }
        return function.body[..<end]
    }

    /// What the checkers of this file called in `statements` (`self.patient_dir(mrn)`,
    /// `validate_host(url)`) prove of `function`'s parameters once they return.
    func checkersCalled(in statements: ArraySlice<Stmt>, of function: FunctionInfo) -> [String: Guard.Effect] {
        var proven: [String: Guard.Effect] = [:]
        ScopeWalk.walk(Array(statements)) { node in
            guard case .expr(let expression) = node else { return true }
            switch expression.kind {
            case .ifExp, .boolOp, .listComp, .setComp, .dictComp, .generatorExp: return false  // may not run
            case .call(let callee, let arguments, _):
                guard let (checker, offset) = checker(callee, in: function) else { return true }
                for (index, effect) in checker.whenReturns where index >= offset && index - offset < arguments.count {
                    if case .name(let id, _) = arguments[index - offset].kind { proven[id] = effect }
                }
                return true
            default: return true
            }
        }
        return proven
    }

    /// The checker proof of a call's function when it is a function of this file
    /// (`validate(x)`) or a method of `function`'s class (`self.check(x)`), with how many
    /// parameters precede the call's arguments (1 for the receiver).
    func checker(_ callee: Expr, in function: FunctionInfo?) -> (ValidatorProof, Int)? {
        switch callee.kind {
        case .name(let id, _):
            guard imports.binding(of: id) == nil, functions[id] != nil, let proof = validatorProof(of: id) else { return nil }
            return (proof, 0)
        case .attribute(let receiver, let method, _):
            guard case .name("self", _) = receiver.kind, let className = function?.className,
                  let info = functions["\(className).\(method)"], info.parameters.first == "self",
                  let proof = validatorProof(of: info.qualifiedName) else { return nil }
            return (proof, 1)
        default:
            return nil
        }
    }

    /// What the `if bad: raise ...` statements of a body prove once it runs past them,
    /// name by name (a later check of a name replacing an earlier one's proof).
    func raisingChecks<Body: Sequence<Stmt>>(_ body: Body) -> [String: Guard.Effect] {
        var proven: [String: Guard.Effect] = [:]
        for statement in body {
            // `for info in socket.getaddrinfo(parts.hostname, 443): if not ip_address(info[4][0]).is_global: raise`:
            // past the loop, the URL's host resolves only to public addresses.
            if case .for(_, let iterated, let loopBody, _, _) = statement.kind {
                for id in Guard.publicAddressCheck(iter: iterated, body: loopBody, imports: imports, facts: self) { proven[id] = .safeFor([918]) }
                continue
            }
            // `raise ...`, or a call that does not come back (`abort(400)`, `sys.exit(2)`).
            guard case .if(let test, let exit, _) = statement.kind, let last = exit.last,
                  { if case .raise = last.kind { true } else if case .expr = last.kind { Guard.terminates(exit) } else { false } }() else { continue }
            proven.merge(Guard(test: test, imports: imports, normalisedPaths: [], facts: self).whenFalse) { _, later in later }
        }
        return proven
    }

    /// A function whose every `return` but the last gives a false constant and whose last
    /// statement returns a test (`return parts.hostname in ALLOWED_HOSTS`): what the test
    /// proves of its parameters when true. And for one that raises on bad input (`if host not
    /// in ALLOWED: raise ValueError(host)` before it can return): what the tests prove when
    /// the call returns. A module-level function or a method of a class (`Store.path_for`),
    /// never a handler nor a function nested in another; by parameter index (`self` first).
    private func computeValidatorProof(_ function: FunctionInfo) -> ValidatorProof? {
        // A "handler" only by its `request` parameter (`_is_local(request, target)`) may be a check.
        guard !function.isHandler || function.handlerByParameterName else { return nil }
        if let className = function.className {
            guard function.qualifiedName.hasPrefix(className + "."),
                  !function.qualifiedName.dropFirst(className.utf8.count + 1).contains(".") else { return nil }
        } else if function.qualifiedName.contains(".") {
            return nil
        }
        let parameters = function.parameters
        var proof = ValidatorProof()
        func record(_ effects: [String: Guard.Effect], into table: inout [Int: Guard.Effect]) {
            for (name, effect) in effects {
                if let index = parameters.firstIndex(of: name) { table[index] = effect }
            }
        }
        var returnsValues = false
        ScopeWalk.walk(function.body) { node in
            if case .stmt(let statement) = node, case .return(.some) = statement.kind { returnsValues = true }
            return !returnsValues
        }
        if returnsValues, let last = function.body.last, case .return(let value?) = last.kind {
            let whenTrue = Self.trueReturnProof(function, finalTest: value, imports: imports, facts: self)
            record(whenTrue, into: &proof.whenTrue)
            if function.className != nil, parameters.first == "self" {
                for (key, effect) in whenTrue where key.hasPrefix("self.") && !key.dropFirst(5).contains(".") && !key.contains("[") {
                    proof.attributesWhenTrue[String(key.dropFirst(5))] = effect
                }
            }
        }
        // `if carrier not in CARRIERS: raise ...` before anything returns: whatever it returns,
        // it returned past the check. A function returning no value keeps its checks anywhere
        // in its top level, as before.
        let prefix = Self.checkedPrefix(function)
        let raising = returnsValues ? raisingChecks(prefix) : raisingChecks(function.body)
        record(raising, into: &proof.whenReturns)
        if function.className != nil, parameters.first == "self" {
            for (key, effect) in raising where key.hasPrefix("self.") && !key.dropFirst(5).contains(".") {
                proof.attributesWhenReturns[String(key.dropFirst(5))] = effect
            }
        }
        for (key, effect) in raising {
            guard let dot = key.firstIndex(of: "."), !key.contains("["), let index = parameters.firstIndex(of: String(key[..<dot])),
                  parameters[index] != "self", function.isUnboundParameter(parameters[index]) else { continue }
            let attribute = String(key[key.index(after: dot)...])
            guard !attribute.contains(".") else { continue }
            proof.parameterAttributesWhenReturns[index, default: [:]][attribute] = effect
        }
        // `try: return BASE_PRICES[(material, design)]` with every handler raising: a call
        // that returns found its arguments among a fixed table's keys.
        record(tableKeyChecks(function, through: prefix.endIndex), into: &proof.whenReturns)
        // `base = self.patient_dir(mrn).resolve()` before anything returns: what that checker
        // proves when it returns holds here too.
        record(checkersCalled(in: prefix, of: function), into: &proof.whenReturns)
        // `return os.path.join(self.folder(claim_ref), document)` right after the prefix: the
        // checker runs before anything is returned.
        if prefix.endIndex < function.body.endIndex, case .return(.some) = function.body[prefix.endIndex].kind {
            record(checkersCalled(in: function.body[prefix.endIndex...prefix.endIndex], of: function), into: &proof.whenReturns)
        }
        // `try: ipaddress.ip_address(t); return True` / `except ValueError: return RE.fullmatch(t) is not None`:
        // true only when a conversion accepted the value or the handler's test held.
        if let only = function.body.last, function.body.count <= 2, case .try(let attempt, let handlers, _, _, _) = only.kind,
           !handlers.isEmpty, let last = attempt.last, case .return(let returned?) = last.kind, case .constant(.bool(true), _) = returned.kind {
            var converted = Set<String>()
            for statement in attempt.dropLast() {
                guard case .expr(let value) = statement.kind, case .call(let function, let arguments, _) = value.kind,
                      let name = imports.qualifiedName(of: function), TaintSources.neutralisers.contains(name),
                      case .name(let id, _) = arguments.first?.kind else { continue }
                converted.insert(id)
            }
            var proven = converted
            for handler in handlers {
                guard let end = handler.body.last, case .return(let value?) = end.kind else { proven = []; break }
                if case .constant(.bool(false), _) = value.kind { continue }
                let test = Guard(test: value, imports: imports, normalisedPaths: [], facts: self)
                proven = proven.filter { if case .safe? = test.whenTrue[$0] { true } else { false } }
            }
            record(Dictionary(uniqueKeysWithValues: proven.map { ($0, Guard.Effect.safe) }), into: &proof.whenTrue)
        }
        return proof.whenTrue.isEmpty && proof.whenReturns.isEmpty && proof.attributesWhenReturns.isEmpty && proof.attributesWhenTrue.isEmpty
            && proof.parameterAttributesWhenReturns.isEmpty ? nil : proof
    }

    /// The parameters a function looks up in a module table with fixed keys before it can
    /// return (`price = PRICES[(material, design)]`, or `return PRICES[code]` in a `try` whose
    /// every handler raises or aborts): a lookup that fails leaves by an exception, so a call
    /// that returns found each of them among the table's keys. Only the top-level statements
    /// up to the first that may return (`through`, as `checkedPrefix` ends) count.
    func tableKeyChecks(_ function: FunctionInfo, through end: Int) -> [String: Guard.Effect] {
        guard !function.body.isEmpty else { return [:] }
        let parameters = Set(function.parameters)
        var proven: [String: Guard.Effect] = [:]
        func lookedUp(in statement: Stmt) {
            let value: Expr
            switch statement.kind {
            case .assign(_, let assigned): value = assigned
            case .return(let returned?): value = returned
            case .expr(let evaluated): value = evaluated
            default: return
            }
            guard case .subscript(let table, let key, _) = value.kind, case .name(let tableName, _) = table.kind,
                  let display = moduleDicts[tableName], case .dict(let keys, _) = display.kind, !keys.isEmpty,
                  keys.allSatisfy({ $0.map(Self.isFixedKey) ?? false }) else { return }
            let looked: [Expr]
            if case .tuple(let elements, _) = key.kind { looked = elements } else { looked = [key] }
            for element in looked {
                if case .name(let id, _) = element.kind, parameters.contains(id) { proven[id] = .safe }
            }
        }
        for statement in function.body[function.body.startIndex...min(end, function.body.endIndex - 1)] {
            if case .try(let attempt, let handlers, _, let finalBody, _) = statement.kind {
                // A `finally` that returns swallows the failed lookup's exception.
                guard !handlers.isEmpty, !Self.mayReturn(finalBody), handlers.allSatisfy({ handler in
                    guard let last = handler.body.last else { return false }
                    if case .raise = last.kind { return true }
                    if case .expr = last.kind { return Guard.terminates([last]) }
                    return false
                }) else { continue }
                // Lookups before anything in the `try` may return (`if cached: return cached`).
                for inner in attempt {
                    lookedUp(in: inner)
                    if Self.mayReturn([inner]) { break }
                }
            } else {
                lookedUp(in: statement)
            }
        }
        return proven
    }

    /// Whether any statement of `block` (nested functions aside) returns.
    private static func mayReturn(_ block: [Stmt]) -> Bool {
        var found = false
        ScopeWalk.walk(block) { node in
            if case .stmt(let statement) = node, case .return = statement.kind { found = true }
            return !found
        }
        return found
    }

    /// A dict key written as fixed text or a number, or a tuple of such (`("cr39", "progressive")`).
    private static func isFixedKey(_ key: Expr) -> Bool {
        switch key.kind {
        case .constant: return true
        case .tuple(let elements, _): return elements.allSatisfy { if case .constant = $0.kind { true } else { false } }
        default: return false
        }
    }
}

extension TaintEngine {
    static let dataclassDecorators: Set<String> = ["dataclass", "dataclasses.dataclass", "attr.s", "attrs.define", "attr.define", "attrs.frozen"]

    /// See `fieldValidations`: per pydantic model, what its `@field_validator("f")` (or
    /// `@validator("f")`) methods prove of each field when they return (`if bad: raise ...`,
    /// then `return value`); per dataclass, what its `__post_init__` checks prove.
    func computeFieldValidations() -> [String: [String: Guard.Effect]] {
        var validations: [String: [String: Guard.Effect]] = [:]
        // The file's enumerations (`class Category(str, Enum)`): a field of one holds one of
        // its members, whatever the request said (pydantic rejects anything else).
        var enums: Set<String> = []
        for statement in parsed.module.body {
            guard case .classDef(let name, let bases, _, _, _, _) = statement.kind else { continue }
            if bases.contains(where: { base in
                switch base.kind {
                case .name(let id, _): return id.hasSuffix("Enum")
                case .attribute(_, let attr, _): return attr.hasSuffix("Enum")
                default: return false
                }
            }) { enums.insert(name) }
        }
        func namesEnum(_ annotation: Expr) -> Bool {
            switch annotation.kind {
            case .name(let id, _): return enums.contains(id)
            case .subscript(let generic, let inner, _):  // `Optional[Category]`
                if case .name("Optional", _) = generic.kind { return namesEnum(inner) }
                return false
            case .binOp(let left, .bitOr, let right):  // `Category | None`
                return namesEnum(left) && right.isNoneConstant || namesEnum(right) && left.isNoneConstant
            default: return false
            }
        }
        for statement in parsed.module.body {
            guard case .classDef(let className, let bases, _, let body, _, _) = statement.kind, dataclassFields[className] != nil else { continue }
            let pydantic = bases.contains { base in
                if case .name("BaseModel", _) = base.kind { return true }
                if case .attribute(_, "BaseModel", _) = base.kind { return true }
                return false
            }
            for member in body {
                // `name: str = Field(pattern=r"^[a-z0-9-]+$")`, `constr(pattern=...)`: a field
                // pydantic checks against a pattern matching the whole value.
                // `subscription_id: int`: pydantic converts it (or rejects the request), where a
                // dataclass's annotation checks nothing.
                if case .annAssign(let target, let annotation, let value, _) = member.kind, case .name(let field, _) = target.kind,
                   Self.constrainedByWholePattern(annotation) || value.map(Self.constrainedByWholePattern) == true
                    || pydantic && (FunctionTable.isConvertedType(annotation) || namesEnum(annotation)) {
                    validations[className, default: [:]][field] = .safe
                    continue
                }
                // A dataclass's `__post_init__` raising on bad fields: each field it checks.
                if case .functionDef("__post_init__", _, let inner, _, _, _, _) = member.kind {
                    for (key, effect) in raisingChecks(inner) where key.hasPrefix("self.") {
                        validations[className, default: [:]][String(key.dropFirst(5))] = effect
                    }
                    continue
                }
                guard case .functionDef(_, let arguments, let inner, let decorators, _, _, _) = member.kind,
                      let fields = Self.validatedFields(decorators) else { continue }
                // The value is the first parameter after `cls` (or `self`).
                let parameters = arguments.all.map(\.arg)
                guard let value = parameters.first(where: { $0 != "cls" && $0 != "self" }) else { continue }
                guard let proven = raisingChecks(inner)[value], case .return(let returned?) = inner.last?.kind, case .name(value, _) = returned.kind else { continue }
                for field in fields { validations[className, default: [:]][field] = proven }
            }
        }
        // A property built only from checked fields and module constants
        // (`return f"{REGISTRY}/{self.service}:{self.version}"`) is checked as they are.
        for statement in parsed.module.body {
            guard case .classDef(let className, _, _, let body, _, _) = statement.kind, let checked = validations[className] else { continue }
            for member in body {
                guard case .functionDef(let name, _, let inner, let decorators, _, _, _) = member.kind, inner.count == 1,
                      decorators.contains(where: { if case .name("property", _) = $0.kind { true } else { false } }),
                      case .return(let value?) = inner[0].kind else { continue }
                var effect: [String: Guard.Effect]?
                var usable = true
                ScopeWalk.walk(value) { expression in
                    switch expression.kind {
                    case .attribute(let owner, let attr, _):
                        guard case .name("self", _) = owner.kind else { return true }
                        guard let fieldEffect = checked[attr] else { usable = false; return false }
                        effect = effect.map { Guard.common($0, ["": fieldEffect]) } ?? ["": fieldEffect]
                        return false
                    case .name(let id, _):
                        if id != "self", moduleStrings[id] == nil, moduleValues[id] == nil { usable = false }
                        return false
                    default:
                        return true
                    }
                }
                if usable, let found = effect?[""] { validations[className, default: [:]][name] = found }
            }
        }
        return validations
    }

    /// A pydantic field constraint whose pattern (`pattern=`, v1's `regex=`) must match the
    /// whole value, anchored at both ends (pydantic searches): `Field(pattern=r"^\w+$")`,
    /// `constr(regex=...)`, `StringConstraints(...)`, or one of them inside `Annotated[...]`.
    static func constrainedByWholePattern(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .call(let function, _, let keywords):
            let name: String
            switch function.kind {
            case .name(let id, _): name = id
            case .attribute(_, let attr, _): name = attr
            default: return false
            }
            guard ["Field", "constr", "StringConstraints"].contains(name) else { return false }
            return keywords.contains { ($0.arg == "pattern" || $0.arg == "regex") && Guard.matchesWhole(method: "search", pattern: $0.value.stringConstant) }
        case .subscript(let base, let slice, _):
            guard case .name("Annotated", _) = base.kind, case .tuple(let parts, _) = slice.kind else { return false }
            return parts.dropFirst().contains(where: constrainedByWholePattern)
        default:
            return false
        }
    }

    /// The fields a pydantic validator decorator names: `@field_validator("url")`,
    /// `@validator("url", "host")`.
    static func validatedFields(_ decorators: [Expr]) -> [String]? {
        for decorator in decorators {
            guard case .call(let function, let arguments, _) = decorator.kind else { continue }
            let name: String?
            switch function.kind {
            case .name(let id, _): name = id
            case .attribute(_, let attr, _): name = attr
            default: name = nil
            }
            guard name == "field_validator" || name == "validator" else { continue }
            let fields = arguments.compactMap(\.stringConstant)
            if !fields.isEmpty { return fields }
        }
        return nil
    }

    /// See `dataclassFields`.
    static func dataclassFields(_ module: Module) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for statement in module.body {
            guard case .classDef(let name, let bases, _, let body, let decorators, _) = statement.kind else { continue }
            let decorated = decorators.contains { decorator in
                let callee: Expr
                if case .call(let function, _, _) = decorator.kind { callee = function } else { callee = decorator }
                switch callee.kind {
                case .name(let id, _): return dataclassDecorators.contains(id)
                case .attribute(let owner, let attr, _):
                    if case .name(let module, _) = owner.kind { return dataclassDecorators.contains("\(module).\(attr)") }
                    return false
                default: return false
                }
            }
            let model = bases.contains { base in
                if case .name("BaseModel", _) = base.kind { return true }
                if case .attribute(_, "BaseModel", _) = base.kind { return true }
                return false
            }
            guard decorated || model else { continue }
            fields[name] = body.compactMap { field in
                if case .annAssign(let target, _, _, true) = field.kind, case .name(let id, _) = target.kind { return id }
                return nil
            }
        }
        return fields
    }
}

extension TaintEngine {
    /// The function's names bound once to a plain build of other names (`folder =
    /// voyage_dir(voyage)`), with the names each reads: what `TaintInterpreter.rebuildDerived`
    /// may build again past a check. Found once per function.
    func plainBuilds(of function: FunctionInfo) -> [(name: String, value: Expr, reads: Set<String>)] {
        if let known = plainBuildTable[function.qualifiedName] { return known }
        var found: [(name: String, value: Expr, reads: Set<String>)] = []
        // One walk counting the function's bindings (nested functions aside): a name bound
        // once, by a plain assignment, and no parameter.
        var counts: [String: Int] = [:]
        Module(body: function.body).forEachBinding(intoNestedScopes: false) { counts[$0, default: 0] += 1 }
        let parameters = Set(function.parameters)
        ScopeWalk.walk(function.body) { node in
            guard case .stmt(let statement) = node else { return false }
            if case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
               counts[id] == 1, !parameters.contains(id) {
                var reads: Set<String> = []
                if isPlainBuild(value, reads: &reads), !reads.isEmpty { found.append((id, value, reads)) }
            }
            return true
        }
        plainBuildTable[function.qualifiedName] = found
        return found
    }

    /// Text or a path built of names by joining, formatting, string methods, path functions or
    /// this file's functions: nothing else happens when it is built again. `reads`: the names.
    func isPlainBuild(_ value: Expr, reads: inout Set<String>) -> Bool {
        switch value.kind {
        case .name(let id, _):
            reads.insert(id)
            return true
        case .constant:
            return true
        case .joinedStr(let values):
            return values.allSatisfy { isPlainBuild($0, reads: &reads) }
        case .formattedValue(let inner, _, let spec):
            return isPlainBuild(inner, reads: &reads) && (spec.map { isPlainBuild($0, reads: &reads) } ?? true)
        case .binOp(let left, _, let right):
            return isPlainBuild(left, reads: &reads) && isPlainBuild(right, reads: &reads)
        case .attribute(let base, _, _):
            return isPlainBuild(base, reads: &reads)
        case .tuple(let elements, _), .list(let elements, _):
            return elements.allSatisfy { isPlainBuild($0, reads: &reads) }
        case .call(let callee, let arguments, let keywords):
            guard keywords.isEmpty, arguments.allSatisfy({ isPlainBuild($0, reads: &reads) }) else { return false }
            switch callee.kind {
            case .name(let id, _):
                // `voyage_dir(voyage)`: a function of this file; `str(x)`.
                return id == "str" || imports.binding(of: id) == nil && functions[id] != nil
                    || imports.qualifiedName(of: callee).map(Self.pathBuilders.contains) == true
            case .attribute(let receiver, let method, _):
                if let name = imports.qualifiedName(of: callee), Self.pathBuilders.contains(name) { return true }
                return Self.textMethods.contains(method) && isPlainBuild(receiver, reads: &reads)
            default:
                return false
            }
        default:
            return false
        }
    }

    static let pathBuilders: Set<String> = ["os.path.join", "posixpath.join", "os.path.normpath", "os.path.abspath", "os.path.realpath", "pathlib.Path"]
    static let textMethods: Set<String> = ["lower", "upper", "strip", "format", "join", "replace", "joinpath"]
}
