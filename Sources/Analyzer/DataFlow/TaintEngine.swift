import Diagnostics
import PythonSyntax

/// Data flow inside each function, and across the functions of one file through summaries.
///
/// Abstract interpretation over the tree: each variable maps to the taint it may carry;
/// branches are analysed separately and merged, loops twice. Functions are summarised
/// (which parameters reach the return value and which reach a sink), and calls to them use
/// the summary, iterated a few times so helpers calling helpers are understood.
struct TaintEngine {
    let parsed: ParsedModule
    let imports: ImportTable
    let file: String
    let rules: [any DataFlowRule]
    let functions: [String: FunctionInfo]
    /// Top-level classes of the file, whose methods calls on their instances resolve to.
    let classNames: Set<String>
    var summaries: [String: FunctionSummary] = [:]
    /// Findings by rule and sink position, so a sink reached twice is reported once.
    var findings: [String: Finding] = [:]
    /// Sinks where untrusted data arrived made safe (`line:cwe`): pattern findings there are
    /// false alarms the data flow can explain away.
    var cleanSinks: Set<String> = []
    /// Summaries calls used during the current pass, as they were then.
    var consulted: [String: FunctionSummary] = [:]

    static let summaryPasses = 3

    init(parsed: ParsedModule, imports: ImportTable, file: String, rules: [any DataFlowRule]) {
        self.parsed = parsed
        self.imports = imports
        self.file = file
        self.rules = rules
        functions = FunctionTable.collect(parsed.module, imports: imports)
        classNames = Set(functions.values.compactMap(\.className))
    }

    mutating func run() -> [Finding] {
        guard !rules.isEmpty else { return [] }
        let names = functions.keys.sorted()
        // Summaries only grow, so a flow found with an early, smaller summary stays true:
        // findings are kept from every pass, and passes stop once no summary a call used has
        // changed since.
        for _ in 1...Self.summaryPasses {
            consulted = [:]
            for name in names {
                guard let function = functions[name] else { continue }
                summaries[name] = analyse(function)
            }
            if consulted.allSatisfy({ summaries[$0.key] == $0.value }) { break }
        }
        var interpreter = TaintInterpreter(engine: self, function: nil)
        interpreter.block(parsed.module.body, depth: 0)
        findings.merge(interpreter.engine.findings) { first, _ in first }
        cleanSinks.formUnion(interpreter.engine.cleanSinks)
        return findings.values.sorted { ($0.line, $0.column, $0.code) < ($1.line, $1.column, $1.code) }
    }

    /// Analyses one function body; its parameters start tainted (as sources in a handler,
    /// as markers otherwise, for the summary).
    private mutating func analyse(_ function: FunctionInfo) -> FunctionSummary {
        var interpreter = TaintInterpreter(engine: self, function: function)
        for (index, name) in function.parameters.enumerated() where name != "self" && name != "cls" {
            if function.isHandler {
                interpreter.environment[name] = Taint.source(line: function.loc.lineno, column: function.loc.colOffset + 1,
                                                             "parameter '\(name)' of web handler \(function.qualifiedName)")
            } else {
                interpreter.environment[name] = Taint(origins: [.parameter(index)], steps: [
                    Finding.FlowStep(line: function.loc.lineno, column: function.loc.colOffset + 1, note: "parameter '\(name)' of \(function.qualifiedName)"),
                ])
            }
        }
        interpreter.block(function.body, depth: 0)
        findings.merge(interpreter.engine.findings) { first, _ in first }
        cleanSinks.formUnion(interpreter.engine.cleanSinks)
        consulted.merge(interpreter.engine.consulted) { first, _ in first }
        return interpreter.summary
    }

    /// Records that untrusted data reached a sink made safe for it.
    mutating func noteClean(line: Int, cwe: Int) {
        cleanSinks.insert("\(line):\(cwe)")
    }

    /// Records that tainted data reached a sink.
    mutating func report(rule index: Int, at loc: (line: Int, column: Int, endLine: Int, endColumn: Int), taint: Taint, sink: String) {
        guard taint.origins.contains(.source) else { return }
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
