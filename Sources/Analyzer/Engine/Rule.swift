import Diagnostics
import PythonSyntax

/// A security rule. Each rule lives in its own file under `Rules/`, declares its
/// description (with examples that the test suite runs) and looks at calls, other nodes,
/// or both.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()

    /// Qualified names of the calls this rule inspects (`subprocess.Popen`). The engine only
    /// hands it those calls, so rules cost nothing on unrelated code.
    var callees: Set<String> { get }
    /// Name prefixes of calls to inspect (`paramiko.` for every paramiko call).
    var calleePrefixes: [String] { get }
    func check(call: CallSite, context: inout RuleContext)

    /// Whether the rule wants statements and expressions (for non-call patterns).
    var inspectsNodes: Bool { get }
    /// Which nodes a node rule is handed; narrower is faster.
    var nodeKinds: NodeKinds { get }
    /// The rule as a data-flow rule, if it is one (a witness, not a dynamic cast: casting 100
    /// rules costs a noticeable part of a pre-commit hook's start-up).
    var asDataFlowRule: (any DataFlowRule)? { get }
    func check(node: Node, context: inout RuleContext)

    /// Whether the rule reads the file's text as a whole (once per file, before the walk).
    var inspectsSource: Bool { get }
    func check(source parsed: ParsedModule, context: inout RuleContext)

    /// Identifiers at least one of which a file must contain for this rule to report in it;
    /// empty for rules that may report anywhere. The engine skips the rule on other files
    /// (a rule that walks whole function bodies for one name costs much more than a search).
    var requiredIdentifiers: [String] { get }
    /// Modules at least one of which a file must import (`ssl`) for this rule to report in it:
    /// for rules that only match names resolved through those imports.
    var requiredImports: [String] { get }
}

extension Rule {
    public var callees: Set<String> { [] }
    public var calleePrefixes: [String] { [] }
    public func check(call: CallSite, context: inout RuleContext) {}
    public var inspectsNodes: Bool { false }
    public var nodeKinds: NodeKinds { .all }
    public var asDataFlowRule: (any DataFlowRule)? { nil }
    public func check(node: Node, context: inout RuleContext) {}
    public var requiredIdentifiers: [String] { [] }
    public var inspectsSource: Bool { false }
    public func check(source parsed: ParsedModule, context: inout RuleContext) {}
    public var requiredImports: [String] { [] }
    /// Shorthand for the rule's description.
    public var description: RuleDescription { Self.description }
}

/// Values a rule may accept where `RuleContext.isFixedText` asks for fixed text.
public struct HarmlessSplices: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Numbers: they cannot close a quote in SQL or a shell command.
    public static let numbers = HarmlessSplices(rawValue: 1)
    /// `shlex.quote(x)` (and `pipes.quote`, `shlex.join`): one word to a shell.
    public static let shellQuoted = HarmlessSplices(rawValue: 2)
}

/// Facts about one file that several rules may need, each found on first use and shared by
/// every rule's context (one scan of the file, not one per rule).
final class FileFacts {
    init() {}

    /// What each command-line option's value can be (`ArgumentChoices.kinds`), found once per
    /// file; only a file adding options has any (no walk of the others).
    func argumentKinds(of parsed: ParsedModule) -> [String: ArgumentChoices.Kind] {
        if let kinds = argumentKinds { return kinds }
        let found = parsed.mentions("add_argument") ? ArgumentChoices.kinds(in: parsed.module) : [:]
        argumentKinds = found
        return found
    }

    /// Top-level names bound once in the file, to what (`Module.onlyModuleAssignments`): one
    /// walk counting the file's bindings, shared by every table of module names built on it.
    func moduleAssignments(of module: Module) -> [String: Expr] {
        if let values = moduleValues { return values }
        let found = module.onlyModuleAssignments(bindingCounts: bindingCounts(of: module))
        moduleValues = found
        return found
    }

