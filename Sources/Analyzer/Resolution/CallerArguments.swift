import PythonSyntax

extension Module {
    /// What every call in this file passes for parameter `name` of the function around source
    /// byte `position` (its default where a call leaves it out; a constructor's calls are its
    /// class's, `Tester(url)`), so a helper called only with
    /// fixed text (`run_remote(host, "systemctl restart web")`) can be judged by what it is
    /// given. Nil, and nothing to judge by, unless the file shows all the function's uses: it
    /// is an undecorated plain function or method, the parameter is never rebound in it, the
    /// function is called at least once, only ever called (never handed on as a callback), and
    /// no call spreads `*args` or `**kwargs`.
    func argumentsPassed(toParameter name: String, ofFunctionAround position: Int) -> [Expr]? {
        guard let (function, className) = definition(around: position),
              case .functionDef(let functionName, let parameters, let body, let decorators, _, _, _) = function.kind,
              decorators.allSatisfy(Self.keepsCallingConvention) else { return nil }
        let isMethod = className != nil
        // A constructor is called by its class's name (`Tester(url)`).
        let calledName = functionName == "__init__" ? className ?? functionName : functionName
        let calledAsMethod = isMethod && functionName != "__init__"
        let positional = parameters.posonlyargs + parameters.args
        let skipsReceiver = isMethod && !decorators.contains { if case .name("staticmethod", _) = $0.kind { true } else { false } }
        let receiverCount = skipsReceiver ? 1 : 0
        let index = positional.firstIndex { $0.arg == name }
        let keywordIndex = parameters.kwonlyargs.firstIndex { $0.arg == name }
        guard index.map({ $0 >= receiverCount }) ?? (keywordIndex != nil) else { return nil }
        // Rebound inside (`command = command.strip()`): the value used is not the one passed.
        var bindings = 0
        Module(body: body).forEachBinding(intoNestedScopes: false) { if $0 == name { bindings += 1 } }
        guard bindings == 0 else { return nil }

        let defaultValue: Expr? = {
            if let index {
                let offset = index - (positional.count - parameters.defaults.count)
                return offset >= 0 ? parameters.defaults[offset] : nil
            }
            return keywordIndex.flatMap { parameters.kwDefaults[$0] }
        }()
        var passed: [Expr] = []
        var calls = 0
        var usable = true
        // The callee's own expression, met first as a call's function: not a use of its own.
        var callees: Set<Int> = []
        walk { node in
            guard usable else { return false }
            guard case .expr(let expression) = node else { return true }
            switch expression.kind {
            case .call(let callee, let arguments, let keywords) where Self.names(callee, calledName, method: calledAsMethod):
                callees.insert(callee.loc.startByte)
                calls += 1
                if arguments.contains(where: { if case .starred = $0.kind { true } else { false } }) || keywords.contains(where: { $0.arg == nil }) {
                    usable = false
                    return false
                }
                if let keyword = keywords.first(where: { $0.arg == name }) {
                    passed.append(keyword.value)
                } else if let index, index - receiverCount < arguments.count {
                    passed.append(arguments[index - receiverCount])
                } else if let defaultValue {
                    passed.append(defaultValue)
                } else {
                    usable = false
                }
            case .name(calledName, .load) where !calledAsMethod && !callees.contains(expression.loc.startByte),
                 .attribute(_, calledName, .load) where calledAsMethod && !callees.contains(expression.loc.startByte):
                usable = false  // handed on (`Thread(target=run_remote)`): called from elsewhere
            default:
                break
            }
            return usable
        }
        return usable && calls > 0 ? passed : nil
    }

    /// Whether `callee` calls the function `name`: `name(...)`, or `x.name(...)` for a method.
    private static func names(_ callee: Expr, _ name: String, method: Bool) -> Bool {
        switch callee.kind {
        case .name(let id, _): return !method && id == name
        case .attribute(_, let attr, _): return method && attr == name
        default: return false
        }
    }

    /// Decorators that leave the function called as written here (a route decorator has the
    /// framework call it with request data).
    private static func keepsCallingConvention(_ decorator: Expr) -> Bool {
        if case .name(let id, _) = decorator.kind { return id == "staticmethod" || id == "classmethod" }
        return false
    }

