import Diagnostics
import PythonSyntax

/// Runs the enabled rules over one parsed file in a single walk of the tree.
public struct AnalysisEngine: Sendable {
    public let configuration: AnalyzerConfiguration
    fileprivate let rules: [any Rule]
    fileprivate let byCallee: [String: [Int]]
    /// The last part of every name in `byCallee` (`Popen`): a call `x.m()` resolves to a name
    /// ending in `m`, so one whose `m` is none of these needs no resolving.
    private let calleeLastNames: Set<String>
    private let calleesOfCallResults: Bool
    /// Rules asking for calls by name prefix, with the package the prefix names (`requests`).
    private let byPrefix: [(prefix: String, package: String, rule: Int)]
    /// Node rules by the bit index of the node kinds they look at.
    fileprivate let nodeRules: [[Int]]
    private let dataFlowRules: [any DataFlowRule]
    /// Rules that read the file's text once.
    private let sourceRules: [Int]
    /// Per rule: the names (indices into `names`) and imports a file needs for it to apply
    /// (see `Rule`).
    private let requirements: [(names: [Int], imports: [String])]
    /// The names rules and the taint engine's sources need, found in one pass per file.
    private let names: NameIndex
    private let sourceNames: [Int]
    private let sourceNameSet: Set<Int>

    public init(configuration: AnalyzerConfiguration = AnalyzerConfiguration(), registry: [any Rule.Type] = RuleRegistry.all) {
        self.configuration = configuration
        let rules = registry.filter { configuration.isEnabled($0.description) }.map { $0.init() }
        var byCallee: [String: [Int]] = [:]
        var byPrefix: [(String, String, Int)] = []
        var nodeRules: [[Int]] = Array(repeating: [], count: NodeKinds.bitCount)
        for (index, rule) in rules.enumerated() {
            for callee in rule.callees { byCallee[callee, default: []].append(index) }
            for prefix in rule.calleePrefixes { byPrefix.append((prefix, String(prefix.split(separator: ".").first ?? ""), index)) }
            if rule.inspectsNodes {
                for bit in 0..<NodeKinds.bitCount where rule.nodeKinds.contains(NodeKinds(rawValue: 1 << UInt32(bit))) {
                    nodeRules[bit].append(index)
                }
            }
        }
        self.rules = rules
        self.byCallee = byCallee
        calleeLastNames = Set(byCallee.keys.map { String($0.split(separator: ".").last ?? Substring($0)) })
        calleesOfCallResults = byCallee.keys.contains { $0.hasSuffix(")") }
        self.byPrefix = byPrefix
        self.nodeRules = nodeRules
        dataFlowRules = rules.compactMap(\.asDataFlowRule)
        sourceRules = rules.indices.filter { rules[$0].inspectsSource }
        var allNames: [String] = []
        func indices(_ wanted: [String]) -> [Int] {
            wanted.map { name in
                if let index = allNames.firstIndex(of: name) { return index }
                allNames.append(name)
                return allNames.count - 1
            }
        }
        requirements = rules.map { (indices($0.requiredIdentifiers), $0.requiredImports) }
        sourceNames = indices(TaintSources.identifiers)
        sourceNameSet = Set(sourceNames)
        names = NameIndex(allNames)
    }

