import Diagnostics
import PythonSyntax

/// Data flow inside each function, and across the functions of one file through summaries.
///
/// Abstract interpretation over the tree: each variable maps to the taint it may carry;
/// branches are analysed separately and merged, loops twice. Functions are summarised
/// (which parameters reach the return value and which reach a sink, what untrusted data they
/// return themselves, which parameters a constructor stores in `self`), and calls to them use
/// the summary, iterated a few times so helpers calling helpers are understood. Tainted
/// globals and `self` attributes are seen by every function and method that reads them.
final class TaintEngine {
    let parsed: ParsedModule
    let imports: ImportTable
    let file: String
    let rules: [any DataFlowRule]
    /// Each rule's CWE, by index (read at every sink: the description is a large value to copy).
    let ruleCWEs: [Int]
    let functions: [String: FunctionInfo]
    /// Top-level classes of the file, whose methods calls on their instances resolve to, and
    /// its dataclasses.
    let classNames: Set<String>
    var summaries: [String: FunctionSummary] = [:]
    /// Findings by rule and sink position, so a sink reached twice is reported once.
    /// Shared by every branch of an interpretation: findings only accumulate, so a branch need
    /// not carry (and copy) its own.
    var findings: [String: Finding] = [:]
    /// Sinks where untrusted data arrived made safe (`line:cwe`): pattern findings there are
    /// false alarms the data flow can explain away.
    var cleanSinks: Set<String> = []
    /// By the line of a helper's SQL sink, whether calls handed its parameters only clean
    /// data, and whether any handed more (`TaintInterpreter.noteQueryArrival`).
    var queryArrivals: [Int: (clean: Bool, unsafe: Bool)] = [:]
    /// The summaries the function being analysed used, by the version they had then.
    var consulted: [String: Int] = [:]
    /// How many times each function's summary changed: what `consulted` records, so telling
    /// whether a caller saw the current summary compares two numbers, not two summaries.
    var summaryVersions: [String: Int] = [:]
    /// Module-level variables holding untrusted data once the top level has run
    /// (`ARGS = sys.argv[1:]`): every function reading them sees it.
    var globals: [String: Taint] = [:]
    /// Per class, the `self.x` attributes some method stored untrusted data in (the first
    /// path seen): every method of the class sees them.
    var classAttributes: [String: [String: Taint]] = [:]
    /// Each class's `__init__`, by class name.
    let constructors: [String: FunctionInfo]
    /// Names the file binds to a parsed XML tree or element (`root = ET.parse(f).getroot()`),
    /// in any scope: their `findall(path)` evaluates an XPath expression.
    let xmlElements: Set<String>
    /// Per class, the attributes a method other than `__init__` assigns (`self.cmd = cmd` in
    /// a setter), and the attributes code assigns on an instance of a class of this file
    /// (`job = Job(); job.cmd = x`): what a caller may have put there, so a method reading
    /// them records where they go.
    private(set) lazy var attributesSetLater: [String: Set<String>] = Self.attributesSetLater(functions)
    /// Per class, the attributes every store of which holds a mapping parameter as it was
    /// given, keys and all (`self.filters = filters`, `{k: v for k, v in filters.items() if v}`):
    /// their keys are the caller's mapping's keys (`Taint.keysOfMapping`). Each with whether
    /// every store is sure to be a mapping (a comprehension, `dict(...)`, a parameter declared
    /// one), so that iterating the attribute itself gives keys.
    private(set) lazy var keyPreservingAttributes: [String: [String: Bool]] = Self.keyPreservingAttributes(functions)
    private(set) lazy var attributesSetOutside: Set<String> = Self.attributesSetOutside(parsed.module, classes: moduleClasses)
    /// Module-level names bound once, to a string literal, and nowhere else in the file
    /// (`API = "https://api.example.com"`): their text is known wherever they are read.
    private(set) lazy var moduleStrings: [String: String] = Self.moduleStrings(parsed.module, assignments: facts.moduleAssignments(of: parsed.module))
    /// Module-level names bound once to a call's result, to what (`parser = etree.XMLParser(...)`).
    private(set) lazy var moduleValues: [String: Expr] = facts.moduleAssignments(of: parsed.module).filter { _, value in
        if case .call = value.kind { true } else { false }
    }
    /// Module-level names bound once to a dict display (`HANDLERS = {"ping": do_ping}`).
    private(set) lazy var moduleDicts: [String: Expr] = facts.moduleAssignments(of: parsed.module).filter { _, value in
        if case .dict = value.kind { true } else { false }
    }
    /// Per class, the dict displays its constructor stores in `self` attributes
    /// (`self.handlers = {"PING": self.ping}`), found once: tables of functions to dispatch to.
    private(set) lazy var constructorDicts: [String: [String: Expr]] = constructors.mapValues { constructor in
        var dicts: [String: Expr] = [:]
        Module(body: constructor.body).walkStatements { statement in
            if case .assign(let targets, let assigned) = statement.kind, targets.count == 1, case .dict = assigned.kind,
               case .attribute(let receiver, let attr, _) = targets[0].kind, case .name("self", _) = receiver.kind { dicts[attr] = assigned }
        }
        return dicts
    }
    /// Fields of the file's dataclasses (and pydantic models, attrs classes), in order: calling
    /// the class stores its arguments in them, as a generated `__init__` does.
    let dataclassFields: [String: [String]]
    /// Module-level names bound once to an instance of a class of this file
    /// (`store = ReportStore(ROOT)`), by class: functions calling its methods use their summaries.
    /// Built on the file's names bound once (`FileFacts.moduleAssignments`), counted once for
    /// every table of them.
    private(set) lazy var moduleInstances: [String: String] = facts.moduleAssignments(of: parsed.module).compactMapValues { value in
        // Or made by a factory of the class (`INDEX = ClauseIndex.from_file(PATH)`).
        value.calledName.flatMap { classNames.contains($0) ? $0 : nil } ?? classFactoryCall(value)
    }.merging(remadeInstances) { first, _ in first }

    /// Module-level names bound more than once, each time to a new instance of the same class
    /// of this file (`catalog = Catalog(PATH)`, and again in `reload()` under `global catalog`):
    /// an instance of that class wherever read.
    private var remadeInstances: [String: String] {
        let counts = facts.bindingCounts(of: parsed.module)
        var candidates: [String: String] = [:]
        for statement in parsed.module.body {
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
                  (counts[id] ?? 0) > 1, let made = value.calledName, classNames.contains(made) else { continue }
            candidates[id] = made
        }
        guard !candidates.isEmpty else { return [:] }
        var made: [String: Int] = [:]
        parsed.module.walkStatements { statement in
            // `global catalog` counts as a binding too: accounted for by the store it allows.
            if case .global(let names) = statement.kind {
                for id in names where candidates[id] != nil { made[id, default: 0] += 1 }
            }
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
                  let expected = candidates[id] else { return }
            if value.calledName == expected { made[id, default: 0] += 1 } else { candidates[id] = nil }
        }
        return candidates.filter { id, _ in made[id] == counts[id] }
    }
    /// HTTP clients kept under a fixed key of an application's registry
    /// (`app["http"] = aiohttp.ClientSession()`), by key.
    private(set) lazy var registryClients: [String: String] = registryEntries { Self.clientMade(by: $0, imports: imports) }

