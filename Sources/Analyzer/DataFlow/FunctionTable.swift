import PythonSyntax

/// A function defined in the file, with what the taint engine needs to know of it. A class:
/// every branch of an interpretation holds it, and copying one reference is cheaper than
/// copying its fields.
final class FunctionInfo {
    let qualifiedName: String
    let className: String?
    let parameters: [String]
    let body: [Stmt]
    /// A web handler: its parameters (and `request`) carry attacker data.
    let isHandler: Bool
    /// A Flask view, whose returned text is sent as HTML.
    let returnsHTML: Bool
    let loc: Loc
    /// Handler parameters the framework hands over already converted to a number, a UUID or
    /// a date (`item_id: int` in FastAPI, `<int:pid>` in a Flask route): no text to inject.
    var typedParameters: Set<String> = []
    /// Handler parameters a route pattern holds to a word that may start with `-`
    /// (`([A-Za-z0-9_-]+)`): no separator, dot, quote, markup, space or line break, so harmless
    /// in a path, a query, a shell line, a page or a log line; only an option to a program
    /// (CWE-88), a host (918) or code (94) stays open.
    var wordParameters: Set<String> = []
    /// Parameters FastAPI fills with what a dependency of this file returns, the dependency
    /// reading the request itself (`account: Account = Depends(current_account)`): by name, the
    /// dependency's name (`FunctionTable.dependencyParameters`).
    var dependencyProviders: [String: String] = [:]
    /// Parameters whose default is a FastAPI dependency (`session = Depends(get_session)`).
    var dependencyDefaults: [String] = []
    /// The `*args` and `**kwargs` parameters, which collect the positional arguments past the
    /// named ones and the keywords no parameter names.
    var vararg: String?
    var kwarg: String?
    /// A handler only because it takes `request` (no route says so): it may as well be a helper
    /// a view calls with its request (`_ordering(request)`), so what it returns counts too.
    var handlerByParameterName = false
    /// What calls the handler, for the path's first step: a web framework, or a chat, queue
    /// or RPC framework (`MessageHandlers`).
    var handlerNoun = "web handler"
    /// Parameters declared with a type (`session: aiohttp.ClientSession`).
    var annotations: [(String, Expr)] = []
    /// The return annotation (`-> "DirectoryService"`), if any.
    var returnAnnotation: Expr?
    /// Handler parameters the platform fills, not the caller: a Lambda handler's `context`, an
    /// asyncio stream handler's `writer`.
    var platformParameters: Set<Int> = []
    /// A click or typer command: its parameters are the command line (`FunctionTable.isCommandLineCommand`).
    var isCommandLineCommand = false
    /// A Celery task or Dramatiq actor: what whoever enqueued it passed (`MessageHandlers`).
    var isQueuedTask = false

    /// Names the body binds (nested scopes aside).
    private(set) lazy var boundNames: Set<String> = {
        var names = Set<String>()
        Module(body: body).forEachBinding(intoNestedScopes: false) { names.insert($0) }
        return names
    }()

    /// Whether `name` is a parameter the body never rebinds: it holds what the caller passed.
    func isUnboundParameter(_ name: String) -> Bool { parameters.contains(name) && !boundNames.contains(name) }

    /// Whether parameter `name` is declared a mapping (`filters: dict`, `Dict[str, str]`,
    /// `Optional[Mapping[str, Any]]`): iterating it gives its keys.
    func isDeclaredMapping(_ name: String) -> Bool {
        guard let annotation = annotations.first(where: { $0.0 == name })?.1 else { return false }
        var type = FunctionTable.unwrappingOptional(annotation)
        if case .subscript(let generic, _, _) = type.kind { type = generic }
        let names: Set<String> = ["dict", "Dict", "Mapping", "MutableMapping"]
        switch type.kind {
        case .name(let id, _): return names.contains(id)
        case .attribute(_, let attr, _): return names.contains(attr)
        default: return false
        }
    }

    /// The name parameter `parameter` is declared as (`FunctionTable.declaredName`).
    func declaredType(of parameter: String) -> String? {
        annotations.first(where: { $0.0 == parameter }).flatMap { FunctionTable.declaredName($0.1) }
    }

    init(qualifiedName: String, className: String?, parameters: [String], body: [Stmt], isHandler: Bool, returnsHTML: Bool, loc: Loc) {
        self.qualifiedName = qualifiedName
        self.className = className
        self.parameters = parameters
        self.body = body
        self.isHandler = isHandler
        self.returnsHTML = returnsHTML
        self.loc = loc
    }
}