    /// Findings for one file, suppressed ones included (marked), below-threshold ones dropped,
    /// in source order.
    public func analyze(_ parsed: ParsedModule, file: String) -> [Finding] {
        let imports = ImportTable(module: parsed.module)
        let map = parsed.sourceMap
        let suppressions = Suppressions(map: map)
        // One context per rule for the whole file: building one per node and rule cost more
        // than the rules themselves.
        let facts = FileFacts()
        let contexts = rules.map { RuleContext(file: file, parsed: parsed, imports: imports, sourceMap: map, rule: $0.description, facts: facts) }
        let (present, sourcePositions) = names.scan(parsed, positionsOf: sourceNameSet)
        let sourceNamesPresent = sourceNames.contains { present[$0] }
        let applies = requirements.map { required in
            (required.names.isEmpty || required.names.contains { present[$0] })
                && (required.imports.isEmpty || required.imports.contains(where: imports.imports))
        }
        var walk = FileWalk(
            engine: self, file: file, map: map, suppressions: suppressions, imports: imports, applies: applies,
            // Calls by name prefix: only those whose package the file imports can match.
            prefixes: byPrefix.filter { imports.imports($0.package) },
            skipsNames: nodeRules[NodeKinds.otherExpression.bitIndex].isEmpty,
            // The names calls use, for the taint engine to tell which functions a call could
            // reach; gathered only where it will run.
            gatherCalls: !dataFlowRules.isEmpty && sourceNamesPresent,
            contexts: contexts)
        for index in sourceRules where applies[index] {
            walk.run(index) { rule, context in rule.check(source: parsed, context: &context) }
        }
        for statement in parsed.module.body {
            walk.statementLine = 0
            walk.scope = -1
            walk.walk(statement, depth: 0)
        }
        var results = walk.results
        let callsByScope = walk.callsByScope, scopeNames = walk.scopeNames, gatherCalls = walk.gatherCalls
        // No flow can start in a file without a source name or a web handler (`TaintEngine.run`
        // would stop there): most files, spared building the engine's tables.
        if !dataFlowRules.isEmpty, sourceNamesPresent || FunctionTable.holdsHandler(parsed.module, bottle: imports.imports("bottle"), messaging: MessageHandlers(imports: imports)) {
            let taint = TaintEngine(parsed: parsed, imports: imports, file: file, rules: dataFlowRules, facts: facts)
            let flow = taint.run(sourceNamesPresent: sourceNamesPresent,
                                 reach: gatherCalls ? TaintEngine.Reach(
                                    // A name defined twice (in both branches of an `if`) has both bodies' calls.
                                    callsByFunction: Dictionary(callsByScope.map { scope, names in (scopeNames[scope], names) },
                                                                uniquingKeysWith: { $0.union($1) }),
                                    sourcePositions: sourcePositions) : nil)
            // Where the data flow saw untrusted data arrive already made safe (shlex.quote,
            // int()), the pattern rule's alarm on that sink is explained away.
            results.removeAll { finding in
                taint.cleanSinks.contains { key in
                    let parts = key.split(separator: ":")
                    guard parts.count == 2, let line = Int(parts[0]), let cwe = Int(parts[1]) else { return false }
                    return finding.line == line && Self.sameWeakness(finding.cwe, cwe)
                }
            }
            results = merge(flow: Self.withoutCompileBeforeRun(Self.withoutDirectoryPreparation(flow, map: map, parsed: parsed), map: map, parsed: parsed), into: results, parsed: parsed, map: map,
                            suppressions: suppressions)
        }
        return results.sorted { ($0.line, $0.column, $0.code) < ($1.line, $1.column, $1.code) }
    }