    /// The parameters of `function` every call of the file passes the same kind of HTTP client
    /// (`fetch_page(request.app["http"], url)`, `fetch(SESSION, url)`): their verbs fetch.
    private func clientsPassed(to function: FunctionInfo) -> [String: String] {
        guard !registryClients.isEmpty || !moduleClients.isEmpty else { return [:] }
        if let known = passedClients[function.qualifiedName] { return known }
        func client(_ value: Expr) -> String? {
            switch value.kind {
            case .name(let id, _): return moduleClients[id]
            case .subscript(_, let slice, _): return slice.stringConstant.flatMap { registryClients[$0] }
            default: return Self.clientMade(by: value, imports: imports)
            }
        }
        var found: [String: String] = [:]
        let position = function.body.first?.loc.startByte ?? function.loc.startByte
        for name in function.parameters where name != "self" && name != "cls" {
            guard let passed = parsed.module.argumentsPassed(toParameter: name, ofFunctionAround: position), !passed.isEmpty else { continue }
            let kinds = Set(passed.map(client))
            if kinds.count == 1, let only = kinds.first, let only { found[name] = only }
        }
        passedClients[function.qualifiedName] = found
        return found
    }
    /// See `clientsPassed(to:)`, by function (asked again at every analysis of it).
    private var passedClients: [String: [String: String]] = [:]

    /// Names the file binds only to instances of one class of its own, or to None (a lazily
    /// made singleton: `_client = None` … `_client = DirectoryClient(cfg)`), by name.
    private lazy var singletonClasses: [String: String] = {
        var made: [String: Set<String>] = [:]  // what each name is bound to anywhere: classes, "?" for anything else
        parsed.module.walkStatements { statement in
            guard case .assign(let targets, let value) = statement.kind else { return }
            for case .name(let id, _) in targets.map(\.kind) where !value.isNoneConstant {
                made[id, default: []].insert(value.calledName.flatMap { classNames.contains($0) ? $0 : nil } ?? "?")
            }
        }
        return made.compactMapValues { $0.count == 1 && $0.first != "?" ? $0.first : nil }
    }()

    /// The class of this file whose instance `function` returns: its return annotation names
    /// one (`-> "DirectoryService"`), or every return gives one of the same class: `self`
    /// (`scope_to(dept)`, a fluent setter), `cls(...)` (`MemberSearch.from_request(request)`),
    /// a construction, or a singleton's name (`client()` returning `_client`). Found once per
    /// function (asked at assignments from calls).
    /// The class `TicketFilter.from_args(request.args)` makes: a method of a class of this file,
    /// called on the class, that returns an instance of it (`return cls(...)`).
    func classFactoryCall(_ value: Expr) -> String? {
        guard case .call(let function, _, _) = value.kind, case .attribute(let owner, let method, _) = function.kind,
              case .name(let className, _) = owner.kind, classNames.contains(className), imports.binding(of: className) == nil,
              let info = functions["\(className).\(method)"] else { return nil }
        return returnedClass(info) == className ? className : nil
    }

    /// The class of this file a call of one of its module-level functions returns an instance
    /// of (`req = decode_message(body)` of `def decode_message(...) -> ReproductionRequest`).
    func classReturnedByCall(_ value: Expr) -> String? {
        guard case .call(let function, _, _) = value.kind, case .name(let name, _) = function.kind, !classNames.contains(name),
              imports.binding(of: name) == nil, let info = functions[name], info.className == nil else { return nil }
        return returnedClass(info)
    }

    func returnedClass(_ function: FunctionInfo) -> String? {
        if let known = returnedClasses[function.qualifiedName] { return known }
        var found: String?
        if let annotation = function.returnAnnotation, let declared = annotation.stringConstant ?? FunctionTable.declaredName(annotation),
           classNames.contains(declared) {
            found = declared
        } else {
            var classes: Set<String> = [], other = false
            ScopeWalk.walk(function.body) { node in
                guard case .stmt(let statement) = node else { return false }
                if case .return(let value) = statement.kind {
                    switch value?.kind {
                    case .name("self", _)? where function.className != nil: classes.insert(function.className!)
                    case .name(let id, _)?:
                        if let made = singletonClasses[id] { classes.insert(made) } else { other = true }
                    case .call(let maker, _, _)?:
                        if case .name("cls", _) = maker.kind, let owner = function.className { classes.insert(owner) }
                        else if let made = value?.calledName, classNames.contains(made) { classes.insert(made) }
                        else { other = true }
                    default: other = true
                    }
                }
                return !other
            }
            if !other, classes.count == 1 { found = classes.first }
        }
        returnedClasses[function.qualifiedName] = .some(found)
        return found
    }
    private var returnedClasses: [String: String?] = [:]

    /// Classes whose constructor only stores each parameter as an attribute
    /// (`self.account_id = account_id`): the attribute each positional parameter fills, in
    /// order, so a construction reads as a record of its arguments.
    private(set) lazy var plainConstructorFields: [String: [String]] = constructors.compactMapValues { constructor in
        var fields: [String: String] = [:]
        for statement in constructor.body {
            switch statement.kind {
            case .assign(let targets, let value):
                guard targets.count == 1, case .attribute(let receiver, let attr, _) = targets[0].kind, case .name("self", _) = receiver.kind,
                      case .name(let parameter, _) = value.kind, constructor.parameters.contains(parameter), fields[parameter] == nil else { return nil }
                fields[parameter] = attr
            case .expr(let value) where value.stringConstant != nil: continue  // a docstring
            case .pass: continue
            // `if not JOBNAME_RE.match(jobname): raise ValueError(...)`: a check, kept as the
            // field's (`constructorFieldChecks`).
            case .if(_, let body, let orelse) where orelse.isEmpty && { if case .raise? = body.last?.kind { true } else { false } }():
                continue
            default: return nil
            }
        }
        let parameters = constructor.parameters.dropFirst()
        guard !parameters.isEmpty, parameters.allSatisfy({ fields[$0] != nil }) else { return nil }
        return parameters.map { fields[$0]! }
    }

    /// What a plain constructor's raising checks prove of the fields it stores, by class and
    /// field (`if not JOBNAME_RE.match(jobname): raise` then `self.jobname = jobname`).
    private(set) lazy var constructorFieldChecks: [String: [String: Guard.Effect]] = {
        var table: [String: [String: Guard.Effect]] = [:]
        for (className, fields) in plainConstructorFields {
            guard let constructor = constructors[className] else { continue }
            let proven = raisingChecks(constructor.body)
            for (parameter, field) in zip(constructor.parameters.dropFirst(), fields) {
                if let effect = proven[parameter] { table[className, default: [:]][field] = effect }
            }
        }
        return table
    }()

    /// The file's top-level classes' bases that are classes of this file, by class.
    private(set) lazy var localBases: [String: [String]] = {
        var bases: [String: [String]] = [:]
        for statement in parsed.module.body {
            guard case .classDef(let name, let classBases, _, _, _, _) = statement.kind else { continue }
            bases[name] = classBases.compactMap { base in
                if case .name(let id, _) = base.kind, classNames.contains(id), imports.binding(of: id) == nil { return id }
                return nil
            }
        }
        return bases
    }()

    /// The method `name` of `className`: its own, or the first a base class of this file
    /// defines (`self.query(sql)` in a handler whose `BaseHandler` has it), in Python's
    /// depth-first order of bases.
    func method(_ name: String, of className: String, depth: Int = 0) -> FunctionInfo? {
        if let own = functions["\(className).\(name)"] { return own }
        guard depth < 8 else { return nil }
        for base in localBases[className] ?? [] where base != className {
            if let found = method(name, of: base, depth: depth + 1) { return found }
        }
        return nil
    }