/// What calling a function does with its arguments: which parameters reach the return
/// value, and which reach a sink inside it (or in what it calls).
struct FunctionSummary: Equatable {
    struct SinkHit: Hashable {
        var rule: Int
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var callee: String
        /// The operator's own data (the command line, the environment) is harmless here
        /// (`DataFlowRule.operatorDataIsHarmless`).
        var operatorDataHarmless = false
        /// Where the sink's configuring object (an XML parser) was made, and its name.
        var madeAt: Place?
        var madeName: String?
    }
    var returns: Set<Int> = []
    /// Every `return` hands back text the function builds (`"<p>" + body`, an f-string,
    /// `.format`): a handler returning its result sends that text. Nil: no return seen.
    var returnsBuiltText: Bool?
    /// A function whose every `return` is a tuple of the same length (`return sql, params`):
    /// what each position returns, so `sql, params = build(q)` binds each name to its own
    /// data. Nil when no such tuple was returned; `tupleReturnsMixed` when returns differ.
    var tupleReturns: [TupleElement]?
    var tupleReturnsMixed = false
    /// A function whose every `return` is a record with the same keys (`return {"loa":
    /// float(x), "vessel": v}`, `return cls(loa=float(x), vessel=v)` of a dataclass): what each
    /// key holds, so the caller reads `q.loa` or `r["loa"]` as that key's data. Nil when no such
    /// record was returned; `recordReturnsMixed` when returns differ.
    var recordReturns: [String: TupleElement]?
    var recordReturnsMixed = false
    struct TupleElement: Equatable {
        var returns: Set<Int> = []
        /// Where a parameter's data is first returned in this position.
        var place: Place?
        var safety: [Int: ReturnSafety] = [:]
        var source: Taint?
        /// `self.x` attributes returned in this position, with what every return made them safe for.
        var attributes: [String: ReturnSafety] = [:]
        /// Attributes of instances parameters hold returned in this position (see `parameterFieldReturns`).
        var parameterFields: [Int: [String: ReturnSafety]] = [:]
    }
    /// `self.x` attributes whose data the method returns (`return "... %s" % self.city`).
    var returnedAttributes: Set<String> = []
    /// What every return of such an attribute's data made it safe for
    /// (`return "(cn=" + escape_filter_chars(self.name) + ")"`).
    var returnedAttributeSafety: [String: ReturnSafety] = [:]
    /// What every return of a parameter's data made it safe for (`return v.replace("\n", "")`,
    /// `return shlex.quote(v)`): the caller's argument comes back as safe.
    struct ReturnSafety: Equatable {
        var sanitized: Set<Int>
        var cleaned: Bool

        /// Safe as both `safety` (nil: none seen yet) and `taint` are: the intersection.
        /// Safe as both `safety` (nil: none seen yet) and parameter `index`'s part of `taint`
        /// are: the intersection.
        static func meet(_ safety: ReturnSafety?, _ taint: Taint, parameter index: Int) -> ReturnSafety {
            meet(safety, taint, origin: .parameter(index))
        }

        /// The same for any marker's part (`self.root` of a method, a parameter's field).
        static func meet(_ safety: ReturnSafety?, _ taint: Taint, origin: TaintOrigin) -> ReturnSafety {
            let part = taint.safety(of: origin)
            return safety?.meet(part) ?? part
        }

        /// Safe as both `safety` (nil: none seen yet) and the whole of `taint` are.
        static func meet(_ safety: ReturnSafety?, _ taint: Taint) -> ReturnSafety {
            let whole = ReturnSafety(sanitized: taint.sanitized, cleaned: taint.cleaned)
            return safety?.meet(whole) ?? whole
        }

        /// Safe as both this and `other` are (a cleaned side is safe for everything: the other's).
        func meet(_ other: ReturnSafety) -> ReturnSafety {
            if cleaned { return other }
            if other.cleaned { return self }
            return ReturnSafety(sanitized: sanitized.intersection(other.sanitized), cleaned: false)
        }

        func covers(_ cwe: Int) -> Bool { cleaned || sanitized.contains(cwe) }

        /// `taint` made as safe as this says.
        /// Nothing made safe leaves the value as it was, record structure included.
        func apply(to taint: Taint) -> Taint { cleaned ? taint.cleanedCopy : sanitized.isEmpty ? taint : taint.sanitizing(sanitized) }
    }
    var returnSafety: [Int: ReturnSafety] = [:]
    /// Where each returned parameter's data is first returned (line, column): a caller's flow
    /// passes there, so a pattern alarm on that line (a query built in the helper) is the same flaw.
    var returnPlaces: [Int: Place] = [:]
    struct Place: Hashable {
        var line: Int
        var column: Int
    }
    var sinks: [Int: Set<SinkHit>] = [:]
    /// Attributes of the instance a parameter holds that reach sinks (`text(spec.to_sql())`
    /// with every call passing a `ReportSpec`), by parameter and attribute: a caller that knows
    /// what the instance holds judges each attribute, not the whole object.
    var parameterFieldSinks: [Int: [String: Set<SinkHit>]] = [:]
    /// The same for the attributes returned, with what every return made them safe for, and
    /// where each parameter's attributes are first returned.
    var parameterFieldReturns: [Int: [String: ReturnSafety]] = [:]
    var parameterFieldReturnPlaces: [Int: Place] = [:]
    /// Untrusted data the function returns whatever its arguments: a source it reads itself
    /// (`return request.args["q"]`), as first seen.
    var returnedSource: Taint?
    /// `self.x` attributes the function stores its parameters in (`self.cmd = cmd`), for a
    /// constructor's callers: the new instance holds what they passed.
    var storedParameters: [String: Set<Int>] = [:]
    /// What every store of a parameter's data in an attribute made it safe for
    /// (`self.pattern = re.escape(keyword)`), by attribute and parameter: the instance holds
    /// the caller's argument made safe.
    var storedSafety: [String: [Int: ReturnSafety]] = [:]
    /// `self.x` containers the method adds its parameters' data to (`self._hooks[hid] = hook`,
    /// `self._items.append(item)`), by attribute and parameter, with what the data was made
    /// safe for: a store object every handler shares holds what any caller added.
    var containerStores: [String: [Int: ReturnSafety]] = [:]
    /// The same for records added whole (`{"id": uuid4().hex, "url": url}`): by attribute,
    /// record key and parameter, so what is read back key by key is what that key was given.
    var containerFieldStores: [String: [String: [Int: ReturnSafety]]] = [:]
    /// `self.x` attributes (by name) that reach a sink inside the method.
    var attributeSinks: [String: Set<SinkHit>] = [:]
    /// Shared stores (the session, a module table; `TaintInterpreter.sharedStore`) the function
    /// puts a parameter's data in (`session["return_to"] = target`), by store, key ("" for an
    /// element added under a computed key) and parameter: what a caller passes, a later
    /// request reads back.
    var sharedStores: [String: [String: [Int: ReturnSafety]]] = [:]
}