    /// The innermost `def` whose source range holds `position`, and the class whose body
    /// holds it directly (a method's).
    func definition(around position: Int) -> (Stmt, String?)? {
        var found: (Stmt, String?)?
        var level = body
        var inClass: String?
        while true {
            guard let statement = level.first(where: { $0.loc.startByte <= position && position < $0.loc.endByte }) else { return found }
            switch statement.kind {
            case .functionDef: found = (statement, inClass); inClass = nil
            case .classDef(let name, _, _, _, _, _): inClass = name
            default: break
            }
            var inner: [Stmt] = []
            statement.forEachBlock { block in
                if block.contains(where: { $0.loc.startByte <= position && position < $0.loc.endByte }) { inner = block }
            }
            guard !inner.isEmpty else { return found }
            level = inner
        }
    }

    /// The name of the innermost `def` around `position`.
    func functionName(around position: Int) -> String? {
        guard let (definition, _) = definition(around: position), case .functionDef(let name, _, _, _, _, _, _) = definition.kind else { return nil }
        return name
    }

    /// Whether `name`, read at byte `position`, is bound once in its function to what a call
    /// of `function` returns (`parser = make_parser(h)`, `reader = self.make()`).
    func holdsResult(of function: String, name: String, at position: Int) -> Bool {
        guard let bound = onlyAssignment(of: name, inFunctionAround: position), case .call(let called, _, _) = bound.kind else { return false }
        switch called.kind {
        case .name(let id, _), .attribute(_, let id, _): return id == function
        default: return false
        }
    }

    /// What the constructor of the class around `position` fixes `self.attr` to: a constant
    /// it stores, or the default of the parameter it stores when that is a constant or a
    /// dotted name (`self.loader_cls = loader_cls` of `def __init__(self, loader_cls=yaml.SafeLoader)`).
    /// Callers that pass another value are not seen.
    func constructorDefault(of attr: String, inClassAround position: Int) -> Expr? {
        guard let stored = onlyConstructorStore(of: attr, inClassAround: position) else { return nil }
        if case .constant = stored.kind { return stored }
        guard case .name(let parameter, _) = stored.kind, let (_, className) = definition(around: position), let className else { return nil }
        var found: Expr?
        for statement in body {
            guard case .classDef(className, _, _, let members, _, _) = statement.kind,
                  statement.loc.startByte <= position, position < statement.loc.endByte else { continue }
            for member in members {
                guard case .functionDef("__init__", let arguments, _, _, _, _, _) = member.kind else { continue }
                let positional = arguments.posonlyargs + arguments.args
                let offset = positional.count - arguments.defaults.count
                if let index = positional.firstIndex(where: { $0.arg == parameter }), index >= offset {
                    found = arguments.defaults[index - offset]
                } else if let index = arguments.kwonlyargs.firstIndex(where: { $0.arg == parameter }), index < arguments.kwDefaults.count {
                    found = arguments.kwDefaults[index]
                }
            }
        }
        guard let value = found else { return nil }
        switch value.kind {
        case .constant, .attribute, .name: return value
        default: return nil
        }
    }

    /// What the constructor of the class around `position` stores in `self.attr`, when that is
    /// the class's only store to it (`self.target = target` in `__init__`, nowhere else).
    func onlyConstructorStore(of attr: String, inClassAround position: Int) -> Expr? {
        guard let (_, stores) = selfStores(of: attr, inClassAround: position), stores.count == 1, stores[0].inConstructor else { return nil }
        return stores[0].value
    }

    /// The value a class gives `attr` in its own body (`table = "clinic_patients"`), when no
    /// method of it stores `self.attr`: what `self.table` and `cls.table` read.
    func onlyClassLevelValue(of attr: String, inClassAround position: Int) -> Expr? {
        guard let (classBody, stores) = selfStores(of: attr, inClassAround: position), stores.isEmpty else { return nil }
        var values: [Expr] = []
        var others = 0
        for member in classBody {
            switch member.kind {
            case .assign(let targets, let value):
                for target in targets { if case .name(attr, _) = target.kind { if targets.count == 1 { values.append(value) } else { others += 1 } } }
            case .annAssign(let target, _, let value, _):
                if case .name(attr, _) = target.kind { if let value { values.append(value) } else { others += 1 } }
            case .augAssign(let target, _, _):
                if case .name(attr, _) = target.kind { others += 1 }
            default:
                break
            }
        }
        return values.count == 1 && others == 0 ? values[0] : nil
    }

