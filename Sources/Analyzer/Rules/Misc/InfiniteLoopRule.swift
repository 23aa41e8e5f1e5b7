import PythonSyntax

/// CWE-835: a `while True:` loop with no way out (no break, return, raise, exit or yield) that
/// waits for nothing, or a loop whose condition's variables never change.
struct InfiniteLoopRule: Rule {
    static let description = RuleDescription(
        code: "ASC2835", name: "loop-without-exit", cwe: 835, severity: .low, confidence: .medium,
        rationale: """
        A loop that can never end hangs the worker that runs it, and one request that reaches it \
        is a denial of service. Give the loop an exit (a condition, break or return), a bound on \
        the number of iterations, or a timeout.
        """,
        triggering: [
            "def fib(n):\n    a, b, i = 1, 1, 2\n    ↓while i < n:\n        a, b = b, a + b\n    return b\n",
            "def wait_ready(job):\n    ↓while True:\n        job.refresh()\n",
            "↓while 1:\n    for line in feed():\n        if not line:\n            break\n        show(line)\n",
        ],
        nonTriggering: [
            // A worker's loop around a method that waits for messages.
            "import boto3\n\nclass Worker:\n    def __init__(self):\n        self.sqs = boto3.client(\"sqs\")\n\n    def poll_once(self):\n        for message in self.sqs.receive_message(QueueUrl=URL).get(\"Messages\", []):\n            handle(message)\n\n    def run(self):\n        while True:\n            self.poll_once()\n",
            "def fib(n):\n    a, b, i = 1, 1, 2\n    while i < n:\n        a, b = b, a + b\n        i += 1\n    return b\n",
            "def drain(items, limit):\n    count = 0\n    while count < limit and items:\n        items.pop()\n        count = count + 1\n",
            "def poll(queue):\n    while True:\n        item = queue.get()\n        if item is None:\n            break\n        handle(item)\n",
            // A queue worker waits on the queue forever by design.
            "def work(client):\n    while True:\n        item = client.blpop(\"jobs\", timeout=30)\n        handle(item)\n",
            "def numbers():\n    n = 0\n    while True:\n        yield n\n        n += 1\n",
            "import sys\nwhile True:\n    try:\n        step()\n    except KeyboardInterrupt:\n        sys.exit(0)\n",
            "while running:\n    step()\n",
            "def drain(items):\n    try:\n        while True:\n            items.pop()\n    except IndexError:\n        pass\n",
            // A worker's or server's loop waits for its next item: meant to run for good.
            "def worker(queue):\n    while True:\n        item = queue.get()\n        handle(item)\n",
            "def serve(srv):\n    while True:\n        conn, addr = srv.accept()\n        spawn(conn)\n",
        ]
    )

    static let exits: Set<String> = ["sys.exit", "exit", "quit", "os._exit", "os.abort", "os.kill"]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .loop }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .while(let test, let body, _) = statement.kind else { return }
        if test.isTruthyConstant {
            guard !hasExit(body, context: context), !insideTry(statement.loc, module: context.parsed.module),
                  !Self.waits(body), !Self.callsWaitingFunction(body, module: context.parsed.module) else { return }
            context.report(statement.loc, "while loop with a constant true condition and no break, return, raise or exit",
                           fixHint: "add an exit condition, a bound or a timeout")
            return
        }
        // `while i < n:` whose body changes neither `i` nor `n`: the condition can never change.
        guard let names = Self.comparedNames(test), !hasExit(body, context: context),
              !Self.touches(body, names) else { return }
        context.report(statement.loc, "while loop whose condition variables (\(names.sorted().joined(separator: ", "))) never change in its body",
                       fixHint: "update the loop variable in the body (or use a for loop over a range)")
    }

    /// Calls that block until there is work (a connection, a message, a queue item, time): a
    /// `while True:` around one is a server's or worker's loop, meant to run for good.
    static let waitingCalls: Set<String> = [
        "accept", "recv", "recvfrom", "recv_into", "get", "read", "readline", "sleep", "wait", "select", "poll", "join",
        "serve_forever", "handle_request", "receive", "listen", "input", "consume", "next_message", "getMessage",
        // Queue workers' blocking pops and polls (Redis, SQS, Kafka).
        "blpop", "brpop", "brpoplpush", "blmove", "bzpopmin", "bzpopmax", "xread", "xreadgroup", "receive_messages",
        "receive_message", "get_message",
    ]

    /// Whether the loop's body calls a function or method of this file that waits
    /// (`while True: self.poll_once()` of a `poll_once` receiving from a queue).
    static func callsWaitingFunction(_ body: [Stmt], module: Module) -> Bool {
        var called = Set<String>()
        Module(body: body).walk { node in
            if case .expr(let expression) = node, case .call(let function, _, _) = expression.kind {
                switch function.kind {
                case .name(let id, _): called.insert(id)
                case .attribute(let owner, let attr, _): if case .name("self", _) = owner.kind { called.insert(attr) }
                default: break
                }
            }
            return true
        }
        guard !called.isEmpty else { return false }
        var found = false
        module.walkStatements { statement in
            guard !found, case .functionDef(let name, _, let inner, _, _, _, _) = statement.kind, called.contains(name) else { return }
            found = waits(inner)
        }
        return found
    }

    /// Whether the loop's body (outside nested functions) calls one of `waitingCalls`.
    static func waits(_ body: [Stmt]) -> Bool {
        var found = false
        Module(body: body).walk { node in
            guard !found else { return false }
            if case .stmt(let statement) = node, case .functionDef = statement.kind { return false }
            if case .expr(let expression) = node, case .call(let function, _, _) = expression.kind {
                switch function.kind {
                case .name(let id, _): found = waitingCalls.contains(id)
                case .attribute(_, let attr, _): found = waitingCalls.contains(attr)
                default: break
                }
            }
            return !found
        }
        return found
    }

    /// The names a condition compares, when it is only comparisons of plain names and
    /// constants (no calls, attributes or subscripts that could change by themselves).
    static func comparedNames(_ test: Expr) -> Set<String>? {
        var names: Set<String> = []
        var stack = [test]
        var sawCompare = false
        while let current = stack.popLast() {
            switch current.kind {
            case .compare(let left, _, let comparators):
                sawCompare = true
                stack.append(left)
                stack.append(contentsOf: comparators)
            case .boolOp(_, let values):
                stack.append(contentsOf: values)
            case .unaryOp(_, let operand):
                stack.append(operand)
            case .binOp(let left, _, let right):
                stack.append(left)
                stack.append(right)
            case .name(let id, _):
                names.insert(id)
            case .constant:
                break
            default:
                return nil
            }
        }
        return sawCompare && !names.isEmpty ? names : nil
    }

    /// Whether the body assigns, deletes or calls methods on any of the names (outside nested
    /// functions), or declares them global/nonlocal.
    static func touches(_ body: [Stmt], _ names: Set<String>) -> Bool {
        var stack: [Node] = body.map { .stmt($0) }
        while let node = stack.popLast() {
            switch node {
            case .stmt(let statement):
                switch statement.kind {
                case .functionDef, .classDef: continue
                case .global(let declared), .nonlocal(let declared):
                    if declared.contains(where: names.contains) { return true }
                default: break
                }
            case .expr(let expression):
                switch expression.kind {
                case .name(let id, let context) where context != .load && names.contains(id):
                    return true
                case .attribute(let receiver, _, _):
                    // `i.append(x)`, `node.next`: the object may change.
                    if case .name(let id, _) = receiver.kind, names.contains(id) { return true }
                default: break
                }
            default: break
            }
            node.forEachChild { stack.append($0) }
        }
        return false
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