    /// How many times the file binds each name, in any scope (`Module.forEachBinding`): one
    /// walk of the file for both tables of names bound once.
    func bindingCounts(of module: Module) -> [String: Int] {
        if let counts = bindings { return counts }
        var counts: [String: Int] = [:]
        module.forEachBinding(intoNestedScopes: true) { counts[$0, default: 0] += 1 }
        bindings = counts
        return counts
    }

    /// Names of containers the file changes in place anywhere (`TABLE[k] = v`, `del TABLE[k]`,
    /// `TABLE.update(...)`, `STEPS.append(x)`): no longer the literal they were bound to. One
    /// walk, on the first question.
    func namesChangedInPlace(in module: Module) -> Set<String> {
        if let names = changedInPlace { return names }
        var names: Set<String> = []
        module.walk { node in
            guard case .expr(let expression) = node else { return true }
            switch expression.kind {
            case .subscript(let owner, _, let context) where context != .load:
                if case .name(let id, _) = owner.kind { names.insert(id) }
            case .call(let function, _, _):
                if case .attribute(let owner, let method, _) = function.kind, case .name(let id, _) = owner.kind,
                   Self.inPlaceChanges.contains(method) { names.insert(id) }
            default:
                break
            }
            return true
        }
        changedInPlace = names
        return names
    }
    /// `Module.attributesStoredOutsideSelf`, walked once, on the first question.
    func attributesStoredOutsideSelf(in module: Module) -> Set<String> {
        if let names = storedOutsideSelf { return names }
        let names = module.attributesStoredOutsideSelf()
        storedOutsideSelf = names
        return names
    }
    var storedOutsideSelf: Set<String>?
    static let inPlaceChanges: Set<String> = ["update", "setdefault", "__setitem__", "append", "extend", "insert", "add"]

    var bindings: [String: Int]?
    var changedInPlace: Set<String>?
    var moduleConstants: Set<String>?
    var moduleValues: [String: Expr]?
    var argumentKinds: [String: ArgumentChoices.Kind]?
    /// Functions handed to a framework as exception handlers (`StackTraceExposureRule`).
    var registeredErrorHandlers: Set<String>?
    /// Module functions whose returned value holds an exception's text, by parameter.
    var leakingHelpers: [String: Set<Int>]?
    /// Whether the file checks a URL's scheme anywhere (`URLOpenRule.checksScheme`).
    var checksURLScheme: Bool?
    /// The calls making a file at a path, with the path (`HardcodedTempDirectoryRule.creatingCalls`).
    var creatingCalls: [(call: Expr, path: Expr)]?
}

/// What a rule sees of the file, and where it reports.
public struct RuleContext {
    public let file: String
    public let parsed: ParsedModule
    public let imports: ImportTable
    /// Line table of the file, built once per file (`ParsedModule.sourceMap` builds a new one
    /// on every access).
    public let sourceMap: SourceMap
    let rule: RuleDescription
    var findings: [Finding] = []
    /// Byte range of a node whose descendants this rule no longer wants (see `skipDescendants`).
    var skipped: Range<Int> = 0..<0
    /// Source positions a rule noted earlier in the walk (a call's argument it will meet next).
    public var marks: Set<Int> = []
    /// What rules ask of the whole file, found once for all of them.
    let facts: FileFacts

    /// The module's constant names (`ModuleConstants`), found on first use.
    public func moduleConstants() -> Set<String> {
        if let constants = facts.moduleConstants { return constants }
        var found = ModuleConstants.names(in: parsed.module, bindingCounts: facts.bindingCounts(of: parsed.module))
        // A container the file changes in place (`BADGES[k] = v`, `STEPS.append(x)`) holds more
        // than its literal; only a file with a container constant walks to find out.
        let containers = parsed.module.body.compactMap { statement -> String? in
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind,
                  found.contains(id) else { return nil }
            switch value.kind {
            case .dict, .list, .set: return id
            default: return nil
            }
        }
        for id in containers where isChangedInPlace(id) { found.remove(id) }
        facts.moduleConstants = found
        return found
    }