    /// Module-level tables whose values are all instances of one class of this file
    /// (`INDEXES = {"api": LogIndex(...), ...}`), by name: `INDEXES.get(stream)` is one.
    private(set) lazy var tableClasses: [String: String] = facts.moduleAssignments(of: parsed.module).filter { _, value in
        guard case .dict(_, let values) = value.kind, let first = values.first?.calledName, classNames.contains(first) else { return false }
        return values.allSatisfy { $0.calledName == first }
    }.compactMapValues { value in
        if case .dict(_, let values) = value.kind { return values.first?.calledName }
        return nil
    }

    /// Instances of this file's classes kept in an application's registry under a fixed key
    /// (`app["locator"] = ReportLocator(ROOT)`, anywhere in the file), by key: a handler's
    /// `request.app["locator"].locate(name)` calls that class's method. A key given two classes
    /// names neither.
    private(set) lazy var registryInstances: [String: String] = registryEntries { value in
        value.calledName.flatMap { classNames.contains($0) ? $0 : nil }
    }

    /// What the file keeps under each fixed key of a registry (`app["key"] = value`, anywhere),
    /// by key, as `kind` names it (a class, a client); a key given two kinds names neither.
    private func registryEntries(_ kind: (Expr) -> String?) -> [String: String] {
        var found: [String: String?] = [:]
        parsed.module.walkStatements { statement in
            guard case .assign(let targets, let value) = statement.kind, let made = kind(value) else { return }
            for target in targets {
                guard case .subscript(_, let slice, _) = target.kind, let key = slice.stringConstant else { continue }
                if let known = found[key], known != made { found[key] = .some(nil) } else { found[key] = made }
            }
        }
        return found.compactMapValues { $0 }
    }
    /// The attributes each class of the file gives its instances: `self.x = …` in any of its
    /// methods, and a dataclass's fields.
    private(set) lazy var instanceAttributeNames: [String: Set<String>] = instanceStores.attributes
    /// The methods that store in `self` (`self.region = args.get("region")`): their summaries
    /// record which parameters they store (`FunctionSummary.storedParameters`), so they take
    /// their parameters whole, not attribute by attribute (`TaintInterpreter.parameterInstance`).
    private(set) lazy var functionsStoringInSelf: Set<String> = instanceStores.functions

    /// The parameters of `function` it reads only by constant keys (`opts["sort"]`,
    /// `opts.get("sort")`) and never rebinds: a caller passing a record is judged key by key
    /// (`TaintInterpreter.keyedParameterField`). Found once per function.
    func keyedOnlyParameters(of function: FunctionInfo) -> Set<String> {
        if let known = keyedOnly[function.qualifiedName] { return known }
        let candidates = Set(function.parameters.filter { $0 != "self" && $0 != "cls" && function.isUnboundParameter($0) })
        var keyed: Set<Int> = [], reads: [String: [Int]] = [:]
        if !candidates.isEmpty {
            Module(body: function.body).walk { node in
                guard case .expr(let expression) = node else { return true }
                switch expression.kind {
                case .subscript(let container, let slice, _):
                    if slice.stringConstant != nil, case .name(let id, _) = container.kind, candidates.contains(id) { keyed.insert(container.loc.startByte) }
                case .call(let callee, let arguments, _):
                    if case .attribute(let container, "get", _) = callee.kind, arguments.first?.stringConstant != nil,
                       case .name(let id, _) = container.kind, candidates.contains(id) {
                        keyed.insert(container.loc.startByte)
                    }
                case .name(let id, _):
                    if candidates.contains(id) { reads[id, default: []].append(expression.loc.startByte) }
                default:
                    break
                }
                return true
            }
        }
        let found = Set(reads.filter { !$0.value.isEmpty && $0.value.allSatisfy(keyed.contains) }.keys)
        keyedOnly[function.qualifiedName] = found
        return found
    }
    private lazy var instanceStores: (attributes: [String: Set<String>], functions: Set<String>) = {
        var names: [String: Set<String>] = dataclassFields.mapValues(Set.init)
        var storing: Set<String> = []
        for function in functions.values {
            guard let className = function.className else { continue }
            Module(body: function.body).walkStatements { statement in
                let targets: [Expr]
                switch statement.kind {
                case .assign(let assigned, _): targets = assigned
                case .annAssign(let target, _, _, _), .augAssign(let target, _, _): targets = [target]
                default: return
                }
                for target in targets {
                    if case .attribute(let receiver, let attr, _) = target.kind, case .name("self", _) = receiver.kind {
                        names[className, default: []].insert(attr)
                        storing.insert(function.qualifiedName)
                    }
                }
            }
        }
        return (names, storing)
    }()
    /// Every attribute name above, and every method name of the file's classes: a parameter's
    /// class is looked for only where one of these is used on it.
    private(set) lazy var classMemberNames: Set<String> = instanceAttributeNames.values.reduce(into: Set(functions.values.compactMap { function in
        function.className == nil ? nil : Self.simpleName(of: function.qualifiedName)
    })) { $0.formUnion($1) }
    /// `passedClass` answers, by function and parameter (no string to build per question).
    private var passedClasses: [PassedParameter: String?] = [:]
    private struct PassedParameter: Hashable {
        let function: ObjectIdentifier
        let parameter: String
    }
    /// Each function's simple name, the one calls use (`simpleName(of:)`), and the functions
    /// by it.
    private(set) lazy var simpleNames: [String: String] = functions.mapValues { Self.simpleName(of: $0.qualifiedName) }
    private(set) lazy var functionsNamed: [String: [String]] = {
        var named: [String: [String]] = [:]
        for (name, simple) in simpleNames { named[simple, default: []].append(name) }
        return named
    }()
    /// Every getter's name, whatever its class.
    private(set) lazy var propertyNames: Set<String> = properties.values.reduce(into: []) { $0.formUnion($1) }
    /// Getters of the file's classes (`@property`, `@cached_property`): their names by class.
    private(set) lazy var properties: [String: Set<String>] = {
        var found: [String: Set<String>] = [:]
        parsed.module.walkStatements { statement in
            guard case .classDef(let className, _, _, let body, _, _) = statement.kind else { return }
            for member in body {
                guard case .functionDef(let name, _, _, let decorators, _, _, _) = member.kind,
                      decorators.contains(where: { ["property", "cached_property", "functools.cached_property"].contains(imports.qualifiedName(of: $0) ?? "") })
                else { continue }
                found[className, default: []].insert(name)
            }
        }
        return found
    }()

    /// The class of this file every call of `function` passes an instance of for parameter
    /// `name` (`run_report(spec)` with `spec = ReportSpec(request.args)`, or the constructor
    /// call itself), when the file shows all its calls (`Module.argumentsPassed`).
    func passedClass(of function: FunctionInfo, parameter name: String) -> String? {
        guard callsPassingInstances.contains(simpleNames[function.qualifiedName] ?? "") else { return nil }
        let key = PassedParameter(function: ObjectIdentifier(function), parameter: name)
        if let known = passedClasses[key] { return known }
        let position = function.body.first?.loc.startByte ?? function.loc.startByte
        var found: String?
        if let passed = parsed.module.argumentsPassed(toParameter: name, ofFunctionAround: position) {
            let classes = Set(passed.map { classConstructed(by: $0) })
            if classes.count == 1, let only = classes.first { found = only }
        }
        passedClasses[key] = .some(found)
        return found
    }