enum FunctionTable {
    static let handlerDecorators: Set<String> = ["route", "get", "post", "put", "delete", "patch", "api_route", "websocket", "head", "options"]

    /// What only a view's request has (Django's `request.GET`, DRF's `query_params`, aiohttp's
    /// `match_info`): a function reading one is a view even in a snippet that imports nothing.
    static let viewRequestAttributes: Set<String> = ["GET", "POST", "COOKIES", "META", "FILES", "query_params", "match_info"]

    static func readsViewRequest(_ body: [Stmt]) -> Bool {
        var found = false
        Module(body: body).walk { node in
            if !found, case .expr(let expression) = node, case .attribute(let owner, let attr, _) = expression.kind,
               viewRequestAttributes.contains(attr), case .name("request", _) = owner.kind {
                found = true
            }
            return !found
        }
        return found
    }

    /// Frameworks whose views receive the request as a parameter named `request`.
    static let requestParameterFrameworks = [
        "django", "rest_framework", "ninja", "aiohttp", "starlette", "fastapi", "sanic", "pyramid", "litestar", "channels",
    ]

    static let convertedTypes: Set<String> = [
        "int", "float", "bool", "UUID", "date", "datetime", "time", "timedelta", "Decimal", "PositiveInt", "NegativeInt",
        "NonNegativeInt", "NonPositiveInt", "PositiveFloat", "StrictInt", "StrictFloat", "StrictBool", "conint", "confloat",
    ]

    /// `int`, `uuid.UUID`, `Optional[int]`, `int | None`, `Annotated[int, Query()]`, `conint(gt=0)`.
    static func isConvertedType(_ annotation: Expr) -> Bool {
        switch annotation.kind {
        case .name(let id, _): return convertedTypes.contains(id)
        case .attribute(_, let attr, _): return convertedTypes.contains(attr)
        case .call(let function, _, _): return isConvertedType(function)
        case .constant(.none, _): return true
        case .binOp(let left, .bitOr, let right): return isConvertedType(left) && isConvertedType(right)
        case .subscript(let base, let slice, _):
            let wrapper: String?
            switch base.kind {
            case .name(let id, _): wrapper = id
            case .attribute(_, let attr, _): wrapper = attr
            default: wrapper = nil
            }
            switch wrapper {
            case "Optional": return isConvertedType(slice)
            // `Literal["asc", "desc"]`: one of the listed constants.
            case "Literal":
                if case .tuple(let parts, _) = slice.kind { return parts.allSatisfy { if case .constant = $0.kind { true } else { false } } }
                if case .constant = slice.kind { return true }
                return false
            case "Annotated": if case .tuple(let parts, _) = slice.kind, let first = parts.first { return isConvertedType(first) }; return false
            case "Union": if case .tuple(let parts, _) = slice.kind { return parts.allSatisfy(isConvertedType) }; return false
            default: return false
            }
        default: return false
        }
    }

    /// FastAPI parameters the framework checks against a whole-value pattern before the
    /// handler runs: `name: str = Path(..., pattern=r"^[a-z]+$")` (or `regex=`, or inside
    /// `Annotated[str, Query(pattern=...)]`).
    /// The name a parameter's annotation declares: `UnfurlRequest` of `req: UnfurlRequest`,
    /// `Optional[UnfurlRequest]` or `UnfurlRequest | None`.
    static func declaredName(_ annotation: Expr) -> String? {
        if case .name(let name, _) = unwrappingOptional(annotation).kind { return name }
        return nil
    }

    /// `T` of `Optional[T]`, `T | None` or `None | T`; the annotation itself otherwise.
    static func unwrappingOptional(_ annotation: Expr) -> Expr {
        var type = annotation
        if case .subscript(let wrapper, let inner, _) = type.kind, case .name("Optional", _) = wrapper.kind { type = inner }
        if case .binOp(let left, .bitOr, let right) = type.kind { type = right.isNoneConstant ? left : right }
        return type
    }

    /// `@click.command()`, `@cli.command("sync")`, `@app.command()` (typer), `@click.group()`.
    static func isCommandLineCommand(_ decorators: [Expr]) -> Bool {
        decorators.contains { decorator in
            guard case .call(let function, _, _) = decorator.kind, case .attribute(_, let attr, _) = function.kind else { return false }
            return attr == "command" || attr == "group"
        }
    }

    /// The parameters of click options and arguments that parse to no text: `type=int` (or
    /// `float`, `bool`, `click.INT`, `click.Choice(...)`, `click.IntRange(...)`), flags and counts.
    static func plainClickOptions(_ decorators: [Expr], imports: ImportTable) -> Set<String> {
        var names = Set<String>()
        for decorator in decorators {
            guard case .call(let function, let arguments, let keywords) = decorator.kind, case .attribute(_, let kind, _) = function.kind,
                  kind == "option" || kind == "argument" else { continue }
            let declared = arguments.compactMap(\.stringConstant)
            guard let name = declared.first(where: { !$0.hasPrefix("-") })
                    ?? declared.filter({ $0.hasPrefix("--") }).max(by: { $0.count < $1.count })
                    ?? declared.first else { continue }
            let parameter = String(name.drop { $0 == "-" }.map { $0 == "-" ? "_" : $0 })
            let plainType: Bool = {
                guard let type = keywords.first(where: { $0.arg == "type" })?.value else { return false }
                if case .name(let id, _) = type.kind { return ["int", "float", "bool"].contains(id) }
                let qualified = imports.qualifiedName(of: type) ?? imports.qualifiedName(of: type.callFunction ?? type) ?? ""
                return ["click.INT", "click.FLOAT", "click.BOOL", "click.UUID", "click.Choice", "click.IntRange", "click.FloatRange",
                        "click.DateTime"].contains(qualified)
            }()
            let flag = keywords.contains { ($0.arg == "is_flag" || $0.arg == "count") && $0.value.boolConstant == true }
            if plainType || flag { names.insert(parameter) }
        }
        return names
    }