    /// The literal `expression` stands for: itself, the value of a module constant
    /// (`VERIFY_SSL = False` … `verify=VERIFY_SSL`), of a class attribute set once in a
    /// top-level class's body (`Config.DEBUG`), or of a local assigned once from a literal.
    public func literalValue(_ expression: Expr) -> Expr? {
        if expression.isLiteral { return expression }
        // `Config.DEBUG` of a settings class of this file (`class Config: DEBUG = True`).
        if case .attribute(let owner, let attr, _) = expression.kind, case .name(let className, _) = owner.kind {
            return parsed.module.classConstant(attr, of: className)
        }
        guard case .name(let id, _) = expression.kind else { return nil }
        if moduleConstants().contains(id) {
            // A constant is bound by exactly one top-level literal assignment: that one.
            for statement in parsed.module.body {
                switch statement.kind {
                case .assign(let targets, let value) where targets.count == 1:
                    if case .name(id, _) = targets[0].kind { return value }
                case .annAssign(let target, _, let value?, _):
                    if case .name(id, _) = target.kind { return value }
                default:
                    break
                }
            }
            return nil
        }
        guard let value = parsed.module.onlyAssignment(of: id, inFunctionAround: expression.loc.startByte), value.isLiteral else { return nil }
        return value
    }

    /// What a top-level name bound once in the file holds (`Module.onlyModuleAssignments`),
    /// found for the whole file on first use.
    public func moduleValue(of name: String) -> Expr? {
        facts.moduleAssignments(of: parsed.module)[name]
    }

    /// What each command-line option's value can be (`ArgumentChoices.kinds`).
    func argumentKinds() -> [String: ArgumentChoices.Kind] { facts.argumentKinds(of: parsed) }

    /// `args.limit` of `args = parser.parse_args()`, the option's value being of `kind`.
    func isParsedOption(_ expression: Expr, _ kind: ArgumentChoices.Kind) -> Bool {
        guard case .attribute(let owner, let attr, _) = expression.kind, case .name(let id, _) = owner.kind,
              argumentKinds()[attr] == kind,
              let value = parsed.module.onlyAssignment(of: id, inFunctionAround: expression.loc.startByte)
                ?? facts.moduleAssignments(of: parsed.module)[id] else { return false }
        return Self.isParsedArguments(value)
    }

    init(file: String, parsed: ParsedModule, imports: ImportTable, sourceMap: SourceMap, rule: RuleDescription, facts: FileFacts = FileFacts()) {
        self.facts = facts
        self.file = file
        self.parsed = parsed
        self.imports = imports
        self.sourceMap = sourceMap
        self.rule = rule
    }

    /// Reports a finding of the current rule covering `loc`; severity and confidence default
    /// to the rule's own.
    public mutating func report(_ loc: Loc, _ message: String, severity: Severity? = nil, confidence: Confidence? = nil,
                                cwe: Int? = nil, flow: [Finding.FlowStep] = [], fixHint: String? = nil) {
        findings.append(Finding(
            code: rule.code, cwe: cwe ?? rule.cwe, severity: severity ?? rule.severity, confidence: confidence ?? rule.confidence,
            file: file, line: loc.lineno, column: loc.colOffset + 1, endLine: loc.endLineno, endColumn: loc.endColOffset + 1,
            message: message, flow: flow, fixHint: fixHint))
    }

    /// The engine stops handing this rule the nodes inside `loc` (the walk is pre-order and
    /// child ranges nest in their parent's, so those are exactly its descendants still to come).
    public mutating func skipDescendants(of loc: Loc) {
        skipped = loc.startByte..<loc.endByte
    }

