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
        ]
    )

    static let exits: Set<String> = ["sys.exit", "exit", "quit", "os._exit", "os.abort", "os.kill"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .loop }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .while(let test, let body, _) = statement.kind, test.isTruthyConstant else { return }
        guard !hasExit(body, context: context) else { return }
        context.report(statement.loc, "while loop with a constant true condition and no break, return, raise or exit",
                       fixHint: "add an exit condition, a bound or a timeout")
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