    /// Every value the class around `position` gives `attr`: each plain `self.attr = value`
    /// of its methods (`self.order = "posted_on DESC"` in the constructor, `self.order =
    /// f"{column} DESC"` in `sort`) and its body's `attr = value`; nil when one store is of
    /// another kind (`+=`, a tuple target). Whether the file also stores `attr` on another object
    /// (see `attributesStoredOutsideSelf`: the caller asks), which could be an instance of the class.
    func attributeStores(of attr: String, inClassAround position: Int) -> [Expr]? {
        guard let (classBody, stores) = selfStores(of: attr, inClassAround: position), !stores.isEmpty else { return nil }
        var values: [Expr] = []
        for store in stores {
            guard let value = store.value else { return nil }
            values.append(value)
        }
        for member in classBody {
            switch member.kind {
            case .assign(let targets, let value):
                for target in targets { if case .name(attr, _) = target.kind { if targets.count == 1 { values.append(value) } else { return nil } } }
            case .annAssign(let target, _, let value, _):
                if case .name(attr, _) = target.kind { if let value { values.append(value) } }
            case .augAssign(let target, _, _):
                if case .name(attr, _) = target.kind { return nil }
            default:
                break
            }
        }
        return values
    }

    /// The attributes the file stores on an object other than `self` (`search.order =
    /// request.args["sort"]`, `Config.table = name`), or through a tuple target.
    func attributesStoredOutsideSelf() -> Set<String> {
        var stored: Set<String> = []
        walk { node in
            guard case .stmt(let statement) = node else { return true }
            var targets: [Expr] = []
            switch statement.kind {
            case .assign(let assigned, _): targets = assigned
            case .augAssign(let target, _, _), .annAssign(let target, _, _, _): targets = [target]
            default: return true
            }
            for target in targets {
                let parts: [Expr]
                if case .tuple(let elements, _) = target.kind { parts = elements } else { parts = [target] }
                for part in parts {
                    guard case .attribute(let owner, let attr, _) = part.kind else { continue }
                    if case .name("self", _) = owner.kind, parts.count == 1 { continue }
                    stored.insert(attr)
                }
            }
            return true
        }
        return stored
    }

    /// What the file puts in the list attribute `attr`, whatever object holds it: the elements
    /// of each list or tuple stored in it (`self.clauses = ["a = %s"]`, a class body's
    /// `clauses = []`) and each value added to it (`self.clauses.append("b = %s")`, `.insert`,
    /// `.extend([...])`, `+= [...]`, `q.clauses[0] = ...`). Nil when the file stores or changes
    /// it any other way (`self.clauses = clauses`, `.update(...)`), hands it to a function of
    /// its own that could fill it, or never stores it.
    func attributeListContents(of attr: String) -> [Expr]? {
        var contents: [Expr] = [], bound = 0, opaque = false
        var definedNames: Set<String> = [], calleesGivenIt: Set<String> = []
        func elements(_ value: Expr) -> [Expr]? {
            if case .list(let items, _) = value.kind { return items }
            if case .tuple(let items, _) = value.kind { return items }
            return nil
        }
        func isAttr(_ expression: Expr) -> Bool {
            if case .attribute(_, attr, _) = expression.kind { return true }
            return false
        }
        func store(_ target: Expr, _ value: Expr, single: Bool) {
            if isAttr(target) {
                guard single, let items = elements(value) else { opaque = true; return }
                contents += items; bound += 1
            } else if case .subscript(let container, _, _) = target.kind, isAttr(container) {
                if single { contents.append(value) } else { opaque = true }
            } else if case .tuple(let parts, _) = target.kind, parts.contains(where: isAttr) {
                opaque = true
            }
        }
        walk { node in
            guard !opaque else { return false }
            switch node {
            case .stmt(let statement):
                switch statement.kind {
                case .functionDef(let name, _, _, _, _, _, _):
                    definedNames.insert(name)
                case .classDef(let name, _, _, let members, _, _):
                    definedNames.insert(name)
                    for member in members {
                        guard case .assign(let targets, let value) = member.kind,
                              targets.contains(where: { if case .name(attr, _) = $0.kind { true } else { false } }) else { continue }
                        guard targets.count == 1, let items = elements(value) else { opaque = true; return false }
                        contents += items; bound += 1
                    }
                case .assign(let targets, let value):
                    for target in targets { store(target, value, single: targets.count == 1) }
                case .annAssign(let target, _, let value?, _):
                    store(target, value, single: true)
                case .augAssign(let target, _, let value):
                    if isAttr(target) {
                        guard let items = elements(value) else { opaque = true; return false }
                        contents += items
                    }
                default:
                    break
                }
            case .expr(let expression):
                guard case .call(let function, let arguments, let keywords) = expression.kind else { return true }
                if case .attribute(let receiver, let method, _) = function.kind, isAttr(receiver) {
                    if let added = Self.addedToList(by: method, arguments) { contents += added } else { opaque = true }
                }
                if arguments.contains(where: isAttr) || keywords.contains(where: { isAttr($0.value) }) {
                    switch function.kind {
                    case .name(let name, _), .attribute(_, let name, _): calleesGivenIt.insert(name)
                    default: break
                    }
                }
            default:
                break
            }
            return true
        }
        return !opaque && bound > 0 && calleesGivenIt.isDisjoint(with: definedNames) ? contents : nil
    }