    /// Whether `expression` has the same text on every run: a string literal, a module
    /// constant, a string built from those, an entry of a constant table
    /// (`COMMANDS[name]`, `COMMANDS.get(name, "uptime")`) whatever the key, or a choice
    /// between such texts (`"ls -l" if long else "ls"`).
    /// A parameter counts as fixed when every call in the file passes fixed text for it
    /// (`Module.argumentsPassed`), a loop variable when it runs over fixed texts.
    /// `also`: values that may stand where fixed text would, for a rule that knows they are
    /// harmless in its sink (numbers in SQL, `shlex.quote(x)` in a shell command).
    /// What a call to a module-level function of this file returns (`build_filter(x)`), or to
    /// a method of the class the call is written in (`self._order_clause(q)`).
    private func localReturns(_ call: Expr) -> [Expr]? {
        guard case .call(let function, _, _) = call.kind else { return nil }
        switch function.kind {
        case .name(let id, _):
            guard imports.binding(of: id) == nil else { return nil }
            return parsed.module.returnedValues(ofFunction: id)
        case .attribute(let receiver, let method, _):
            // `self._order_clause(q)`: a method of the class the call is written in.
            guard case .name(let id, _) = receiver.kind else { return nil }
            if id == "self" { return parsed.module.returnedValues(ofFunction: method, inClassAround: call.loc.startByte) }
            // `flt.where_clause()` of `flt = OrderFilter(request.GET)`, a class of this file, or
            // of a parameter declared as one (`flt: BidFilter`).
            guard imports.binding(of: id) == nil else { return nil }
            var madeClass: String?
            if let made = parsed.module.onlyAssignment(of: id, inFunctionAround: call.loc.startByte) {
                if case .call(let maker, _, _) = made.kind, case .name(let className, _) = maker.kind { madeClass = className }
            } else if let function = parsed.module.innermostFunction(around: call.loc.startByte),
                      case .functionDef(_, let arguments, _, _, _, _, _) = function.kind,
                      let parameter = arguments.all.first(where: { $0.arg == id }), case .name(let className, _)? = parameter.annotation?.kind {
                madeClass = className
            }
            guard let className = madeClass, imports.binding(of: className) == nil,
                  let classStart = parsed.module.body.first(where: { if case .classDef(className, _, _, _, _, _) = $0.kind { true } else { false } }),
                  case .classDef(_, _, _, let members, _, _) = classStart.kind,
                  // A method's place inside the class (a dataclass starts with its fields).
                  let first = members.first(where: { if case .functionDef = $0.kind { true } else { false } }) else { return nil }
            return parsed.module.returnedValues(ofFunction: method, inClassAround: first.loc.startByte)
        default:
            return nil
        }
    }