    /// The names calls use (`run_report` of `run_report(spec)`, `build` of `x.build(job)`) where
    /// some argument is an instance of a class of this file, made there or bound to a name
    /// anywhere: only their functions' parameters can be such instances (`passedClass`).
    private lazy var callsPassingInstances: Set<String> = {
        guard !classNames.isEmpty else { return [] }
        var instanceNames: Set<String> = []
        parsed.module.walkStatements { statement in
            guard case .assign(let targets, let value) = statement.kind,
                  let made = value.calledName.flatMap({ classNames.contains($0) ? $0 : nil }) ?? classFactoryCall(value) ?? classReturnedByCall(value),
                  classNames.contains(made) else { return }
            for target in targets { if case .name(let id, _) = target.kind { instanceNames.insert(id) } }
        }
        var calls: Set<String> = []
        parsed.module.walk { node in
            guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind else { return true }
            let passes = (arguments + keywords.map(\.value)).contains { argument in
                switch argument.kind {
                case .name(let id, _): return instanceNames.contains(id)
                case .call: return argument.calledName.map(classNames.contains) ?? false
                default: return false
                }
            }
            if passes, let name = Self.simpleName(of: function) { calls.insert(name) }
            return true
        }
        return calls
    }()

    /// The class of this file an expression makes an instance of: its constructor's call, or a
    /// name the function binds once to one.
    private func classConstructed(by argument: Expr, followingNames: Bool = true) -> String? {
        switch argument.kind {
        case .call:
            if let factory = classFactoryCall(argument) { return factory }
            if let made = argument.calledName.flatMap({ classNames.contains($0) && imports.binding(of: $0) == nil ? $0 : nil }) { return made }
            return classReturnedByCall(argument)
        case .name(let id, _) where followingNames:
            return parsed.module.onlyAssignment(of: id, inFunctionAround: argument.loc.startByte)
                .flatMap { classConstructed(by: $0, followingNames: false) }
        default:
            return nil
        }
    }
    /// The same for lists, tuples and sets of string literals that nothing changes
    /// (`ALLOWED = ["https://a.example/", …]`), and the strings above as lists of one.
    private(set) lazy var moduleTextLists: [String: [String]] = Self.moduleTextLists(parsed.module, assignments: facts.moduleAssignments(of: parsed.module), strings: moduleStrings)
    /// Names bound to a compiled regular expression (`NAME = re.compile(...)`), with its
    /// pattern when a literal: a whole-value match in an `if` test validates (`Guard`).
    private(set) lazy var compiledPatterns: [String: String?] = Self.compiledPatternNames(parsed.module, imports: imports)
    /// See `clientAttributesAndParameters`, found on first use.
    private(set) lazy var clientsKept = Self.clientAttributesAndParameters(functions, imports: imports, module: parsed.module)
    /// See `tableLookupNames`, found on first use.
    private(set) lazy var tableLookupNames: Set<String> = Self.tableLookupNames(parsed.module)
    /// Module-level names bound to a dict, list or set display (or `dict()`, `list()`, `set()`,
    /// `defaultdict(...)`, `deque()`): tables functions may fill and others read.
    private(set) lazy var moduleTables: Set<String> = Set(parsed.module.body.compactMap { statement -> String? in
        let id: String, value: Expr
        switch statement.kind {
        case .assign(let targets, let assigned):
            guard targets.count == 1, case .name(let name, _) = targets[0].kind else { return nil }
            (id, value) = (name, assigned)
        // `WIDGETS: Dict[str, dict] = {}`.
        case .annAssign(let target, _, let assigned?, _):
            guard case .name(let name, _) = target.kind else { return nil }
            (id, value) = (name, assigned)
        default:
            return nil
        }
        switch value.kind {
        case .dict, .list, .set: return id
        case .call(let function, _, _):
            guard let name = imports.qualifiedName(of: function) ?? value.calledName else { return nil }
            return ["dict", "list", "set", "collections.defaultdict", "collections.deque", "collections.OrderedDict"].contains(name) ? id : nil
        default: return nil
        }
    })
    /// Per class, the `self.x` attributes holding an instance of a class of this file: made
    /// there (`self.store = Store()`) or given to the constructor as one (`fetcher: PageFetcher`).
    /// Whether some test in the file checks where a URL leads (a host allow-list, a fixed
    /// prefix: a `Guard` effect making data safe for requests, CWE-918). A file that checks
    /// the URLs it is given where they are registered (`register(sub)` raising unless
    /// `is_partner_endpoint(sub.url)`) is taken to keep only checked ones: its stored URL
    /// fields are then no source (`TaintInterpreter.storedURL`). Found on first need.
    private(set) lazy var checksURLHosts: Bool = {
        // Every such check names a host, a netloc or a prefix: a file naming none has none.
        guard ["host", "netloc", "startswith", "is_safe_url"].contains(where: parsed.mentions) else { return false }
        var found = false
        parsed.module.walk { node in
            guard !found else { return false }
            guard case .stmt(let statement) = node else { return true }
            let test: Expr?
            switch statement.kind {
            case .if(let condition, _, _), .while(let condition, _, _), .assert(let condition, _): test = condition
            case .return(let value): test = value
            default: test = nil
            }
            if let test {
                let effect = Guard(test: test, imports: imports, normalisedPaths: [], facts: self)
                found = (Array(effect.whenTrue.values) + Array(effect.whenFalse.values)).contains { if case .safeFor(let cwes) = $0 { cwes.contains(918) } else { false } }
            }
            return true
        }
        return found
    }()

    /// Per class of the file, its class-level attributes naming another class of the file
    /// (`renderer_class = PdfRenderer`): what `self.renderer_class(...)` makes.
    private(set) lazy var classFactories: [String: [String: String]] = classLevelClasses { value in
        if case .name(let made, _) = value.kind { return made }
        return nil
    }

    /// Per class of the file, the class-level attributes whose value `made` reads as a class
    /// of this file (not one an import binds).
    private func classLevelClasses(_ made: (Expr) -> String?) -> [String: [String: String]] {
        var classes: [String: [String: String]] = [:]
        for statement in parsed.module.body {
            guard case .classDef(let className, _, _, let body, _, _) = statement.kind else { continue }
            for member in body {
                guard case .assign(let targets, let value) = member.kind, targets.count == 1, case .name(let attr, _) = targets[0].kind,
                      let made = made(value), classNames.contains(made), imports.binding(of: made) == nil else { continue }
                classes[className, default: [:]][attr] = made
            }
        }
        return classes
    }

    static let constructorMethods = ["__init__", "initialize", "setup"]
    private(set) lazy var attributeClasses: [String: [String: String]] = {
        // `renderer = PreviewRenderer()` in the class body: every instance's.
        var classes = classLevelClasses(\.calledName)
        for statement in parsed.module.body {
            guard case .classDef(let className, _, _, _, _, _) = statement.kind else { continue }
            // The constructor, or the method a framework calls in its place (Tornado's
            // `initialize`, a Django view's `setup`).
            for method in Self.constructorMethods {
                guard let constructor = functions["\(className).\(method)"] else { continue }
                Module(body: constructor.body).walkStatements { statement in
                    guard case .assign(let targets, let value) = statement.kind, targets.count == 1,
                          case .attribute(let receiver, let attr, _) = targets[0].kind, case .name("self", _) = receiver.kind else { return }
                    if case .name(let parameter, _) = value.kind, let typeName = constructor.declaredType(of: parameter), classNames.contains(typeName) {
                        classes[className, default: [:]][attr] = typeName
                    } else if let made = value.calledName, classNames.contains(made), imports.binding(of: made) == nil {
                        classes[className, default: [:]][attr] = made
                    }
                }
            }
        }
        return classes
    }()
    /// The class of this file every construction of `className` hands its constructor for the
    /// parameter it stores in `attr`, undeclared (`BoxResource(Manifest(PATH))` of
    /// `self.manifest = manifest`). Asked where a method of the attribute is called, found once:
    /// each answer costs a walk of the file.
    func passedAttributeClass(_ className: String, _ attr: String) -> String? {
        let key = className + "." + attr
        if let known = passedAttributeClasses[key] { return known }
        var found: String?
        if let constructor = constructors[className] {
            Module(body: constructor.body).walkStatements { statement in
                guard found == nil, case .assign(let targets, let value) = statement.kind, targets.count == 1,
                      case .attribute(let receiver, attr, _) = targets[0].kind, case .name("self", _) = receiver.kind,
                      case .name(let parameter, _) = value.kind, constructor.parameters.contains(parameter) else { return }
                found = passedClass(parameter, to: constructor)
            }
        }
        passedAttributeClasses[key] = .some(found)
        return found
    }
    private var passedAttributeClasses: [String: String?] = [:]

