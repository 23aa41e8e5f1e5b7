import PythonSyntax

/// CWE-595: `is` / `is not` against a string or number literal compares object identity.
struct IdentityLiteralComparisonRule: Rule {
    static let description = RuleDescription(
        code: "ASC2595", name: "identity-comparison-with-literal", cwe: 595, severity: .low, confidence: .high,
        rationale: """
        `is` compares object identity, and whether two equal strings or numbers are the same \
        object depends on interning and the interpreter, so a check such as role is "admin" \
        passes or fails at random. Compare values with == and !=; keep `is` for None, True, False.
        """,
        triggering: [
            "if ↓role is \"admin\":\n    grant()\n",
            "if ↓count is not 1:\n    retry()\n",
        ],
        nonTriggering: [
            "if role == \"admin\":\n    grant()\n",
            "if value is None or flag is True:\n    pass\n",
            "if x is ...:\n    pass\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .compare }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .compare(let left, let ops, let comparators) = expression.kind else { return }
        var previous = left
        for (op, right) in zip(ops, comparators) {
            defer { previous = right }
            guard op == .is || op == .isNot, Self.isValueLiteral(previous) || Self.isValueLiteral(right) else { continue }
            context.report(expression.loc, "'\(op == .is ? "is" : "is not")' compares identity with a literal; use \(op == .is ? "==" : "!=")",
                           fixHint: "compare with \(op == .is ? "==" : "!=")")
            return
        }
    }

    static func isValueLiteral(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .constant(.str, _), .constant(.bytes, _), .constant(.int, _), .constant(.float, _), .constant(.complex, _): return true
        case .joinedStr: return true
        case .unaryOp(.uSub, let operand): return isValueLiteral(operand)
        default: return false
        }
    }
}