    /// Parameters FastAPI fills from a dependency of this file that reads nothing of the
    /// request (`storage: Storage = Depends(get_storage)`, `def get_storage(): ...`): the
    /// server's objects. A dependency taking parameters may read the request: its result counts.
    /// Parameters whose default is FastAPI's `Depends(...)`, each with the dependency's name
    /// when it is a plain name (`session = Depends(get_session)`; `Depends()` takes the type).
    static func dependencyParameters(_ arguments: Arguments) -> [(parameter: String, provider: String?)] {
        func dependency(_ value: Expr?) -> String?? {
            guard let value, case .call(let function, let dependencyArguments, _) = value.kind,
                  { switch function.kind { case .name("Depends", _), .attribute(_, "Depends", _): true; default: false } }() else { return nil }
            if case .name(let provider, _)? = dependencyArguments.first?.kind { return .some(provider) }
            return .some(nil)
        }
        let positional = arguments.posonlyargs + arguments.args
        let offset = positional.count - arguments.defaults.count
        var found: [(parameter: String, provider: String?)] = []
        for (index, parameter) in positional.enumerated() where index >= offset {
            if let provider = dependency(arguments.defaults[index - offset]) { found.append((parameter.arg, provider)) }
        }
        for (index, parameter) in arguments.kwonlyargs.enumerated() where index < arguments.kwDefaults.count {
            if let provider = dependency(arguments.kwDefaults[index]) { found.append((parameter.arg, provider)) }
        }
        return found
    }

    /// Whether the module defines a function `name` at its top level taking parameters (true),
    /// taking none (false), or no such function (nil).
    static func moduleFunctionTakesParameters(_ name: String, in module: Module) -> Bool? {
        for statement in module.body {
            if case .functionDef(name, let parameters, _, _, _, _, _) = statement.kind { return !parameters.all.isEmpty }
        }
        return nil
    }

    static func patternCheckedParameters(_ arguments: Arguments) -> [String] {
        func checks(_ expression: Expr?) -> Bool {
            guard let expression else { return false }
            if case .subscript(_, let slice, _) = expression.kind, case .tuple(let parts, _) = slice.kind {
                return parts.dropFirst().contains { checks($0) }  // `Annotated[str, Query(pattern=...)]`
            }
            guard case .call(_, _, let keywords) = expression.kind,
                  let pattern = keywords.first(where: { $0.arg == "pattern" || $0.arg == "regex" })?.value.stringConstant else { return false }
            return Guard.matchesWhole(method: "match", pattern: pattern)
        }
        let positional = arguments.posonlyargs + arguments.args
        let offset = positional.count - arguments.defaults.count
        var names: [String] = []
        for (index, parameter) in positional.enumerated() {
            let defaultValue = index >= offset ? arguments.defaults[index - offset] : nil
            if checks(defaultValue) || checks(parameter.annotation) { names.append(parameter.arg) }
        }
        for (index, parameter) in arguments.kwonlyargs.enumerated() {
            let defaultValue = index < arguments.kwDefaults.count ? arguments.kwDefaults[index] : nil
            if checks(defaultValue) || checks(parameter.annotation) { names.append(parameter.arg) }
        }
        return names
    }

    /// A FastAPI/Starlette route declaring its text HTML: `@app.get("/", response_class=HTMLResponse)`.
    static func declaresHTMLResponse(_ decorators: [Expr]) -> Bool {
        decorators.contains { decorator in
            guard case .call(_, _, let keywords) = decorator.kind, let value = keywords.first(where: { $0.arg == "response_class" })?.value else { return false }
            switch value.kind {
            case .name(let id, _): return id == "HTMLResponse"
            case .attribute(_, let attr, _): return attr == "HTMLResponse"
            default: return false
            }
        }
    }

    /// Parameters a route converts: Flask's and Django's `<int:pid>` (also `float`, `uuid`),
    /// Bottle's and Sanic's `<pid:int>`, Starlette's and FastAPI's `{pid:int}`.
    static func convertedRouteParameters(_ decorator: Expr) -> [String] {
        guard case .call(_, let arguments, _) = decorator.kind, let rule = arguments.first?.stringConstant else { return [] }
        return routeParameters(rule).converted
    }

