import PythonSyntax

/// A function the fuzzer can call, with what its source says about good inputs.
public struct FuzzTarget: Sendable, Hashable {
    /// `parse` or `Parser.from_text` (static and class methods).
    public var name: String
    public var line: Int
    public var endLine: Int
    /// Types inferred from how the body uses each unannotated parameter.
    public var inferred: [String: PyType]
    /// Constants of the body (compared values, dict keys, slice bounds, …) and their neighbours.
    public var constants: [FuzzValue]
    /// Calls from `>>>` examples in the docstring, as inputs.
    public var doctests: [FuzzInput]
    /// Exception names the docstring documents (`Raises:`, `:raises X:`, "raises X if …").
    public var documentedExceptions: Set<String>

    public static func == (a: FuzzTarget, b: FuzzTarget) -> Bool { a.name == b.name && a.line == b.line }
    public func hash(into hasher: inout Hasher) { hasher.combine(name); hasher.combine(line) }
}

/// Finds the fuzzable functions of a module: module-level functions and the static and
/// class methods of module-level classes (instance methods need an instance we cannot build).
public enum TargetDiscovery {
    public static func targets(in parsed: ParsedModule) -> [FuzzTarget] {
        var out: [FuzzTarget] = []
        for statement in parsed.module.body {
            switch statement.kind {
            case let .functionDef(name, args, body, _, _, _, _):
                out.append(facts(name: name, args: args, body: body, loc: statement.loc))
            case let .classDef(className, _, _, body, _, _):
                for member in body {
                    guard case let .functionDef(name, args, methodBody, decorators, _, _, _) = member.kind else { continue }
                    let kinds = decorators.compactMap { decorator -> String? in
                        if case .name(let id, _) = decorator.kind { return id }
                        return nil
                    }
                    if kinds.contains("staticmethod") {
                        out.append(facts(name: "\(className).\(name)", args: args, body: methodBody, loc: member.loc))
                    } else if kinds.contains("classmethod") {
                        var rest = args
                        if !rest.posonlyargs.isEmpty { rest.posonlyargs.removeFirst() } else if !rest.args.isEmpty { rest.args.removeFirst() }
                        out.append(facts(name: "\(className).\(name)", args: rest, body: methodBody, loc: member.loc))
                    }
                }
            default:
                continue
            }
        }
        return out
    }

    static func facts(name: String, args: Arguments, body: [Stmt], loc: Loc) -> FuzzTarget {
        let parameters = (args.posonlyargs + args.args + args.kwonlyargs).map(\.arg)
        let docstring = docstring(of: body)
        let shortName = name.split(separator: ".").last.map(String.init) ?? name
        return FuzzTarget(
            name: name, line: loc.lineno, endLine: loc.endLineno,
            inferred: TypeInference.infer(parameters: parameters, body: body),
            constants: ConstantHarvest.constants(in: docstring == nil ? body : Array(body.dropFirst())),
            doctests: docstring.map { Doctests.inputs(in: $0, function: shortName) } ?? [],
            documentedExceptions: docstring.map(Doctests.documentedExceptions) ?? [])
    }

    static func docstring(of body: [Stmt]) -> String? {
        guard let first = body.first, case .expr(let value) = first.kind,
              case .constant(.str(let text), _) = value.kind else { return nil }
        return text.string
    }
}

/// Pre-order walk over statements (iterative).
func walk(_ body: [Stmt], _ visit: (Node) -> Void) {
    var stack: [Node] = body.reversed().map { .stmt($0) }
    var kids: [Node] = []
    while let node = stack.popLast() {
        visit(node)
        kids.removeAll(keepingCapacity: true)
        node.forEachChild { kids.append($0) }
        stack.append(contentsOf: kids.reversed())
    }
}
