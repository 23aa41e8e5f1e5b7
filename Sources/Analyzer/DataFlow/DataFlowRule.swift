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
    /// Whether storing into `target` (`response.headers["Location"] = v`) is this rule's sink.
    func isSinkAssignment(_ target: Expr) -> Bool
    /// Arguments of a sink call that configure it (an lxml parser): where such an object was
    /// made is on the path of the flaw, and a pattern alarm there is the same flaw.
    func configuringArguments(of call: CallSite) -> [Expr]
    /// Whether a configuring argument made by `value` (where the name passed was assigned)
    /// makes the sink safe (`etree.XMLParser(resolve_entities=False)` bound to `parser`);
    /// `name` and `module` let it look at what the code did to the object after.
    func configurationMakesSafe(_ value: Expr, boundTo name: String, in module: Module, imports: ImportTable) -> Bool
    /// Whether `call` is a sink only when a configuring argument is found where it was made
    /// (`parser.parse(x)` is an XML sink only for a parser the code made as one).
    func sinkRequiresConfiguration(_ call: CallSite) -> Bool
    /// Whether the operator's settings alone (the command line, the environment; not standard
    /// input) are harmless at `call` (a program started without a shell runs what its
    /// operator could run anyway).
    func operatorDataIsHarmless(in call: CallSite) -> Bool
}

extension DataFlowRule {
    public var asDataFlowRule: (any DataFlowRule)? { self }
    public var sinksOnHandlerReturn: Bool { false }
    public func isSinkAssignment(_ target: Expr) -> Bool { false }
    public func configuringArguments(of call: CallSite) -> [Expr] { [] }
    public func configurationMakesSafe(_ value: Expr, boundTo name: String, in module: Module, imports: ImportTable) -> Bool { false }
    public func sinkRequiresConfiguration(_ call: CallSite) -> Bool { false }
    public func operatorDataIsHarmless(in call: CallSite) -> Bool { false }
}

/// Header names that mark `response["Location"] = v` (Django's response item syntax) as a header.
private let wellKnownHeaders: Set<String> = [
    "location", "content-type", "content-disposition", "content-language", "set-cookie", "cache-control", "refresh",
    "access-control-allow-origin", "link", "www-authenticate",
]

/// `X.headers[KEY]`, or `response[KEY]` with a well-known header name, as an assignment
/// target: whether it is a header, and its name when it is a constant.
func headerAssignment(_ target: Expr) -> (isHeader: Bool, name: String?) {
    guard case .subscript(let container, let key, _) = target.kind else { return (false, nil) }
    if case .attribute(_, "headers", _) = container.kind { return (true, key.stringConstant) }
    if let name = key.stringConstant, wellKnownHeaders.contains(name.lowercased()) || name.lowercased().hasPrefix("x-") {
        return (true, name)
    }
    return (false, nil)
}

extension CallSite {
    /// The positional and keyword arguments, for sinks where any argument is dangerous.
    public var allArgumentExpressions: [Expr] {
        arguments.map { if case .starred(let value, _) = $0.kind { return value } else { return $0 } } + keywords.map(\.value)
    }
}