    /// The parameters of a route's pattern, those a converter makes numbers or UUIDs of
    /// (`<int:pid>`, `{pid:int}`, aiohttp's `{pid:\d+}`) and the others.
    static func routeParameters(_ rule: String) -> (converted: [String], open: [String]) {
        var converted: [String] = [], open: [String] = []
        var rest = Substring(rule)
        while let start = rest.firstIndex(where: { $0 == "<" || $0 == "{" }),
              let close = rest[start...].firstIndex(of: rest[start] == "<" ? ">" : "}") {
            let inside = rest[rest.index(after: start)..<close].split(separator: ":", maxSplits: 1)
            if inside.count == 2 {
                // Flask's and Django's `<int:pid>`; Bottle's and Sanic's `<pid:int>`.
                if rest[start] == "<" {
                    // Bottle's `<plan_id:re:[0-9a-f]{32}>`: a segment of characters that are
                    // special nowhere (no quote, separator, dot or markup) is as good as a number.
                    if inside[1].hasPrefix("re:"),
                       RegexShape.admits(RegexShape.specialCharacters + RegexShape.lineBreaks + ["/", ".", "%", " "], String(inside[1].dropFirst(3))) == false {
                        converted.append(String(inside[0]))
                    } else if routeConverters.contains(String(inside[0])) { converted.append(String(inside[1])) }
                    else if routeConverters.contains(String(inside[1])) { converted.append(String(inside[0])) }
                    else { open.append(String(inside[routeConverterNames.contains(String(inside[0])) ? 1 : 0])) }
                } else if routeConverters.contains(String(inside[1])) || digitPatterns.contains(String(inside[1])) {
                    converted.append(String(inside[0]))
                } else {
                    open.append(String(inside[0]))
                }
            } else if inside.count == 1 {
                open.append(String(inside[0]))
            }
            rest = rest[rest.index(after: close)...]
        }
        return (converted, open)
    }
    /// Converters of Flask and Django that leave text (`<path:rest>`, `<slug:s>`).
    static let routeConverterNames: Set<String> = ["string", "path", "slug", "str", "any", "re"]
    static let digitPatterns: Set<String> = ["\\d+", "[0-9]+"]

    /// Names every route pattern of the file converts (`Route("/t/{tid:int}", view)` makes
    /// `request.path_params["tid"]` a number), and none leaves open.
    static func convertedPathNames(_ module: Module) -> Set<String> {
        var converted = Set<String>(), open = Set<String>()
        module.walk { node in
            guard case .expr(let expression) = node, let text = expression.stringConstant, text.hasPrefix("/") || text.hasPrefix("^") else { return true }
            let (names, others) = routeParameters(text)
            converted.formUnion(names)
            open.formUnion(others)
            return true
        }
        return converted.subtracting(open)
    }
    static let routeConverters: Set<String> = ["int", "float", "uuid"]

    /// A route decorator: `@app.route("/x")`, `@router.get(...)`, bottle's `@route("/x")`.
    static func isRouted(_ decorators: [Expr], bottle: Bool) -> Bool {
        decorators.contains { decorator in
            guard case .call(let function, _, _) = decorator.kind else { return false }
            switch function.kind {
            case .attribute(let owner, let attr, _):
                // `@kopf.on.delete(...)`: a Kubernetes operator's event, not a web route.
                if case .attribute(let root, "on", _) = owner.kind, case .name("kopf", _) = root.kind { return false }
                return handlerDecorators.contains(attr)
            case .name(let id, _): return bottle && handlerDecorators.contains(id)
            default: return false
            }
        }
    }

    /// The methods a Tornado handler answers requests with.
    static let tornadoVerbs: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options"]

    /// The file's Tornado request handler classes (subclasses of `RequestHandler` or
    /// `WebSocketHandler`, directly or through another class of the file), each with the
    /// capture groups of every URL pattern routed to it (`(r"/docs/([\w.-]+)/(.*)", DocsHandler)`).
    static func tornadoRoutes(_ module: Module) -> [String: [[String]]] {
        var bases: [String: [Expr]] = [:]
        module.walkStatements { statement in
            if case .classDef(let name, let classBases, _, _, _, _) = statement.kind { bases[name] = classBases }
        }
        func baseName(_ base: Expr) -> String? {
            switch base.kind {
            case .name(let id, _): return id
            case .attribute(_, let attr, _): return attr
            default: return nil
            }
        }
        var handlers = Set(bases.filter { $0.value.contains { baseName($0).map { $0.hasSuffix("RequestHandler") || $0 == "WebSocketHandler" } ?? false } }.keys)
        while true {
            let more = bases.filter { !handlers.contains($0.key) && $0.value.contains { baseName($0).map(handlers.contains) ?? false } }.keys
            if more.isEmpty { break }
            handlers.formUnion(more)
        }
        var routes = Dictionary(uniqueKeysWithValues: handlers.map { ($0, [[String]]()) })
        module.walk { node in
            guard case .expr(let expression) = node else { return true }
            var parts: [Expr] = []
            if case .tuple(let elements, _) = expression.kind { parts = elements }
            if case .call(let function, let arguments, _) = expression.kind, baseName(function) == "url" { parts = arguments }
            guard parts.count >= 2, let pattern = parts[0].stringConstant, case .name(let handler, _) = parts[1].kind,
                  routes[handler] != nil else { return true }
            routes[handler, default: []].append(RegexShape.captureGroups(pattern))
            return true
        }
        return routes
    }