    /// The class of this file every call of `function` in the file passes an instance of for
    /// `parameter` (a construction, `Manifest(path)`, or a module-level instance's name).
    private func passedClass(_ parameter: String, to function: FunctionInfo) -> String? {
        // A class never called by name in the file has no construction to read (the walk
        // that finds them is costly; this look at the bytes is not).
        if let className = function.className, function.qualifiedName.hasSuffix(".__init__"),
           !Self.callsByName(Array(className.utf8), in: parsed.source) {
            return nil
        }
        guard let passed = parsed.module.argumentsPassed(toParameter: parameter, ofFunctionAround: function.loc.startByte),
              !passed.isEmpty else { return nil }
        let classes = Set(passed.map { value -> String? in
            if let made = value.calledName, classNames.contains(made), imports.binding(of: made) == nil { return made }
            if case .name(let id, _) = value.kind { return moduleInstances[id] }
            return nil
        })
        guard classes.count == 1, let only = classes.first else { return nil }
        return only
    }
    /// Per pydantic model of this file, what its field validators prove of each field
    /// (`computeFieldValidations`): a handler's parameter of that model holds the field checked.
    private(set) lazy var fieldValidations: [String: [String: Guard.Effect]] = computeFieldValidations()
    /// Whether the file imports redis, whose queue pops are a source.
    private(set) lazy var readsRedis: Bool = imports.imports("redis")
    /// Route parameters the file's patterns convert to numbers (`FunctionTable.convertedPathNames`).
    private(set) lazy var convertedPathNames: Set<String> = FunctionTable.convertedPathNames(parsed.module)
    /// Whether the file parses its command line with argparse (or optparse).
    private(set) lazy var parsesCommandLine: Bool = imports.imports("argparse") || imports.imports("optparse")
    /// Options whose parsed value is no text of the operator's: fixed choices, numbers, flags
    /// (`ArgumentChoices.kinds`, found once per file with the pattern rules: `FileFacts`).
    private(set) lazy var plainCommandLineOptions: Set<String> = parsesCommandLine
        ? Set(facts.argumentKinds(of: parsed).compactMap { $0.value == .text ? nil : $0.key }) : []
    /// What the file's pattern rules found of it, shared.
    let facts: FileFacts
    /// Whether the file imports boto3, whose bucket listings are a source (as paths).
    private(set) lazy var usesBoto3: Bool = imports.imports("boto3")
    /// Whether the file imports a library whose responses are a source (`fetchesResponse`).
    private(set) lazy var fetchesResponses: Bool = ["requests", "httpx", "aiohttp", "urllib", "urllib2", "urllib3"].contains(where: imports.imports)
    /// `onlyAssignment(of:around:)`'s answers.
    var onlyAssignments: [BindingQuery: Expr?] = [:]
    struct BindingQuery: Hashable {
        let name: String
        let position: Int
    }
    /// `GuardFacts.validatorProof`, per function name, found on first use.
    var validatorProofs: [String: ValidatorProof?] = [:]
    /// Simple names of functions (and lambdas) defined inside a function, which a call by that
    /// name there may mean (`outer.inner`).
    let innerFunctionNames: Set<String>
    /// Every class the module defines at its top level, methods or not (`class Config: url = …`).
    let moduleClasses: Set<String>
    /// Classes of the file serving requests for the standard library's servers
    /// (`class H(http.server.BaseHTTPRequestHandler)`): their methods read the client's request.
    let requestHandlerClasses: Set<String>
    /// Module-level names holding an HTTP client (`session = requests.Session()`), by its
    /// constructor's name, for functions that use it.
    let moduleClients: [String: String]

    static let summaryPasses = 3

    init(parsed: ParsedModule, imports: ImportTable, file: String, rules: [any DataFlowRule], facts: FileFacts = FileFacts()) {
        self.parsed = parsed
        self.facts = facts
        self.imports = imports
        self.file = file
        self.rules = rules
        ruleCWEs = rules.map { type(of: $0).description.cwe }
        functions = FunctionTable.collect(parsed.module, imports: imports)
        // Classes with methods, and dataclasses and models without (their generated constructor
        // stores each field: `Subscription(target_url=t).id` is the field's default).
        dataclassFields = Self.dataclassFields(parsed.module)
        classNames = Set(functions.values.compactMap(\.className)).union(dataclassFields.keys)
        var constructors: [String: FunctionInfo] = [:]
        for function in functions.values where function.qualifiedName.hasSuffix(".__init__") {
            if let className = function.className { constructors[className] = function }
        }
        self.constructors = constructors
        xmlElements = Self.xmlElementNames(parsed.module, imports: imports)
        innerFunctionNames = Set(functions.values.compactMap { function in
            guard function.className == nil, let dot = function.qualifiedName.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
            return String(function.qualifiedName[function.qualifiedName.utf8.index(after: dot)...])
        })
        moduleClasses = Self.classNames(parsed.module)
        requestHandlerClasses = Self.requestHandlerClasses(parsed.module, imports: imports)
        moduleClients = Self.clientNames(parsed.module, imports: imports)
    }

    /// What decides whether a function needs analysing at all: the names calls use, and where
    /// source names occur (nil: they may occur anywhere).
    struct Reach {
        /// The names each function's own calls use, by the function's dotted name.
        var callsByFunction: [String: Set<String>]
        var sourcePositions: [Int]?
    }