    /// Adds data-flow findings. A pattern finding for the same weakness on the same line, or on
    /// a line of the flow's path, is the same problem seen less precisely: it is dropped, and
    /// its suppression carries over (so `# nosec B602` still silences it).
    private func merge(flow: [Finding], into results: [Finding], parsed: ParsedModule, map: SourceMap,
                       suppressions: Suppressions) -> [Finding] {
        guard !flow.isEmpty else { return results }
        var results = results
        let descriptions = Dictionary(uniqueKeysWithValues: dataFlowRules.map { (type(of: $0).description.code, type(of: $0).description) })
        for var finding in flow {
            guard finding.severity >= configuration.minSeverity, finding.confidence >= configuration.minConfidence,
                  let rule = descriptions[finding.code] else { continue }
            // The pattern finding on the sink's line, or on a line the data passed through on its
            // way there (`query = "... " + name` one line, `execute(query)` the next): one flaw,
            // reported once, at the sink, with the path that shows both lines.
            let pathLines = Set(finding.flow.map(\.line))
            let scope = parsed.enclosingScope(startLine: finding.line, endLine: finding.line)?.qualifiedName
            // Also the value built earlier in the same function into the name the sink's line
            // uses (`sql = "..." % customer`, then `conn.execute(sql)` inside a method reached
            // through a summary, whose path shows only the call and the sink).
            let sinkText = Array((map.line(finding.line) ?? "").utf8)
            // Or built in a helper into the name it returns on a line of the path (`sql = ...`,
            // then `return sql, params`).
            let returnLines = finding.flow.map(\.line).filter { line in
                (map.line(line) ?? "").drop { $0 == " " || $0 == "\t" }.hasPrefix("return ")
            }
            let builtForSink: (Finding) -> Bool = { other in
                // The statement's first line (`sql = (` of a query on the lines below).
                guard let first = Self.statementLine(containing: other.line, in: parsed.module),
                      let name = Self.assignedName(map.line(first) ?? "") else { return false }
                let word = Array(name.utf8)
                if other.line < finding.line, other.scope == scope, TaintEngine.containsWord(word, in: sinkText, 0..<sinkText.count) { return true }
                return returnLines.contains { line in
                    let text = Array((map.line(line) ?? "").utf8)
                    return other.line < line && parsed.enclosingScope(startLine: line, endLine: line)?.qualifiedName == other.scope
                        && TaintEngine.containsWord(word, in: text, 0..<text.count)
                }
            }
            // Or inside the sink's own call, on a later line of it (the query argument below
            // `conn.execute(`).
            // Or the line configuring the sink's parser in a function the path passes through
            // (`parser.setFeature(feature_external_ges, True)` before `parser.parse(data)`).
            let pathScopes = Set(pathLines.compactMap { parsed.enclosingScope(startLine: $0, endLine: $0)?.qualifiedName })
            // Or the query a helper returns, which the sink's function calls before the sink
            // (`statements = [insert_sql(p) for p in people]`, then `executescript(...)`).
            let sinkScope = parsed.enclosingScope(startLine: finding.line, endLine: finding.line)
            let returnedByHelper: (Finding) -> Bool = { other in
                guard let sinkScope, sinkScope.kind != .class, let otherScope = other.scope, otherScope != sinkScope.qualifiedName,
                      let helper = otherScope.split(separator: ".").last,
                      let first = Self.statementLine(containing: other.line, in: parsed.module),
                      (map.line(first) ?? "").drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("return") else { return false }
                let call = Array("\(helper)(".utf8)
                return (sinkScope.loc.lineno...finding.line).contains { line in
                    let text = Array((map.line(line) ?? "").utf8)
                    return TaintEngine.containsWord(Array(helper.utf8), in: text, 0..<text.count) && text.containsSequence(call)
                }
            }
            let related: (Finding) -> Bool = { other in
                Self.sameWeakness(other.cwe, finding.cwe)
                    && (other.line == finding.line || other.flow.isEmpty
                        && (pathLines.contains(other.line) || (finding.line...max(finding.line, finding.endLine)).contains(other.line) || builtForSink(other)
                            || returnedByHelper(other)
                            || Self.configuresSink.contains(other.code) && other.scope.map(pathScopes.contains) == true))
            }
            let covered = results.filter(related)
            results.removeAll(where: related)
            // The building lines of what is covered (a pattern alarm, or another flow finding on
            // this line that had taken one in) join the path.
            let builtSteps = covered.flatMap { built -> [Finding.FlowStep] in
                built.flow.isEmpty ? [Finding.FlowStep(line: built.line, column: built.column, note: "built here")]
                    : built.flow.filter { $0.note == "built here" }
            }
            for step in builtSteps where step.line < finding.line && !finding.flow.contains(where: { $0.line == step.line }) && !finding.flow.isEmpty {
                // Before the first later line after the source (`return sql` of the helper, or the sink).
                let position = finding.flow.indices.dropFirst().first { finding.flow[$0].line > step.line } ?? finding.flow.count
                finding.flow.insert(step, at: max(1, position))
            }
            finding.scope = scope
            finding.fingerprint = Fingerprint.make(code: finding.code, file: finding.file, scope: scope, text: map.line(finding.line) ?? "")
            finding.suppressed = covered.contains(where: \.suppressed)
                || suppressions.suppresses(finding, rule: rule, statementLine: Self.statementLine(containing: finding.line, in: parsed.module))
            results.append(finding)
        }
        return results
    }