    public func isFixedText(_ expression: Expr, depth: Int = 0, also: HarmlessSplices = []) -> Bool {
        if expression.stringConstant != nil { return true }
        guard depth < 8 else { return false }
        if also.contains(.numbers), isNumber(expression) { return true }
        switch expression.kind {
        case .name(let id, _):
            if moduleConstants().contains(id) { return true }
            // A local assigned once, from fixed text (`cmd = COMMANDS.get(name, "uptime")`).
            if let value = parsed.module.onlyAssignment(of: id, inFunctionAround: expression.loc.startByte) {
                return isFixedText(value, depth: depth + 1, also: also)
            }
            // `where, params = build_filter(x)`, `a, b = "x", y`: the unpacked place's text.
            if let (value, index, count) = parsed.module.onlyUnpacking(of: id, inFunctionAround: expression.loc.startByte) {
                if case .tuple(let elements, _) = value.kind, elements.count == count { return isFixedText(elements[index], depth: depth + 1, also: also) }
                // `column, direction = ORDERINGS[key]` of a module table of tuples of fixed text.
                if case .subscript(let table, _, _) = value.kind, case .name(let tableName, _) = table.kind,
                   let tableValue = moduleValue(of: tableName), case .dict(_, let entries) = tableValue.kind, !entries.isEmpty {
                    return entries.allSatisfy { entry in
                        guard case .tuple(let elements, _) = entry.kind, elements.count == count else { return false }
                        return isFixedText(elements[index], depth: depth + 1, also: also)
                    }
                }
                guard let returned = localReturns(value) else { return false }
                return returned.allSatisfy { result in
                    guard case .tuple(let elements, _) = result.kind, elements.count == count else { return false }
                    return isFixedText(elements[index], depth: depth + 1, also: also)
                }
            }
            // `where = "a = ?"` then `where += " AND b = ?"`, `clause, value = "a = %s", x` in each
            // branch, or both (`where, params = "WHERE a = %s", [a]`, then `where += ...`): fixed
            // piece by piece.
            if let pieces = parsed.module.boundPieces(of: id, inFunctionAround: expression.loc.startByte) {
                return pieces.allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
            }
            // Checked against an allow-list first (`if table not in TABLES: raise ...`): one of
            // the list's entries.
            if isAllowListChecked(id, before: expression.loc.startByte) { return true }
            // A parameter the function rebinds once, before here, to fixed text
            // (`direction = "DESC" if direction == "desc" else "ASC"`).
            if let rebound = parsed.module.onlyRebinding(ofParameter: id, inFunctionAround: expression.loc.startByte) {
                return isFixedText(rebound, depth: depth + 1, also: also)
            }
            // A parameter every call in the file gives fixed text (`run_remote(host, "uptime")`).
            if let passed = parsed.module.argumentsPassed(toParameter: id, ofFunctionAround: expression.loc.startByte) {
                return passed.allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
            }
            // A loop over fixed texts (`for step in STEPS`, `for cmd in ["a", "b"]`).
            guard let iterables = parsed.module.loopIterables(of: id, inFunctionAround: expression.loc.startByte) else { return false }
            return iterables.allSatisfy { fixedElements($0, depth: depth + 1, also: also) }
        case .subscript(let table, _, _):
            guard case .name(let id, _) = table.kind else { return false }
            return moduleConstants().contains(id) || isTableOfFixedTexts(id)
        case .boolOp(_, let values):
            // `" AND ".join(conditions) or "TRUE"`: one of fixed texts.
            return values.allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
        case .ifExp(let test, let body, let orelse):
            // `"ls -l" if long else "ls"`: the test chooses between fixed texts.
            // `flt.sort if flt.sort in ALLOWED_SORT else "issued_at"`: a member of a fixed
            // collection, or the default.
            if case .compare(let left, let operators, let comparators) = test.kind, operators == [.in], comparators.count == 1,
               Self.sameReference(left, body), isFixedCollection(comparators[0], depth: depth + 1) {
                return isFixedText(orelse, depth: depth + 1, also: also)
            }
            return isFixedText(body, depth: depth + 1, also: also) && isFixedText(orelse, depth: depth + 1, also: also)
        case .attribute(let owner, let attr, _):
            // `self.target` the class alone sets, to fixed text or to what every call in the
            // file passes (`Tester(ENDPOINTS[n])`).
            if case .name(let receiver, _) = owner.kind, receiver == "self" || receiver == "cls" {
                // Not when the file stores it from outside the class (`search.order = sort`).
                guard !facts.attributesStoredOutsideSelf(in: parsed.module).contains(attr) else { return false }
                // `self.table` of a class-level `table = "clinic_patients"` nothing changes.
                if let value = parsed.module.onlyClassLevelValue(of: attr, inClassAround: expression.loc.startByte) {
                    return isFixedText(value, depth: depth + 1, also: also)
                }
                // Every value its methods store (`self.target = target` in the constructor, read
                // as the parameter at that place: what every call passes; `self.order =
                // f"{SORT_COLUMNS.get(key, 'id')} DESC"` in a method), fixed text each time.
                guard receiver == "self", let stores = parsed.module.attributeStores(of: attr, inClassAround: expression.loc.startByte) else { return false }
                return stores.allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
            }
            // `args.branch` of `args = parser.parse_args()`, the option added with literal
            // `choices`: argparse refuses anything else.
            return isParsedOption(expression, .choices) || also.contains(.numbers) && isParsedOption(expression, .number)
        case .call(let function, let arguments, let keywords):
            if also.contains(.shellQuoted), let name = imports.qualifiedName(of: function), Self.shellQuoters.contains(name) { return true }
            // `", ".join(["%s"] * len(ids))`: fixed text joined with fixed text.
            if case .attribute(let separator, "join", _) = function.kind, arguments.count == 1, keywords.isEmpty,
               isFixedText(separator, depth: depth + 1, also: also), fixedElements(arguments[0], depth: depth + 1, also: also) {
                return true
            }
            // A function of this file every `return` of which gives fixed text.
            if let returned = localReturns(expression) {
                return returned.allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
            }
            if case .attribute(let table, "get", _) = function.kind, case .name(let id, _) = table.kind, keywords.isEmpty,
               arguments.count == 1 || arguments.count == 2 && isFixedText(arguments[1], depth: depth + 1) {
                return moduleConstants().contains(id) || isTableOfFixedTexts(id)
            }
        default:
            break
        }
        guard let built = expression.builtString else { return false }
        return splicesOnlyFixedText(built, at: expression.loc, depth: depth, also: also)
    }