    /// Untrusted data enters a file through a web handler's parameters or a source, and each
    /// source needs one of `TaintSources.identifiers` in the file (`sourceNamesPresent`).
    /// Without either, no flow can be reported and none explained away: nothing to run.
    func run(sourceNamesPresent: Bool = true, reach: Reach? = nil) -> [Finding] {
        guard !rules.isEmpty, sourceNamesPresent || functions.values.contains(where: \.isHandler) else { return [] }
        // The top level first, for the globals functions read (what it finds is kept; it runs
        // again at the end, with every summary known).
        var top = TaintInterpreter(engine: self, function: nil)
        top.block(parsed.module.body, depth: 0)
        globals = top.environment.filter { !$0.key.contains(".") && $0.value.origins.contains(.source) }
        let globalNames = globals.keys.map { Array($0.utf8) }
        // A function contributes a finding only through a source inside it (or its parameters,
        // in a web handler, or a tainted global it reads), through a function it calls that
        // returns one, or through its class's tainted attributes; and its summary only to calls
        // that name it. One that is none of these is left alone.
        let sourcePositions = reach?.sourcePositions.map { $0.filter { !Self.isInertSourceWord(at: $0, in: parsed.source) } }
        let holdsSource: [String: Bool] = functions.mapValues { function in
            guard let positions = sourcePositions else { return true }
            let range = function.loc.startByte..<function.loc.endByte
            return Self.anyPosition(in: range, positions)
                || globalNames.contains { Self.containsWord($0, in: parsed.source, range) }  // reads a tainted global
                // Fetches with an HTTP client its class keeps (`self.session.get(url)`): the response is another party's.
                || function.className.flatMap { clientsKept.attributes[$0] }.map { kept in
                    kept.keys.contains { Self.containsWord(Array($0.utf8), in: parsed.source, range) }
                } == true
        }

        let simpleNames = self.simpleNames, functionsNamed = self.functionsNamed
        // The roots: handlers and functions holding a source. Those calling a function whose
        // summary says it returns untrusted data join them once it is known (below).
        var selected = Set(functions.keys.filter { name in
            guard let function = functions[name] else { return true }
            return reach == nil || function.isHandler || holdsSource[name] == true
                || function.className.map(requestHandlerClasses.contains) == true
        })
        // Simple names of the functions whose summaries return untrusted data.
        var returningNames: Set<String> = []
        // A callee's summary matters only where a call hands it untrusted data (arguments,
        // receiver, or an instance its constructor filled): the interpreter notes those calls
        // (`demanded`), and the callees join the selected once a round has shown them. Every
        // function a selected one could call, the way this was first done, was most of a
        // large file (pydoc: 130 of 154 functions, for 25 holding a source).
        // The top level (class bodies run with it) is such a caller too. Its first run above
        // saw no summaries: it runs again after each round whose summaries it used changed,
        // for the calls it hands untrusted data to (reporting nothing: the last run reports).
        var topLevelUsed: (summaries: [String: Int], globals: Int)?
        func topLevelDemands() {
            guard reach != nil else { return }
            if let previous = topLevelUsed, previous.globals == globalsVersion,
               previous.summaries.allSatisfy({ (summaryVersions[$0.key] ?? 0) == $0.value }) { return }
            consulted = [:]
            discovering = true
            var interpreter = TaintInterpreter(engine: self, function: nil)
            interpreter.block(parsed.module.body, depth: 0)
            discovering = false
            topLevelUsed = (consulted, globalsVersion)
        }
        // A function is analysed again when a summary it used, its class's tainted attributes
        // or the module's tainted globals changed since (the last two only grow: counts tell).
        used = [:]
        // Callees before their callers (post-order over the calls, in name order): a caller
        // analysed after its callees reads their final summaries, where the name order had it
        // analysed again once they changed (on the standard library, 10,784 analyses from 11,524).
        func calleesFirst(_ selected: Set<String>) -> [String] {
            guard let reach else { return selected.sorted() }
            var order: [String] = [], visited: Set<String> = []
            for root in selected.sorted() where !visited.contains(root) {
                visited.insert(root)
                // Iterative depth-first walk: a call chain can be long.
                var stack: [(name: String, callees: [String], next: Int)] = []
                func callees(of name: String) -> [String] {
                    (reach.callsByFunction[name] ?? []).sorted().flatMap { (functionsNamed[$0] ?? []).sorted() }.filter(selected.contains)
                }
                stack.append((root, callees(of: root), 0))
                while let top = stack.indices.last {
                    if stack[top].next < stack[top].callees.count {
                        let callee = stack[top].callees[stack[top].next]
                        stack[top].next += 1
                        if visited.insert(callee).inserted { stack.append((callee, callees(of: callee), 0)) }
                    } else {
                        order.append(stack.removeLast().name)
                    }
                }
            }
            return order
        }
        demanded = []
        topLevelDemands()
        selected.formUnion(demanded.filter { functions[$0] != nil })
        while true {
            let names = calleesFirst(selected)
            for _ in 1...Self.summaryPasses {
                var changed = false
                for name in names {
                    guard let function = functions[name] else { continue }
                    if analyseAndRecord(function) { changed = true }
                }
                if !changed { break }
            }
            topLevelDemands()
            // A method sees what another method of its class stored in `self`: once a class has
            // such attributes, its methods left out so far are analysed too.
            // Likewise a function reading a global (or a class attribute, `Config.cmd`) that a
            // function filled with untrusted data (`global CMD; CMD = request.args["c"]`).
            let storedNames = storedGlobals.map { Array(($0.split(separator: ".").last.map(String.init) ?? $0).utf8) }
            // And a function calling one whose summary returns untrusted data (by the simple
            // name the call uses).
            returningNames = Set(summaries.compactMap { name, summary in summary.returnedSource == nil ? nil : simpleNames[name] })
            let more = functions.filter { name, function in
                guard !selected.contains(name) else { return false }
                if demanded.contains(name) { return true }
                if function.className.map({ classAttributes[$0]?.isEmpty == false }) == true { return true }
                if let calls = reach?.callsByFunction[name], !calls.isDisjoint(with: returningNames) { return true }
                let range = function.loc.startByte..<function.loc.endByte
                return storedNames.contains { Self.containsWord($0, in: parsed.source, range) }
            }
            if more.isEmpty { break }
            selected.formUnion(more.keys)
        }
        var interpreter = TaintInterpreter(engine: self, function: nil)
        interpreter.block(parsed.module.body, depth: 0)
        for (line, arrivals) in queryArrivals where arrivals.clean && !arrivals.unsafe { cleanSinks.insert("\(line):89") }
        return findings.values.sorted { ($0.line, $0.column, $0.code) < ($1.line, $1.column, $1.code) }
    }

    /// A source name where it reads nothing: `input` or `raw_input` not called as the builtin
    /// (a parameter, `self.input`, `run(input=data)`), or the `request` of `urllib.request`.
    /// Half the functions of the standard library holding a source name held only these.
    static func isInertSourceWord(at position: Int, in bytes: [UInt8]) -> Bool {
        var end = position
        while end < bytes.count, NameIndex.continuesIdentifier(bytes[end]) { end += 1 }
        let word = bytes[position..<end]
        if word.elementsEqual("open".utf8) { return opensForWriting(from: end, in: bytes) }
        if word.elementsEqual("request".utf8) {
            let prefix = Array("urllib.".utf8)
            return position >= prefix.count && bytes[(position - prefix.count)..<position].elementsEqual(prefix)
        }
        guard word.elementsEqual("input".utf8) || word.elementsEqual("raw_input".utf8) else { return false }
        var before = position - 1
        while before >= 0, bytes[before] == UInt8(ascii: " ") { before -= 1 }
        if before >= 0, bytes[before] == UInt8(ascii: ".") { return true }
        if before >= 2, bytes[(before - 2)...before].elementsEqual("def".utf8) { return true }
        var after = end
        while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
        return after >= bytes.count || bytes[after] != UInt8(ascii: "(")
    }