    /// `os.makedirs(os.path.dirname(target))` (or `os.makedirs(folder)`) before the write to
    /// `target` (or into `folder`) that the same untrusted path reaches in the same function:
    /// one flaw, reported at the write.
    static func withoutDirectoryPreparation(_ flow: [Finding], map: SourceMap, parsed: ParsedModule) -> [Finding] {
        let paths = flow.filter { $0.cwe == 22 }
        guard paths.count > 1 else { return flow }
        let dropped = Set(paths.compactMap { finding -> Int? in
            let text = map.line(finding.line) ?? ""
            guard text.contains("makedirs(") || text.contains("mkdir("), let source = finding.flow.first else { return nil }
            let scope = parsed.enclosingScope(startLine: finding.line, endLine: finding.line)?.qualifiedName
            let writtenLater = paths.contains { other in
                other.line > finding.line && other.flow.first?.line == source.line
                    && parsed.enclosingScope(startLine: other.line, endLine: other.line)?.qualifiedName == scope
            }
            return writtenLater ? finding.line : nil
        })
        return dropped.isEmpty ? flow : flow.filter { !($0.cwe == 22 && dropped.contains($0.line)) }
    }

    /// `code = compile(source, ...)` then `exec(code)` in the same function: the code runs at
    /// the `exec` (or `eval`), one flaw reported there; compiling alone runs nothing.
    static func withoutCompileBeforeRun(_ flow: [Finding], map: SourceMap, parsed: ParsedModule) -> [Finding] {
        let code = flow.filter { $0.cwe == 95 || $0.cwe == 94 }
        guard code.count > 1 else { return flow }
        let dropped = Set(code.compactMap { finding -> Int? in
            let text = map.line(finding.line) ?? ""
            guard text.contains("compile("), let name = assignedName(text) else { return nil }
            let scope = parsed.enclosingScope(startLine: finding.line, endLine: finding.line)?.qualifiedName
            let runLater = code.contains { other in
                guard other.line > finding.line, parsed.enclosingScope(startLine: other.line, endLine: other.line)?.qualifiedName == scope else { return false }
                let later = map.line(other.line) ?? ""
                return later.contains("exec(\(name)") || later.contains("eval(\(name)")
            }
            return runLater ? finding.line : nil
        })
        return dropped.isEmpty ? flow : flow.filter { !(($0.cwe == 95 || $0.cwe == 94) && dropped.contains($0.line)) }
    }

    /// `sql` of a line `sql = ...` or `sql += ...` (not `==`), from the line's text.
    static func assignedName(_ line: String) -> String? {
        let text = line.drop { $0 == " " || $0 == "\t" }
        let name = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard let first = name.first, !first.isNumber else { return nil }
        let rest = text.dropFirst(name.count).drop { $0 == " " }
        guard rest.hasPrefix("=") && !rest.hasPrefix("==") || rest.hasPrefix("+=") else { return nil }
        return String(name)
    }



    /// Whether a call to `function` may resolve to a name some call rule asks for. Resolving
    /// builds the dotted name, which most calls (`self.m()`, `items.append()`) need not pay.
    fileprivate func mayMatchCallRules(_ function: Expr, imports: ImportTable, prefixes: Bool) -> Bool {
        switch function.kind {
        case .attribute(_, let attr, _):
            // The resolved name ends in `.attr`; a prefix rule may match any attribute call.
            return prefixes || calleeLastNames.contains(attr)
        case .name(let id, _):
            // Unbound, the name resolves to itself; bound, to whatever the import says.
            return imports.binding(of: id) != nil || byCallee[id] != nil
        case .call:
            // `f()()` resolves to `f()` (with the parentheses): a name asked for with them, or a
            // prefix (`requests.get()` starts `requests.`), could match.
            return prefixes || calleesOfCallResults
        default:
            return false
        }
    }

    /// Pattern rules reporting how a parser is configured, the same flaw as the flow that
    /// reaches it.
    static let configuresSink: Set<String> = ["ASC3611", "ASC2611"]

    static func sameWeakness(_ a: Int, _ b: Int) -> Bool {
        // A template compiled from the requester's text: the data-flow rule reports it as XSS
        // (CWE-79), the pattern rule as template injection (CWE-1336).
        // Mako's unescaping template: the pattern rule says CWE-80 where it is made, the flow
        // CWE-79 where it renders what it is given.
        a == b || Set([a, b]) == [94, 95] || Set([a, b]) == [79, 1336] || Set([a, b]) == [79, 80]
    }

    /// The first line of the innermost statement containing `line`.
    static func statementLine(containing line: Int, in module: Module) -> Int? {
        var best: Int?
        module.walk { node in
            guard let loc = node.loc, loc.lineno <= line, loc.endLineno >= line else {
                if let loc = node.loc, loc.lineno > line { return false }
                return node.loc == nil
            }
            if case .stmt = node { best = loc.lineno }
            return true
        }
        return best
    }
}