    /// Whether what `built` (a string built at `loc`) splices in is fixed text: literals,
    /// module constants, locals of the function around `loc` assigned once from fixed text
    /// (`table = "users"` … `f"SELECT * FROM {table} …"`), or other fixed values (`isFixedText`).
    public func splicesOnlyFixedText(_ built: BuiltString, at loc: Loc, depth: Int = 0, also: HarmlessSplices = []) -> Bool {
        guard built.isDynamic(constants: moduleConstants()) else { return true }
        guard depth < 8, built.otherSplices.allSatisfy({ isFixedText($0, depth: depth + 1, also: also) }) else { return false }
        return built.splicedNames.allSatisfy { name in
            moduleConstants().contains(name) || isFixedText(Expr(.name(id: name, ctx: .load), loc), depth: depth + 1, also: also)
        }
    }

    /// Whether every element of a sequence is fixed text: a list or tuple of such, one repeated
    /// (`["%s"] * n`), or a comprehension making one (`"?" for _ in ids`).
    /// The same name or attribute path written twice (`flt.sort` … `flt.sort`).
    static func sameReference(_ a: Expr, _ b: Expr) -> Bool {
        switch (a.kind, b.kind) {
        case (.name(let x, _), .name(let y, _)): return x == y
        case (.attribute(let x, let p, _), .attribute(let y, let q, _)): return p == q && sameReference(x, y)
        default: return false
        }
    }

    /// A collection of fixed texts: a literal one, or a module constant bound to one (a set,
    /// list, tuple, or a dict's keys).
    func isFixedCollection(_ expression: Expr, depth: Int) -> Bool {
        var value = expression
        if case .name(let id, _) = expression.kind, let bound = moduleValue(of: id) { value = bound }
        switch value.kind {
        case .set(let elements), .list(let elements, _), .tuple(let elements, _):
            return !elements.isEmpty && elements.allSatisfy { $0.stringConstant != nil }
        case .dict(let keys, _):
            return !keys.isEmpty && keys.allSatisfy { $0?.stringConstant != nil }
        case .call(let function, let arguments, _):
            // `frozenset({...})`, `set([...])`.
            guard case .name(let maker, _) = function.kind, maker == "frozenset" || maker == "set" || maker == "tuple", arguments.count == 1 else { return false }
            return isFixedCollection(arguments[0], depth: depth + 1)
        default:
            return false
        }
    }