    /// Whether the call whose name ends at `start` (`open(path, "w")`) is given a mode that
    /// only writes (`w`, `a` or `x`, no `r` or `+`): nothing is read from such a file. Read
    /// from the bytes, as far as the call's closing parenthesis on a simple reading of strings.
    static func opensForWriting(from start: Int, in bytes: [UInt8]) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return false }
        var depth = 0, afterFirstArgument = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ","): if depth == 1 { afterFirstArgument = true }
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return false }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                var end = index + 1
                while end < bytes.count, bytes[end] != byte, bytes[end] != UInt8(ascii: "\n") {
                    if bytes[end] == UInt8(ascii: "\\") { end += 1 }
                    end += 1
                }
                guard end < bytes.count, bytes[end] == byte else { return false }
                let text = bytes[(index + 1)..<end]
                // The mode, not the path (`open("a")` reads a file named a).
                if depth == 1, afterFirstArgument, (1...4).contains(text.count), text.allSatisfy({ "rwaxbtU+".utf8.contains($0) }) {
                    return !text.contains(UInt8(ascii: "r")) && !text.contains(UInt8(ascii: "+"))
                }
                index = end
            default: break
            }
            index += 1
        }
        return false
    }

    /// The name a call uses for a function: its last part (`run` of `Job.run`), or the class's
    /// for a constructor (`Job` of `Job.__init__`). Split by bytes: asked of every function.
    static func simpleName(of qualifiedName: String) -> String {
        let utf8 = qualifiedName.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return qualifiedName }
        let last = qualifiedName[utf8.index(after: dot)...]
        guard last == "__init__" else { return String(last) }
        let owner = qualifiedName[..<dot]
        guard let previous = owner.utf8.lastIndex(of: UInt8(ascii: ".")) else { return String(owner) }
        return String(owner[owner.utf8.index(after: previous)...])
    }

    /// Whether `name(` appears in `bytes` other than where `class name(` defines it.
    static func callsByName(_ name: [UInt8], in bytes: [UInt8]) -> Bool {
        guard let first = name.first else { return false }
        let continues = NameIndex.continuesIdentifier
        let keyword = Array("class ".utf8)
        var index = 0
        while index + name.count < bytes.count {
            if bytes[index] == first, index == 0 || !continues(bytes[index - 1]),
               bytes[index..<index + name.count].elementsEqual(name), bytes[index + name.count] == UInt8(ascii: "("),
               !(index >= keyword.count && bytes[(index - keyword.count)..<index].elementsEqual(keyword)) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether `word` occurs in `range` of `bytes` as a whole identifier (a file whose
    /// identifiers are all ASCII: the reach test only asks when source positions are known).
    static func containsWord(_ word: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let first = word.first, range.upperBound <= bytes.count else { return false }
        let continues = NameIndex.continuesIdentifier
        var index = range.lowerBound
        while index + word.count <= range.upperBound {
            if bytes[index] == first, index == 0 || !continues(bytes[index - 1]),
               bytes[index..<index + word.count].elementsEqual(word),
               index + word.count == bytes.count || !continues(bytes[index + word.count]) { return true }
            index += 1
        }
        return false
    }

    /// Counts the changes to `globals`: a function analysed before the last one runs again.
    var globalsVersion = 0

    /// Functions of this file some call handed untrusted data (see `run`).
    var demanded: Set<String> = []
    /// See `keyedOnlyParameters(of:)`.
    private var keyedOnly: [String: Set<String>] = [:]
    /// See `GuardFacts.subtractsSets`: the file names `set` or `frozenset` (what
    /// `Guard.setElements` reads), or has a `not in` test (`[c for c in cs if c not in KNOWN]`).
    private(set) lazy var setDifferences: Bool = parsed.mentions("set") || parsed.mentions(" not in ")
    /// See `plainBuilds(of:)`.
    var plainBuildTable: [String: [(name: String, value: Expr, reads: Set<String>)]] = [:]
    /// What each analysed function used when it was last analysed: the summaries (by
    /// version), its class's tainted attributes and the globals (both by count). It is
    /// analysed again only when one of them changed.
    private var used: [String: (summaries: [String: Int], attributes: Int, globals: Int)] = [:]
    /// The functions being analysed now, outermost first: a demanded callee is analysed inside
    /// its caller's analysis (`consult`), unless it is one of these (recursion) or the chain is
    /// already `nestedAnalysisLimit` deep.
    private var analysing: [String] = []
    static let nestedAnalysisLimit = 6
    /// Set while the top level runs only to find the calls it hands untrusted data to: it
    /// reports nothing then.
    var discovering = false

    /// Globals and class attributes a function stored untrusted data in (`global CMD`,
    /// `Config.cmd = x`), beside those the top level filled.
    var storedGlobals: Set<String> = []

    /// Notes that a function stored untrusted data in a module global or a class attribute
    /// (first path wins): every function reading it sees it.
    func recordGlobal(_ name: String, _ taint: Taint) {
        guard taint.origins.contains(.source) else { return }
        var source = taint
        source.origins = [.source]
        // A table or session already holding records: this store's keys join theirs (a
        // function that read it before sees the change: the version tells).
        if let known = globals[name] {
            guard known.fields != nil || known.elementFields != nil, source.fields != nil || source.elementFields != nil,
                  let joined = Taint.merge(known, source), joined != known else { return }
            globals[name] = joined
        } else {
            globals[name] = source
        }
        globalsVersion += 1
        storedGlobals.insert(name)
    }

    /// Notes that a method of `className` stored untrusted data in `self.x` (first path wins).
    func recordClassAttribute(_ className: String, _ key: String, _ taint: Taint) {
        guard taint.origins.contains(.source), key.hasPrefix("self."), classAttributes[className]?[key] == nil else { return }
        var source = taint
        source.origins = [.source]
        classAttributes[className, default: [:]][key] = source
    }

    /// Whether a sorted list of offsets has one inside `range`.
    static func anyPosition(in range: Range<Int>, _ sorted: [Int]) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] < range.upperBound
    }

    /// Analyses one function body; its parameters start tainted (as sources in a handler,
    /// as markers otherwise, for the summary).
    /// What a queued task's arguments are safe for: paths and log lines (`FunctionInfo.isQueuedTask`).
    static let queuedTaskSafe: Set<Int> = [22, 117]
    /// What a route's word parameter (`FunctionInfo.wordParameters`) cannot harm.
    static let routeWordSafe: Set<Int> = [22, 78, 79, 89, 90, 117, 601, 643, 1333]

    private func analyse(_ function: FunctionInfo) -> FunctionSummary {
        var interpreter = TaintInterpreter(engine: self, function: function)
        // Tainted globals first: a parameter or local of the same name replaces them.
        for (name, taint) in globals {
            interpreter.environment[name] = taint
            if name.contains(".") { interpreter.recorder.storesPaths = true }
        }
        if let className = function.className, let attributes = classAttributes[className] {
            for (key, taint) in attributes { interpreter.environment[key] = taint }
            interpreter.recorder.storesPaths = true
        }
        // A "view" only by its `request` parameter that this file calls (`landing_for(request,
        // candidate, fallback)`) is a helper: its other parameters are what callers pass.
        let calledAsHelper = function.handlerByParameterName && calledNames.contains(String(function.qualifiedName.split(separator: ".").last ?? ""))
        for (index, name) in function.parameters.enumerated() where name != "self" && name != "cls" {
            if function.isHandler && function.platformParameters.contains(index) { continue }
            if function.isHandler && !(calledAsHelper && name != "request") {
                let parameter = Taint.source(line: function.loc.lineno, column: function.loc.colOffset + 1,
                                             "parameter '\(name)' of \(function.handlerNoun) \(function.qualifiedName)")
                // A number, UUID or date by the time the handler runs: kept as checked data, so
                // the sinks it reaches know (and their pattern alarms are explained away).
                var value = function.typedParameters.contains(name) ? parameter.cleanedCopy : parameter
                if function.wordParameters.contains(name) { value = value.sanitizing(Self.routeWordSafe) }
                // A queued task's arguments are what the application enqueued: its own ids and
                // names for files and log lines, the client's text only where it passes content on.
                if function.isQueuedTask { value = value.sanitizing(Self.queuedTaskSafe) }
                // A command's parameters are the operator's command line, as `sys.argv` is.
                if function.isCommandLineCommand { value = value.sanitizing(TaintSources.operatorSettingsSafe).asOperatorSettings }
                // A model of this file whose validators check some fields: each field as checked.
                if let model = function.declaredType(of: name), let checks = fieldValidations[model], let fields = dataclassFields[model] {
                    value.fields = Dictionary(uniqueKeysWithValues: fields.map { field in (field, checks[field].map { $0.apply(to: parameter) } ?? parameter) })
                } else if let model = function.declaredType(of: name), dataclassFields[model] == nil, let constructor = constructors[model] {
                    value.fields = dependencyFields(constructor, of: parameter)
                }
                // `account: Account = Depends(current_account)`: what the dependency returns of
                // the request, not the request itself.
                if let provider = function.dependencyProviders[name] {
                    interpreter.environment[name] = interpreter.dependencyResult(provider, parameter: parameter, at: function.loc)
                    continue
                }
                interpreter.environment[name] = value
            } else {
                // No path: a parameter's is never shown (see `Taint.through`).
                interpreter.environment[name] = Taint(origins: [.parameter(index)], steps: [])
            }
        }
        if let clients = clientsKept.parameters[function.qualifiedName] { interpreter.clients.merge(clients) { first, _ in first } }
        interpreter.clients.merge(clientsPassed(to: function)) { first, _ in first }
        interpreter.block(function.body, depth: 0)
        // A constructor that checks what it stored before it ends (`if not SIZE_RE.fullmatch(self.size):
        // raise ValueError`): what an instance holds is the value as the checks left it. Only
        // where the body's end is its one way out (no `return` skips a check).
        if function.qualifiedName.hasSuffix(".__init__"), !interpreter.recorder.summary.storedParameters.isEmpty,
           !Self.containsReturn(function.body) {
            for (key, parameters) in interpreter.recorder.summary.storedParameters {
                guard let held = interpreter.environment[key] else { continue }
                for parameter in parameters where held.origins.contains(.parameter(parameter)) {
                    interpreter.recorder.summary.storedSafety[key, default: [:]][parameter] = held.safety(ofParameter: parameter)
                }
            }
        }
        return interpreter.recorder.summary
    }

    /// The names the file calls as plain names or methods (`helper(x)`, `self.helper(x)`).
    private(set) lazy var calledNames: Set<String> = {
        var names = Set<String>()
        parsed.module.walk { node in
            if case .expr(let expression) = node, case .call(let function, _, _) = expression.kind,
               let name = Self.simpleName(of: function) { names.insert(name) }
            return true
        }
        return names
    }()

    /// The name a call is made by: `f` of `f(x)`, `m` of `obj.m(x)`.
    static func simpleName(of function: Expr) -> String? {
        switch function.kind {
        case .name(let id, _): return id
        case .attribute(_, let attr, _): return attr
        default: return nil
        }
    }

    /// Whether a body (nested definitions aside) has a `return` statement.
    static func containsReturn(_ body: [Stmt]) -> Bool {
        var found = false
        ScopeWalk.walk(body) { node in
            guard !found, case .stmt(let statement) = node else { return false }
            if case .return = statement.kind { found = true }
            return !found
        }
        return found
    }

    /// A handler's parameter declared as a class of this file with its own constructor (a
    /// FastAPI dependency, `filters: InvoiceFilters = Depends()`): the framework calls the
    /// constructor with request values, so each attribute holds what the constructor stored
    /// of them. The others hold nothing of the request but what it chose among safe values
    /// (`SORTABLE.get(sort, "issued_on")`): made safe, so sinks they reach know it.
    private func dependencyFields(_ constructor: FunctionInfo, of request: Taint) -> [String: Taint] {
        demanded.insert(constructor.qualifiedName)
        consult(constructor.qualifiedName)
        let summary = summaries[constructor.qualifiedName] ?? FunctionSummary()
        var fields: [String: Taint] = [:]
        for attribute in instanceAttributeNames[constructor.className ?? ""] ?? [] { fields[attribute] = request.cleanedCopy }
        for (key, parameters) in summary.storedParameters where key.hasPrefix("self.") {
            let attribute = String(key.dropFirst(5))
            fields[attribute] = nil
            for parameter in parameters {
                let stored = summary.storedSafety[key]?[parameter].map { $0.apply(to: request) } ?? request
                fields[attribute] = Taint.merge(fields[attribute], stored)
            }
        }
        return fields
    }

    /// Records that untrusted data reached a sink made safe for it.
    func noteClean(line: Int, cwe: Int) {
        guard !discovering else { return }
        cleanSinks.insert("\(line):\(cwe)")
    }

    /// Notes that the function being analysed used `name`'s summary as it is now. A function
    /// a call handed untrusted data and never analysed yet is analysed first, right here: the
    /// caller reads its summary at once, where waiting for the next round had the caller
    /// analysed again (on the standard library, a quarter of all analyses).
    func consult(_ name: String) {
        if used[name] == nil, demanded.contains(name), analysing.count < Self.nestedAnalysisLimit, !analysing.contains(name),
           let function = functions[name] {
            let callerConsulted = consulted, callerDiscovering = discovering
            discovering = false  // the callee's own findings are real, whoever asked
            _ = analyseAndRecord(function)
            consulted = callerConsulted
            discovering = callerDiscovering
        }
        if consulted[name] == nil { consulted[name] = summaryVersions[name] ?? 0 }
    }

    /// Analyses `function` when what it used changed since its last analysis (or it has had
    /// none), keeping its summary; whether it was analysed.
    private func analyseAndRecord(_ function: FunctionInfo) -> Bool {
        let name = function.qualifiedName
        let attributes = function.className.map { classAttributes[$0]?.count ?? 0 } ?? 0
        if let previous = used[name], previous.attributes == attributes, previous.globals == globalsVersion,
           previous.summaries.allSatisfy({ (summaryVersions[$0.key] ?? 0) == $0.value }) { return false }
        consulted = [:]
        analysing.append(name)
        let summary = analyse(function)
        analysing.removeLast()
        // A summary not yet made reads as an empty one (see `TaintInterpreter.localCall`).
        if summary != summaries[name] ?? FunctionSummary() { summaryVersions[name, default: 0] += 1 }
        summaries[name] = summary
        used[name] = (consulted, attributes, globalsVersion)
        return true
    }

    /// Records that tainted data reached a sink.
    func report(rule index: Int, at loc: (line: Int, column: Int, endLine: Int, endColumn: Int), taint: Taint, sink: String) {
        guard taint.origins.contains(.source), !discovering else { return }
        let rule = rules[index]
        let description = type(of: rule).description
        let key = "\(description.code):\(loc.line):\(loc.column)"
        guard findings[key] == nil else { return }
        let source = taint.steps.first
        var flow = taint.steps
        flow.append(Finding.FlowStep(line: loc.line, column: loc.column, note: "reaches \(sink)"))
        let origin = source.map { " from \($0.note) (line \($0.line))" } ?? ""
        findings[key] = Finding(
            code: description.code, cwe: description.cwe, severity: description.severity, confidence: description.confidence,
            file: file, line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn,
            message: "untrusted data\(origin) reaches \(rule.sinkNoun) in \(sink) (\(description.cweID))",
            flow: flow, fixHint: nil)
    }
}