/// One file's walk: every node handed, in pre-order, to the rules that asked for its kind
/// (calls also to those that asked for its name), with the statement it belongs to (its first
/// line, where a multi-line statement's `# nosec` sits) and its scope (an index into
/// `scopeNames`; decorators come after the body in field order, so a position-based guess was
/// wrong there).
///
/// Recursive over borrowed statements and expressions, a struct's mutating methods: a walk
/// from a stack of `Node`s copied every node onto it, and took twice as long (nodes are
/// wrapped in a `Node` only for the rules that asked for their kind). Past a fixed depth (a
/// chain of thousands of `+`), a subtree is walked from an explicit stack, so no tree
/// overflows a thread's stack.
private struct FileWalk {
    let engine: AnalysisEngine
    let file: String
    let map: SourceMap
    let suppressions: Suppressions
    let imports: ImportTable
    /// Per rule: whether the file has what it needs (`Rule.requiredIdentifiers`, `requiredImports`).
    let applies: [Bool]
    let prefixes: [(prefix: String, package: String, rule: Int)]
    /// A name has no children and, unless a rule asks for such expressions, nothing to do.
    let skipsNames: Bool
    let gatherCalls: Bool
    var contexts: [RuleContext]
    var results: [Finding] = []
    var scopeNames: [String] = []
    var statementLine = 0, scope = -1
    /// The names calls use (`f` of `f(x)`, `m` of `obj.m(x)`), by index into `scopeNames`.
    var callsByScope: [Int: Set<String>] = [:]

    static let recursionLimit = 200

    init(engine: AnalysisEngine, file: String, map: SourceMap, suppressions: Suppressions, imports: ImportTable, applies: [Bool],
         prefixes: [(prefix: String, package: String, rule: Int)], skipsNames: Bool, gatherCalls: Bool, contexts: [RuleContext]) {
        self.engine = engine
        self.file = file
        self.map = map
        self.suppressions = suppressions
        self.imports = imports
        self.applies = applies
        self.prefixes = prefixes
        self.skipsNames = skipsNames
        self.gatherCalls = gatherCalls
        self.contexts = contexts
    }

    /// Runs one rule and keeps what it found (above the thresholds), placed and marked.
    mutating func run(_ index: Int, _ body: (any Rule, inout RuleContext) -> Void) {
        let before = contexts[index].findings.count
        body(engine.rules[index], &contexts[index])
        let after = contexts[index].findings.count
        guard after > before else { return }
        let scopeName = scope >= 0 ? scopeNames[scope] : nil
        let configuration = engine.configuration
        for position in before..<after {
            var finding = contexts[index].findings[position]
            guard finding.severity >= configuration.minSeverity, finding.confidence >= configuration.minConfidence else { continue }
            finding.scope = scopeName
            let lineText = map.line(finding.line) ?? ""
            finding.fingerprint = Fingerprint.make(code: finding.code, file: file, scope: scopeName, text: lineText)
            finding.suppressed = suppressions.suppresses(finding, rule: contexts[index].rule, statementLine: statementLine)
            results.append(finding)
        }
    }

    mutating func walk(_ statement: Stmt, depth: Int) {
        visit(statement)
        guard depth < Self.recursionLimit else { return walkFromStack(.stmt(statement)) }
        walkChildren(depth: depth) { statement.forEachChild(statement: $0, expression: $1, other: $2) }
    }

    mutating func walk(_ expression: Expr, depth: Int) {
        if isSkipped(expression) { return }
        visit(expression)
        guard depth < Self.recursionLimit else { return walkFromStack(.expr(expression)) }
        walkChildren(depth: depth) { expression.forEachChild(statement: $0, expression: $1, other: $2) }
    }

    mutating func walk(other node: Node, depth: Int) {
        visit(other: node)
        guard depth < Self.recursionLimit else { return walkFromStack(node) }
        walkChildren(depth: depth) { node.forEachChild(statement: $0, expression: $1, other: $2) }
    }