    private func fixedElements(_ sequence: Expr, depth: Int, also: HarmlessSplices) -> Bool {
        guard depth < 8 else { return false }
        switch sequence.kind {
        case .name(let id, _):
            // `clauses = []` then `clauses.append("warehouse = %s")`: fixed piece by piece.
            if let contents = parsed.module.listContents(of: id, inFunctionAround: sequence.loc.startByte) {
                return contents.allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
            }
            // `REPORT_COLUMNS` bound once to fixed texts, here or at the top level, and not
            // changed in place since (a local list changed in ways `listContents` does not
            // follow, or a module one the file appends to, holds more than its literal).
            if let local = parsed.module.onlyAssignment(of: id, inFunctionAround: sequence.loc.startByte) {
                if case .list = local.kind { return false }
                return fixedElements(local, depth: depth + 1, also: also)
            }
            guard let value = moduleValue(of: id), !isChangedInPlace(id) else { return false }
            return fixedElements(value, depth: depth + 1, also: also)
        case .list(let elements, _), .tuple(let elements, _), .set(let elements):
            return elements.allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
        case .attribute(let owner, let attr, _):
            // A builder's `self.clauses`, filled with fixed text by its methods
            // (`self.clauses.append("s.name = %s")`).
            guard case .name("self", _) = owner.kind, let contents = parsed.module.attributeListContents(of: attr) else { return false }
            return contents.allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
        case .call(let function, let arguments, let keywords):
            // `TABLE.keys()`, `TABLE.values()` of a table of fixed texts, whatever it maps.
            if case .attribute(let table, let part, _) = function.kind, part == "keys" || part == "values", arguments.isEmpty, keywords.isEmpty,
               case .name(let id, _) = table.kind, let value = moduleValue(of: id), case .dict(let keys, let values) = value.kind,
               !isChangedInPlace(id) {
                return (part == "keys" ? keys.map { $0 ?? value } : values).allSatisfy { isFixedText($0, depth: depth + 1, also: also) }
            }
            // `sorted(ALLOWED_METRICS)`, `frozenset({...})`: the same fixed texts.
            guard case .name(let id, _) = function.kind, ["sorted", "list", "tuple", "set", "frozenset", "reversed"].contains(id),
                  imports.binding(of: id) == nil, arguments.count == 1, keywords.allSatisfy({ $0.arg == "key" || $0.arg == "reverse" }) else { return false }
            return fixedElements(arguments[0], depth: depth + 1, also: also)
        case .binOp(let left, .mult, let right):
            return fixedElements(left, depth: depth + 1, also: also) || fixedElements(right, depth: depth + 1, also: also)
        case .listComp(let element, let generators), .generatorExp(let element, let generators):
            // `f"{col} LIKE %s" for col in SEARCHABLE`: the loop's names stand for fixed texts too.
            var loopNames = Set<String>()
            for generator in generators {
                if case .name(let id, _) = generator.target.kind, fixedElements(generator.iter, depth: depth + 1, also: also) { loopNames.insert(id) }
            }
            guard !loopNames.isEmpty else { return isFixedText(element, depth: depth + 1, also: also) }
            func fixed(_ part: Expr) -> Bool {
                if case .name(let id, _) = part.kind, loopNames.contains(id) { return true }
                return isFixedText(part, depth: depth + 1, also: also)
            }
            if case .joinedStr(let values) = element.kind {
                return values.allSatisfy { part in
                    guard case .formattedValue(let value, _, let spec) = part.kind else { return fixed(part) }
                    return fixed(value) && spec.map(fixed) ?? true
                }
            }
            return fixed(element)
        default:
            return false
        }
    }

    /// Whether the function around `position` leaves early, before it, unless `name` is in a
    /// collection (`if name not in ALLOWED: raise ...`), or sets it to fixed text then
    /// (`if order not in SORTABLE: order = "due_date"`), and does not rebind `name` in between.
    func isAllowListChecked(_ name: String, before position: Int) -> Bool {
        var checkedAt: Int?
        var reboundAfterCheck = false
        func fallsBack(_ body: [Stmt]) -> Bool {
            guard body.count == 1, case .assign(let targets, let value) = body[0].kind, targets.count == 1,
                  case .name(name, _) = targets[0].kind else { return false }
            return value.stringConstant != nil
        }
        ScopeWalk.walk(parsed.module.scopeBody(around: position)) { node in
            guard case .stmt(let statement) = node, statement.loc.endByte <= position else { return true }
            if case .if(let test, let exit, let orelse) = statement.kind, case .compare(let left, let ops, _) = test.kind,
               case .name(name, _) = left.kind, ops == [.notIn], Guard.terminates(exit) || orelse.isEmpty && fallsBack(exit) {
                checkedAt = checkedAt ?? statement.loc.endByte
                return false
            }
            if let checkedAt, statement.loc.startByte > checkedAt {
                switch statement.kind {
                case .assign(let targets, _):
                    if targets.contains(where: { if case .name(name, _) = $0.kind { true } else { false } }) { reboundAfterCheck = true }
                case .augAssign(let target, _, _):
                    if case .name(name, _) = target.kind { reboundAfterCheck = true }
                default:
                    break
                }
            }
            return true
        }
        return checkedAt != nil && !reboundAfterCheck
    }