    /// The body of the class whose method holds `position`, and every `self.attr` store in its
    /// methods (with the value where it is the only target, and whether the constructor makes it).
    private func selfStores(of attr: String, inClassAround position: Int) -> (body: [Stmt], stores: [(value: Expr?, inConstructor: Bool)])? {
        guard let (_, className) = definition(around: position), let className else { return nil }
        // The innermost class of that name around `position`, found by descending through the
        // statements that hold it (not a walk of the whole module: this runs per lookup).
        var classBody: [Stmt] = []
        var level = body
        while let statement = level.first(where: { $0.loc.startByte <= position && position < $0.loc.endByte }) {
            if case .classDef(className, _, _, let inner, _, _) = statement.kind { classBody = inner }
            var inner: [Stmt] = []
            statement.forEachBlock { block in
                if block.contains(where: { $0.loc.startByte <= position && position < $0.loc.endByte }) { inner = block }
            }
            guard !inner.isEmpty else { break }
            level = inner
        }
        var stores: [(value: Expr?, inConstructor: Bool)] = []
        for member in classBody {
            guard case .functionDef(let name, _, let inner, _, _, _, _) = member.kind else { continue }
            Module(body: inner).walk { node in
                guard case .stmt(let statement) = node else { return true }
                switch statement.kind {
                case .assign(let targets, let value):
                    for target in targets where Self.isSelfAttribute(target, attr) { stores.append((targets.count == 1 ? value : nil, name == "__init__")) }
                case .augAssign(let target, _, _), .annAssign(let target, _, _, _):
                    if Self.isSelfAttribute(target, attr) { stores.append((nil, false)) }
                default:
                    break
                }
                return true
            }
        }
        return (classBody, stores)
    }

    private static func isSelfAttribute(_ target: Expr, _ attr: String) -> Bool {
        guard case .attribute(let owner, attr, _) = target.kind, case .name("self", _) = owner.kind else { return false }
        return true
    }

    /// The literal a top-level class's body assigns to `attr` (`class Config: DEBUG = True`),
    /// when that is the file's only store to it (no `Config.DEBUG = ...`, no second class of
    /// that name).
    func classConstant(_ attr: String, of className: String) -> Expr? {
        let classes = body.compactMap { statement -> [Stmt]? in
            if case .classDef(className, _, _, let inner, _, _) = statement.kind { return inner }
            return nil
        }
        guard classes.count == 1 else { return nil }
        var values: [Expr] = []
        for statement in classes[0] {
            switch statement.kind {
            case .assign(let targets, let value):
                if targets.contains(where: { if case .name(attr, _) = $0.kind { true } else { false } }) { values.append(value) }
            case .annAssign(let target, _, let value?, _):
                if case .name(attr, _) = target.kind { values.append(value) }
            default:
                break
            }
        }
        guard values.count == 1, values[0].isLiteral else { return nil }
        var storedElsewhere = false
        walk { node in
            if case .expr(let expression) = node, case .attribute(let owner, attr, let context) = expression.kind, context != .load,
               case .name(className, _) = owner.kind {
                storedElsewhere = true
            }
            return !storedElsewhere
        }
        return storedElsewhere ? nil : values[0]
    }
}