    /// Walks the children `forEachChild` hands over, each as owned by the node just visited
    /// (its statement line and scope as they are now).
    private mutating func walkChildren(depth: Int, _ forEachChild: (_ statement: (Stmt) -> Void, _ expression: (Expr) -> Void,
                                                                    _ other: (Node) -> Void) -> Void) {
        let owner = (statementLine, scope)
        forEachChild({ (statementLine, scope) = owner; walk($0, depth: depth + 1) },
                     { (statementLine, scope) = owner; walk($0, depth: depth + 1) },
                     { (statementLine, scope) = owner; walk(other: $0, depth: depth + 1) })
    }

    /// The children of `parent` (already visited) and all below them, from an explicit stack:
    /// nodes and their owners on two stacks, a node popped moved out, not copied.
    private mutating func walkFromStack(_ parent: Node) {
        let owner = (statementLine, scope)
        var stack: [Node] = []
        var owners: [(Int, Int)] = []
        var children: [Node] = []
        func push(_ node: Node, owner: (Int, Int)) {
            node.forEachChild { child in
                if case .expr(let expression) = child, isSkipped(expression) { return }
                children.append(child)
            }
            owners.append(contentsOf: repeatElement(owner, count: children.count))
            // Last child first onto the stack.
            while let child = children.popLast() { stack.append(child) }
        }
        push(parent, owner: owner)
        while let node = stack.popLast() {
            (statementLine, scope) = owners.removeLast()
            switch node {
            case .stmt(let statement): visit(statement)
            case .expr(let expression): visit(expression)
            default: visit(other: node)
            }
            push(node, owner: (statementLine, scope))
        }
    }

    private func isSkipped(_ expression: Expr) -> Bool {
        guard skipsNames, case .name = expression.kind else { return false }
        return true
    }

    private mutating func visit(_ statement: Stmt) {
        statementLine = statement.loc.lineno
        switch statement.kind {
        case .functionDef(let name, _, _, _, _, _, _), .classDef(let name, _, _, _, _, _):
            scopeNames.append(scope >= 0 ? "\(scopeNames[scope]).\(name)" : name)
            scope = scopeNames.count - 1
        default:
            break
        }
        handOver(NodeKinds.of(statement), start: statement.loc.startByte) { .stmt(statement) }
    }

    private mutating func visit(_ expression: Expr) {
        if case .call(let function, _, _) = expression.kind {
            // The top level's calls (scope -1) are found by running it (`TaintEngine.run`).
            if gatherCalls, scope >= 0 {
                switch function.kind {
                case .name(let id, _): callsByScope[scope, default: []].insert(id)
                case .attribute(_, let attr, _): callsByScope[scope, default: []].insert(attr)
                default: break
                }
                // `tasks.add_task(deliver, url)`: `deliver` runs with what is passed.
                if case .call(_, let arguments, let keywords) = expression.kind, !arguments.isEmpty || !keywords.isEmpty,
                   let handedOff = TaintInterpreter.handedOffCall(expression, function: function, arguments: arguments, keywords: keywords),
                   case .call(let callee, _, _) = handedOff.kind, case .name(let id, _) = callee.kind {
                    callsByScope[scope, default: []].insert(id)
                }
            }
            if engine.mayMatchCallRules(function, imports: imports, prefixes: !prefixes.isEmpty),
               let call = CallSite(expression, imports: imports) {
                for index in engine.byCallee[call.qualifiedName] ?? [] {
                    run(index) { rule, context in rule.check(call: call, context: &context) }
                }
                for entry in prefixes where call.qualifiedName.hasPrefix(entry.prefix) {
                    run(entry.rule) { rule, context in rule.check(call: call, context: &context) }
                }
            }
        }
        handOver(NodeKinds.of(expression), start: expression.loc.startByte) { .expr(expression) }
    }

    private mutating func visit(other node: Node) {
        handOver(NodeKinds.of(node), start: node.loc?.startByte) { node }
    }

    /// The node to each rule that asked for its kind and applies here, unless the rule asked
    /// to skip what lies inside an ancestor; wrapped in a `Node` only then.
    private mutating func handOver(_ kind: NodeKinds, start: Int?, _ wrap: () -> Node) {
        let indices = engine.nodeRules[kind.bitIndex]
        guard !indices.isEmpty else { return }
        let node = wrap()
        for index in indices {
            guard applies[index] else { continue }
            if let start, contexts[index].skipped.contains(start) { continue }
            run(index) { rule, context in rule.check(node: node, context: &context) }
        }
    }
}
