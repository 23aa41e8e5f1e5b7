import PythonSyntax

/// B110: a broad `except` whose only statement is `pass`.
struct TryExceptPassRule: Rule {
    static let description = RuleDescription(
        code: "ASC110", name: "try-except-pass", banditID: "B110", cwe: 703, severity: .low, confidence: .high,
        rationale: """
        `except Exception: pass` hides every failure, including the security checks that raise. \
        Catch the specific exception you expect, and at least log what was ignored.
        """,
        triggering: [
            "try:\n    do()\n↓except Exception:\n    pass\n",
            "try:\n    do()\n↓except:\n    pass\n",
        ],
        nonTriggering: [
            "try:\n    do()\nexcept KeyError:\n    pass\n",  // a specific, expected exception
            "import logging\ntry:\n    do()\nexcept Exception:\n    logging.exception(\"do failed\")\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .exceptHandler }

    func check(node: Node, context: inout RuleContext) {
        guard case .exceptHandler(let handler) = node, BroadHandler.isBroad(handler),
              handler.body.count == 1, case .pass = handler.body[0].kind else { return }
        context.report(handler.loc, "a broad except that only passes silently swallows errors",
                       fixHint: "catch a specific exception and log it")
    }
}

/// Bare `except:` and `except Exception`/`BaseException` (Bandit's default of not checking
/// typed exceptions).
enum BroadHandler {
    static func isBroad(_ handler: ExceptHandler) -> Bool {
        guard let type = handler.type else { return true }
        switch type.kind {
        case .name(let id, _): return id == "Exception" || id == "BaseException"
        case .attribute(let base, let attr, _):
            if case .name("builtins", _) = base.kind { return attr == "Exception" || attr == "BaseException" }
            return false
        default: return false
        }
    }
}