    /// Whether `name` is bound once, at the top level, to a dict whose values are all fixed
    /// text, whatever its keys (`SORT_SQL = {Sort.NEWEST.value: "created_at DESC"}`).
    func isTableOfFixedTexts(_ name: String) -> Bool {
        guard let value = moduleValue(of: name), case .dict(let keys, let values) = value.kind, !values.isEmpty,
              !keys.contains(where: { $0 == nil }), values.allSatisfy({ $0.stringConstant != nil }) else { return false }
        // Never changed in place (`BADGES[k] = v`): the texts stay the program's.
        return !isChangedInPlace(name)
    }

    /// Whether the file changes the container `name` in place (`FileFacts.namesChangedInPlace`);
    /// only a file whose text has `name[` or `name.` walks to find out.
    func isChangedInPlace(_ name: String) -> Bool {
        (parsed.mentions(name + "[") || parsed.mentions(name + ".")) && facts.namesChangedInPlace(in: parsed.module).contains(name)
    }

    /// Calls whose result is safe inside a shell command line, whatever they were given.
    static let shellQuoters: Set<String> = ["shlex.quote", "pipes.quote", "shlex.join"]

    /// Whether `expression` is certainly a number: a numeric literal, `int(x)`, `len(x)` and
    /// the like, arithmetic and `min`/`max` of numbers, or a local every assignment of which is
    /// one (`limit = int(q)` … `limit = min(limit, 500)`).
    public func isNumber(_ expression: Expr, visiting: Set<String> = [], depth: Int = 0) -> Bool {
        guard depth < 8 else { return false }
        switch expression.kind {
        case .constant(.int, _), .constant(.float, _), .constant(.bool, _):
            return true
        case .unaryOp(_, let operand):
            return isNumber(operand, visiting: visiting, depth: depth + 1)
        case .binOp(let left, _, let right):
            return isNumber(left, visiting: visiting, depth: depth + 1) && isNumber(right, visiting: visiting, depth: depth + 1)
        case .attribute:
            // `args.limit` of `parser.add_argument("--limit", type=int)`.
            return isParsedOption(expression, .number)
        case .call(let function, let arguments, _):
            guard case .name(let id, _) = function.kind, imports.binding(of: id) == nil else { return false }
            if Self.numberMakers.contains(id) { return true }
            return (id == "min" || id == "max") && !arguments.isEmpty
                && arguments.allSatisfy { isNumber($0, visiting: visiting, depth: depth + 1) }
        case .name(let id, _):
            // The name met again inside its own assignment (`limit = min(limit, 500)`): what the
            // other assignments give.
            if visiting.contains(id) { return true }
            guard let values = parsed.module.plainAssignments(of: id, inFunctionAround: expression.loc.startByte) else {
                // `for i, word in enumerate(words)`: `i` counts.
                let counters = Set(["range", "enumerate"].filter { imports.binding(of: $0) == nil })
                return parsed.module.isLoopCounter(id, inFunctionAround: expression.loc.startByte, counters: counters)
            }
            return values.allSatisfy { isNumber($0, visiting: visiting.union([id]), depth: depth + 1) }
        default:
            return false
        }
    }

    /// Built-ins whose result is a number whatever they are given.
    static let numberMakers: Set<String> = ["int", "float", "len", "abs", "round", "ord", "sum"]

    /// `parser.parse_args()`.
    private static func isParsedArguments(_ value: Expr) -> Bool {
        guard case .call(let function, _, _) = value.kind, case .attribute(_, "parse_args", _) = function.kind else { return false }
        return true
    }

    /// The source text of a node.
    public func text(of loc: Loc) -> String { parsed.text(of: loc) }
}
