import PythonSyntax

/// A rule whose sink is judged by data flow: the taint engine asks it which arguments of a
/// call carry data into its sink, and reports when attacker-controlled data arrives there.
public protocol DataFlowRule: Rule {
    /// The argument expressions of `call` through which data reaches this rule's sink, or an
    /// empty list when `call` is not one of its sinks.
    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr]
    /// Whether a handler returning tainted text is this rule's sink (reflected XSS).
    var sinksOnHandlerReturn: Bool { get }
    /// The words that name the sink in messages, such as "a shell command".
    var sinkNoun: String { get }
}

extension DataFlowRule {
    public var sinksOnHandlerReturn: Bool { false }
}

extension CallSite {
    /// The positional and keyword arguments, for sinks where any argument is dangerous.
    public var allArgumentExpressions: [Expr] {
        arguments.map { if case .starred(let value, _) = $0.kind { return value } else { return $0 } } + keywords.map(\.value)
    }
}
