import PythonSyntax

/// CWE-835: a `while True:` loop with no way out: no break, return, raise, exit or yield.
struct InfiniteLoopRule: Rule {
    static let description = RuleDescription(
        code: "ASC2835", name: "loop-without-exit", cwe: 835, severity: .low, confidence: .medium,
        rationale: """
        A loop that can never end hangs the worker that runs it, and one request that reaches it \
        is a denial of service. Give the loop an exit (a condition, break or return), a bound on \
        the number of iterations, or a timeout.
        """,
        triggering: [
            "def poll(queue):\n    ↓while True:\n        item = queue.get()\n        handle(item)\n",
            "↓while 1:\n    for line in feed():\n        if not line:\n            break\n        show(line)\n",
        ],
        nonTriggering: [
            "def poll(queue):\n    while True:\n        item = queue.get()\n        if item is None:\n            break\n        handle(item)\n",
            "def numbers():\n    n = 0\n    while True:\n        yield n\n        n += 1\n",
            "import sys\nwhile True:\n    try:\n        step()\n    except KeyboardInterrupt:\n        sys.exit(0)\n",
            "while running:\n    step()\n",
            "def drain(items):\n    try:\n        while True:\n            items.pop()\n    except IndexError:\n        pass\n",
        ]
    )

    static let exits: Set<String> = ["sys.exit", "exit", "quit", "os._exit", "os.abort", "os.kill"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .loop }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .while(let test, let body, _) = statement.kind, test.isTruthyConstant else { return }
        guard !hasExit(body, context: context), !insideTry(statement.loc, module: context.parsed.module) else { return }
        context.report(statement.loc, "while loop with a constant true condition and no break, return, raise or exit",
                       fixHint: "add an exit condition, a bound or a timeout")
    }

    /// Whether the loop sits in the body of a `try` with handlers in its own function: an
    /// exception is then its way out (`while True: s.pop()` until KeyError).
    private func insideTry(_ loc: Loc, module: Module) -> Bool {
        var block = module.body
        var guarded = false
        while let container = block.first(where: { $0.loc.startByte <= loc.startByte && loc.endByte <= $0.loc.endByte && $0.loc != loc }) {
            switch container.kind {
            case .functionDef(_, _, let body, _, _, _, _), .classDef(_, _, _, let body, _, _):
                guarded = false
                block = body
            case .try(let body, let handlers, _, _, _):
                if !handlers.isEmpty, body.contains(where: { $0.loc.startByte <= loc.startByte && loc.endByte <= $0.loc.endByte }) {
                    guarded = true
                }
                block = body + handlers.flatMap(\.body) + Self.tail(of: container)
            default:
                block = Self.blocks(of: container).flatMap { $0 }
            }
        }
        return guarded
    }

    private static func tail(of statement: Stmt) -> [Stmt] {
        if case .try(_, _, let orelse, let finalbody, _) = statement.kind { return orelse + finalbody }
        return []
    }

    private static func blocks(of statement: Stmt) -> [[Stmt]] {
        switch statement.kind {
        case .for(_, _, let body, let orelse, _), .while(_, let body, let orelse), .if(_, let body, let orelse): return [body, orelse]
        case .with(_, let body, _): return [body]
        case .match(_, let cases): return cases.map(\.body)
        default: return []
        }
    }

    private func hasExit(_ body: [Stmt], context: RuleContext) -> Bool {
        var exits = false
        // Loops nested inside own their `break`s; everything else (if, try, with) is ours.
        var loopDepthEnds: [Int] = []
        ScopeWalk.walk(body) { inner in
            guard !exits else { return false }
            switch inner {
            case .stmt(let statement):
                while let end = loopDepthEnds.last, end <= statement.loc.startByte { loopDepthEnds.removeLast() }
                switch statement.kind {
                case .break: if loopDepthEnds.isEmpty { exits = true }
                case .return, .raise: exits = true
                case .for, .while: loopDepthEnds.append(statement.loc.endByte)
                default: break
                }
            case .expr(let expression):
                switch expression.kind {
                case .yield, .yieldFrom: exits = true
                case .call(let function, _, _):
                    if let name = context.imports.qualifiedName(of: function), Self.exits.contains(name) { exits = true }
                default: break
                }
            default: break
            }
            return !exits
        }
        return exits
    }
}
