import PythonSyntax

/// B112: a broad `except` whose only statement is `continue`.
struct TryExceptContinueRule: Rule {
    static let description = RuleDescription(
        code: "ASC112", name: "try-except-continue", banditID: "B112", cwe: 703, severity: .low, confidence: .high,
        rationale: """
        `except Exception: continue` skips items on any error, so failures (and attacks that \
        cause them) go unnoticed. Catch the specific exception you expect and log the skip.
        """,
        triggering: [
            "for item in items:\n    try:\n        handle(item)\n    ↓except Exception:\n        continue\n",
            "while True:\n    try:\n        step()\n    ↓except:\n        continue\n",
        ],
        nonTriggering: [
            "for item in items:\n    try:\n        handle(item)\n    except ValueError:\n        continue\n",
            "for item in items:\n    try:\n        handle(item)\n    except Exception:\n        log.warning(\"skipped %s\", item)\n        continue\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .exceptHandler }

    func check(node: Node, context: inout RuleContext) {
        guard case .exceptHandler(let handler) = node, BroadHandler.isBroad(handler),
              handler.body.count == 1, case .continue = handler.body[0].kind else { return }
        context.report(handler.loc, "a broad except that only continues silently skips errors",
                       fixHint: "catch a specific exception and log it")
    }
}
