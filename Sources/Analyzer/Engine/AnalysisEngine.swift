import Diagnostics
import PythonSyntax

/// Runs the enabled rules over one parsed file in a single walk of the tree.
public struct AnalysisEngine: Sendable {
    public let configuration: AnalyzerConfiguration
    private let rules: [any Rule]
    private let byCallee: [String: [Int]]
    private let byPrefix: [(prefix: String, rule: Int)]
    private let nodeRules: [Int]

    public init(configuration: AnalyzerConfiguration = AnalyzerConfiguration(), registry: [any Rule.Type] = RuleRegistry.all) {
        self.configuration = configuration
        let rules = registry.filter { configuration.isEnabled($0.description) }.map { $0.init() }
        var byCallee: [String: [Int]] = [:]
        var byPrefix: [(String, Int)] = []
        var nodeRules: [Int] = []
        for (index, rule) in rules.enumerated() {
            for callee in rule.callees { byCallee[callee, default: []].append(index) }
            for prefix in rule.calleePrefixes { byPrefix.append((prefix, index)) }
            if rule.inspectsNodes { nodeRules.append(index) }
        }
        self.rules = rules
        self.byCallee = byCallee
        self.byPrefix = byPrefix
        self.nodeRules = nodeRules
    }

    /// Findings for one file, suppressed ones included (marked), below-threshold ones dropped,
    /// in source order.
    public func analyze(_ parsed: ParsedModule, file: String) -> [Finding] {
        let imports = ImportTable(module: parsed.module)
        let map = parsed.sourceMap
        let suppressions = Suppressions(map: map)
        var results: [Finding] = []
        var statements: [Loc] = []
        var scopes: [(name: String, loc: Loc)] = []

        func run(_ index: Int, _ body: (any Rule, inout RuleContext) -> Void) {
            let rule = rules[index]
            var context = RuleContext(file: file, parsed: parsed, imports: imports, rule: rule.description)
            body(rule, &context)
            guard !context.findings.isEmpty else { return }
            let scope = scopes.last?.name
            for var finding in context.findings {
                guard finding.severity >= configuration.minSeverity, finding.confidence >= configuration.minConfidence else { continue }
                finding.scope = scope
                let lineText = map.line(finding.line) ?? ""
                finding.fingerprint = Fingerprint.make(code: finding.code, file: file, scope: scope, text: lineText)
                finding.suppressed = suppressions.suppresses(finding, rule: rule.description, statementLine: statements.last?.lineno)
                results.append(finding)
            }
        }

        parsed.module.walk { node in
            if let loc = node.loc, case .stmt(let statement) = node {
                while let last = statements.last, last.endByte <= loc.startByte { statements.removeLast() }
                statements.append(loc)
                while let last = scopes.last, last.loc.endByte <= loc.startByte { scopes.removeLast() }
                switch statement.kind {
                case .functionDef(let name, _, _, _, _, _, _), .classDef(let name, _, _, _, _, _):
                    let qualified = scopes.last.map { "\($0.name).\(name)" } ?? name
                    scopes.append((qualified, loc))
                default:
                    break
                }
            }
            if case .expr(let expression) = node, case .call = expression.kind, let call = CallSite(expression, imports: imports) {
                for index in byCallee[call.qualifiedName] ?? [] {
                    run(index) { rule, context in rule.check(call: call, context: &context) }
                }
                for entry in byPrefix where call.qualifiedName.hasPrefix(entry.prefix) {
                    run(entry.rule) { rule, context in rule.check(call: call, context: &context) }
                }
            }
            for index in nodeRules {
                run(index) { rule, context in rule.check(node: node, context: &context) }
            }
            return true
        }
        return results.sorted { ($0.line, $0.column, $0.code) < ($1.line, $1.column, $1.code) }
    }
}