    /// Whether a route group's pattern admits only plain words: a sequence of character
    /// classes (`[a-z0-9.-]`, `\d`, `\w`), each maybe repeated, none of which admits a path
    /// separator, quote, markup, shell or line-breaking character, the first admitting neither
    /// `-` nor `.` (no option, no `..`). `(\d+)` and `([a-z0-9][a-z0-9-]*)` do; `(.*)`,
    /// `([^/]+)` and `([A-Za-z0-9._-]+)` do not.
    static func matchesPlainWord(_ group: String, leadingDash: Bool = false) -> Bool {
        let characters = Array(group)
        var index = 0
        var first = true
        while index < characters.count {
            var allowed = Set<Character>()
            if characters[index] == "\\", index + 1 < characters.count {
                switch characters[index + 1] {
                case "d": allowed = Set("0123456789")
                case "w": allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
                default: return false
                }
                index += 2
            } else if characters[index] == "[" {
                guard let close = characters[(index + 1)...].firstIndex(of: "]"), close > index + 1, characters[index + 1] != "^" else { return false }
                let members = Array(characters[(index + 1)..<close])
                var position = 0
                while position < members.count {
                    if position + 2 < members.count, members[position + 1] == "-",
                       let low = members[position].unicodeScalars.first?.value, let high = members[position + 2].unicodeScalars.first?.value, low <= high {
                        for value in low...high { if let scalar = Unicode.Scalar(value) { allowed.insert(Character(scalar)) } }
                        position += 3
                    } else if members[position] == "\\" {
                        return false  // escapes inside a class: not read here
                    } else {
                        allowed.insert(members[position])
                        position += 1
                    }
                }
                index = close + 1
            } else {
                return false
            }
            // A quantifier: the first class must still be there (`+`, `{1,}`), not optional.
            var optional = false
            if index < characters.count {
                switch characters[index] {
                case "+": index += 1
                case "*", "?": optional = true; index += 1
                case "{":
                    guard let close = characters[index...].firstIndex(of: "}"), close > index + 1 else { return false }
                    optional = characters[index + 1] == "0" || characters[index + 1] == ","
                    index = close + 1
                default: break
                }
            }
            if !allowed.isDisjoint(with: Set("/\\\n\r\t '\"<>;|&$`%?#*{}()[]!")) { return false }
            if first && (optional || allowed.contains("-") && !leadingDash || allowed.contains(".")) { return false }
            if leadingDash && allowed.contains(".") { return false }
            first = false
        }
        return !first
    }

    /// A Falcon resource's responder: `on_get(self, req, resp)`.
    static func isFalconResponder(_ name: String, parameters: [String], inClass: Bool) -> Bool {
        inClass && name.hasPrefix("on_") && parameters.count >= 3
            && parameters[0] == "self" && (parameters[1] == "req" || parameters[1] == "request")
    }

    /// An AWS Lambda (or Google Cloud Functions background) handler: a module-level function
    /// taking `(event, context)`, whose event is the invoking request.
    static func isEventHandler(parameters: [String], atTopLevel: Bool) -> Bool {
        atTopLevel && parameters.count == 2 && parameters[0] == "event" && eventContextNames.contains(parameters[1])
    }
    static let eventContextNames: Set<String> = ["context", "_context", "ctx", "_ctx", "_"]

    /// Whether `collect` would find a web handler in a file where no source name occurs (so no
    /// parameter is called `request`, and no Django view can be there): a routed function or a
    /// Falcon responder. Answers without building the table, for the many files with neither.
    static func holdsHandler(_ module: Module, bottle: Bool, messaging: MessageHandlers) -> Bool {
        let commandLineTools = (messaging.imports.imports("click") || messaging.imports.imports("typer")) && !messaging.slack && !messaging.discord
        let tornado = messaging.imports.imports("tornado")
        var found = false
        var stack: [(body: [Stmt], classBases: [Expr]?, atTopLevel: Bool)] = [(module.body, nil, true)]
        while !found, let (body, classBases, atTopLevel) = stack.popLast() {
            let inClass = classBases != nil
            for statement in body {
                switch statement.kind {
                case .functionDef(let name, let arguments, let inner, let decorators, _, _, _):
                    // The name first: the parameter list is built only for an `on_` method or
                    // a module-level function of two parameters.
                    if isRouted(decorators, bottle: bottle)
                        || commandLineTools && !inClass && isCommandLineCommand(decorators)
                        || inClass && name.hasPrefix("on_") && isFalconResponder(name, parameters: arguments.all.map(\.arg), inClass: true)
                        || inClass && isMethodView(name, parameters: arguments.all.map(\.arg), classBases: classBases)
                        // A Tornado handler's verb given the route's groups (`def get(self, item)`):
                        // the only source may be the URL itself.
                        || tornado && inClass && tornadoVerbs.contains(name) && arguments.args.count > 1 && arguments.args.first?.arg == "self"
                        || atTopLevel && arguments.args.count == 2 && isEventHandler(parameters: arguments.all.map(\.arg), atTopLevel: true)
                        || messaging.any && (messaging.isHandler(parameters: arguments.all.map(\.arg), decorators: decorators, classBases: classBases)
                            || messaging.isWebHandler(name: name, arguments: arguments, decorators: decorators, classBases: classBases)) {
                        found = true
                    }
                    stack.append((inner, nil, false))
                case .classDef(_, let bases, _, let inner, _, _):
                    stack.append((inner, bases, false))
                default:
                    // `if __name__ ...` or `try:` blocks at the top level are still the top level.
                    statement.forEachBlock { stack.append(($0, classBases, atTopLevel)) }
                }
            }
        }
        return found
    }


    static let httpMethodNames: Set<String> = ["get", "post", "put", "patch", "delete"]

    /// A method of one of Flask's class-based views (`class ObjectAPI(MethodView)`):
    /// `get(self, accession)` takes the URL's variables, as a routed function does.
    static func isMethodView(_ name: String, parameters: [String], classBases: [Expr]?) -> Bool {
        guard let classBases, parameters.first == "self", httpMethodNames.contains(name) else { return false }
        return classBases.contains { ["MethodView", "View"].contains(MessageHandlers.baseName($0) ?? "") }
    }

    /// Functions the file hands to `asyncio.start_server` (or `start_unix_server`): called
    /// with a reader of what a client sends and a writer back.
    static func streamHandlerNames(_ module: Module, imports: ImportTable) -> Set<String> {
        var names: Set<String> = []
        module.walk { node in
            if case .expr(let expression) = node, case .call(let function, let arguments, _) = expression.kind,
               let name = imports.qualifiedName(of: function), name == "asyncio.start_server" || name == "asyncio.start_unix_server",
               let handler = arguments.first {
                switch handler.kind {
                case .name(let id, _):
                    names.insert(id)
                case .attribute(let owner, let method, _):
                    // `asyncio.start_server(self.handle, ...)`: a method, after `self`.
                    if case .name("self", _) = owner.kind { names.insert("self." + method) }
                case .lambda(let parameters, let body):
                    // `lambda r, w: handle_client(r, w, store)`: the reader and writer first.
                    let passed = parameters.all.map(\.arg)
                    if passed.count == 2, case .call(let callee, let forwarded, _) = body.kind, case .name(let id, _) = callee.kind,
                       forwarded.count >= 2, forwarded.prefix(2).map({ if case .name(let n, _) = $0.kind { n } else { "" } }) == passed {
                        names.insert(id)
                    }
                default:
                    break
                }
            }
            return true
        }
        return names
    }

    /// Every function and method of the module, by dotted name (`f`, `Class.method`).
    static func collect(_ module: Module, imports: ImportTable) -> [String: FunctionInfo] {
        var table: [String: FunctionInfo] = [:]
        let flask = imports.imports("flask")
        let bottle = imports.imports("bottle")
        // A function taking `request` is a view only in a file using a framework whose views
        // take it (Django, aiohttp, Starlette, …), or when it reads what only a view's request
        // has (`request.GET`): elsewhere `request` is any object (`http.cookiejar.request_port(request)`).
        let viewsTakeRequest = requestParameterFrameworks.contains(where: imports.imports)
        let messaging = MessageHandlers(imports: imports)
        let streamHandlers = imports.imports("asyncio") ? Self.streamHandlerNames(module, imports: imports) : []
        // Route parameters every pattern of the file converts (`convertedPathNames`), found
        // when a handler no decorator routes first needs them.
        var convertedNames: Set<String>?
        // click and typer commands: their parameters are the command line.
        let commandLineTools = (imports.imports("click") || imports.imports("typer")) && !messaging.slack && !messaging.discord
        // Tornado's request handlers, and the URL patterns routing to each.
        let tornado = imports.imports("tornado") ? tornadoRoutes(module) : [:]
        var stack: [(body: [Stmt], prefix: String, className: String?, classBases: [Expr]?)] = [(module.body, "", nil, nil)]
        while let (body, prefix, className, classBases) = stack.popLast() {
            for statement in body {
                switch statement.kind {
                case .functionDef(let name, let arguments, let inner, let decorators, let returns, _, _):
                    let qualified = prefix.isEmpty ? name : "\(prefix).\(name)"
                    let parameters = arguments.all.map(\.arg)
                    let routed = isRouted(decorators, bottle: bottle)
                    // A view: a function taking `request`, or a method taking `self, request`
                    // (Django's class-based views), in a file of such a framework.
                    let takesRequest = className == nil ? parameters.first == "request"
                        : parameters.count >= 2 && parameters[0] == "self" && parameters[1] == "request"
                    let djangoView = takesRequest && (viewsTakeRequest || readsViewRequest(inner))
                    let falconResponder = isFalconResponder(name, parameters: parameters, inClass: className != nil)
                        || flask && isMethodView(name, parameters: parameters, classBases: classBases)
                    let messageHandler = messaging.any && messaging.isHandler(parameters: parameters, decorators: decorators, classBases: classBases)
                    let eventHandler = isEventHandler(parameters: parameters, atTopLevel: prefix.isEmpty && className == nil) || messageHandler
                        || messaging.webHandlersPossible && messaging.isWebHandler(name: name, arguments: arguments, decorators: decorators, classBases: classBases)
                    let streamHandler = prefix.isEmpty && className == nil && parameters.count >= 2 && streamHandlers.contains(name)
                        || className != nil && parameters.count >= 3 && parameters[0] == "self" && streamHandlers.contains("self." + name)
                    let command = commandLineTools && className == nil && isCommandLineCommand(decorators)
                    // `def get(self, version, page)` of a Tornado handler: the URL's groups; a
                    // WebSocket handler's `on_message(self, message)`: what the client sent.
                    let tornadoPatterns = className.flatMap { tornado[$0] }
                    let tornadoMethod = tornadoPatterns != nil && parameters.count > 1 && parameters[0] == "self"
                        && (tornadoVerbs.contains(name) || name == "on_message")
                    let info = FunctionInfo(qualifiedName: qualified, className: className, parameters: parameters, body: inner,
                                            isHandler: routed || djangoView || falconResponder || eventHandler || streamHandler || command
                                                || tornadoMethod,
                                            returnsHTML: routed && (flask || bottle || declaresHTMLResponse(decorators)),
                                            loc: statement.loc)
                    info.handlerByParameterName = djangoView && !routed && !falconResponder && !eventHandler
                    if messageHandler && !routed && !djangoView { info.handlerNoun = "message handler" }
                    if streamHandler { info.handlerNoun = "stream handler" }
                    if command && !routed && !eventHandler {
                        info.handlerNoun = "command"
                        info.isCommandLineCommand = true
                        let annotated = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
                        info.typedParameters = Set(annotated.filter { $0.annotation.map(isConvertedType) ?? false }.map(\.arg))
                            .union(plainClickOptions(decorators, imports: imports))
                    }
                    // A Lambda handler's `context` (request id, time left); a stream's `writer`
                    // (and what a wrapping lambda passes after it: the server's own objects).
                    if streamHandler || prefix.isEmpty && className == nil && isEventHandler(parameters: parameters, atTopLevel: true) {
                        // The writer (and what follows) is the server's; a method's reader comes after `self`.
                        let reader = className != nil ? 1 : 0
                        info.platformParameters = Set((reader + 1)..<max(reader + 2, streamHandler ? parameters.count : 2))
                    }
                    if messageHandler, !routed, messaging.taskQueues, decorators.contains(where: MessageHandlers.isTaskDecorator) {
                        info.isQueuedTask = true
                        info.handlerNoun = "queued task"
                        // A bound task's `self`: the task object.
                        if parameters.first == "self" { info.platformParameters.insert(0) }
                    }
                    // An MQTT callback's client and the application's `userdata`.
                    // A pika delivery's channel, method frame and properties: the broker's and
                    // the connection's; the body is what the publisher sent.
                    if messageHandler, messaging.pika {
                        let offset = parameters.first == "self" ? 1 : 0
                        if parameters.count == offset + 4, parameters[offset + 3] == "body" { info.platformParameters.formUnion([offset, offset + 1]) }
                    }
                    if messageHandler, messaging.mqtt {
                        let offset = parameters.first == "self" ? 1 : 0
                        if MessageHandlers.isMQTTCallback(Array(parameters.dropFirst(offset))) { info.platformParameters = [offset, offset + 1] }
                    }
                    info.annotations = (arguments.posonlyargs + arguments.args + arguments.kwonlyargs).compactMap { parameter in
                        parameter.annotation.map { (parameter.arg, $0) }
                    }
                    info.vararg = arguments.vararg?.arg
                    info.returnAnnotation = returns
                    let dependencies = dependencyParameters(arguments)
                    info.dependencyDefaults = dependencies.map(\.parameter)
                    info.kwarg = arguments.kwarg?.arg
                    if routed {
                        let annotated = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
                        info.typedParameters = Set(annotated.filter { $0.annotation.map(isConvertedType) ?? false }.map(\.arg))
                            .union(decorators.flatMap(convertedRouteParameters))
                            .union(patternCheckedParameters(arguments))
                        // A dependency of this file taking parameters reads the request (its result
                        // is what the handler gets); one taking none makes the server's objects,
                        // as one imported does.
                        var serverMade = Set<String>()
                        for (parameter, provider) in dependencies {
                            guard let provider else { continue }
                            // One imported from the application's own auth or database layer
                            // (`Depends(require_analyst)`): the principal it verified, a session.
                            if imports.binding(of: provider) != nil, moduleFunctionTakesParameters(provider, in: module) == nil {
                                serverMade.insert(parameter)
                                continue
                            }
                            guard let takesParameters = moduleFunctionTakesParameters(provider, in: module) else { continue }
                            if takesParameters { info.dependencyProviders[parameter] = provider } else { serverMade.insert(parameter) }
                        }
                        info.platformParameters.formUnion(parameters.indices.filter { serverMade.contains(parameters[$0]) })
                    }
                    // A view the file routes by a pattern elsewhere (`add_url_rule("/l/<int:lid>", view_func=...)`,
                    // `Route("/t/{tid:int}", ...)`): a parameter every pattern converts is a number.
                    if info.isHandler, !routed, parameters.count > 1 {
                        let names = convertedNames ?? convertedPathNames(module)
                        convertedNames = names
                        info.typedParameters.formUnion(parameters.filter(names.contains))
                    }
                    // A group every pattern routing here holds to a plain word (`(\d+)`,
                    // `([a-z0-9][a-z0-9.-]*)`): no separator, quote, markup or line break, and no
                    // leading `-` or `.`.
                    if tornadoMethod, let patterns = tornadoPatterns, !patterns.isEmpty, name != "on_message" {
                        for (index, parameter) in parameters.dropFirst().enumerated()
                        where patterns.allSatisfy({ index < $0.count && Self.matchesPlainWord($0[index]) }) {
                            info.typedParameters.insert(parameter)
                        }
                        for (index, parameter) in parameters.dropFirst().enumerated()
                        where !info.typedParameters.contains(parameter)
                            && patterns.allSatisfy({ index < $0.count && Self.matchesPlainWord($0[index], leadingDash: true) }) {
                            info.wordParameters.insert(parameter)
                        }
                    }
                    // A Django view's `pk` or `course_id`: its URLconf (another file) converts it,
                    // as `<int:course_id>` or `<uuid:pk>`, nearly always.
                    if djangoView, !routed, imports.imports("django") {
                        info.typedParameters.formUnion(parameters.dropFirst().filter { $0 == "pk" || $0.hasSuffix("_id") || $0.hasSuffix("_pk") })
                    }
                    table[qualified] = info
                    stack.append((inner, qualified, nil, nil))
                case .classDef(let name, let bases, _, let inner, _, _):
                    let qualified = prefix.isEmpty ? name : "\(prefix).\(name)"
                    stack.append((inner, qualified, qualified, bases))
                case .assign(let targets, let value) where className == nil:
                    // `run = lambda c: os.system(c)`: a function of one returned expression.
                    guard targets.count == 1, case .name(let name, _) = targets[0].kind,
                          case .lambda(let arguments, let result) = value.kind else { break }
                    let qualified = prefix.isEmpty ? name : "\(prefix).\(name)"
                    let parameters = arguments.all.map(\.arg)
                    table[qualified] = FunctionInfo(qualifiedName: qualified, className: nil, parameters: parameters,
                                                    body: [Stmt(.return(value: result), result.loc)], isHandler: false, returnsHTML: false,
                                                    loc: value.loc)
                default:
                    statement.forEachBlock { stack.append(($0, prefix, className, classBases)) }  // not a def or class here
                }
            }
        }
        return table
    }
}
