import PythonSyntax

/// B610: Django `QuerySet.extra()` with SQL fragments that are not constants.
struct DjangoExtraRule: Rule {
    static let description = RuleDescription(
        code: "ASC610", name: "django-extra-sql", banditID: "B610", cwe: 89, severity: .medium, confidence: .medium,
        rationale: """
        QuerySet.extra() pastes its select, where and tables fragments into the SQL unescaped. \
        Use the ORM (filter, annotate with F and Func expressions); if raw SQL is unavoidable \
        keep the fragments constant and pass values through params.
        """,
        triggering: [
            "User.objects.extra(where=[↓f\"name = '{name}'\"])\n",
            "qs = qs.extra(select={\"total\": ↓expression})\n",
            "qs.extra(↓columns)\n",
        ],
        nonTriggering: [
            "User.objects.extra(where=[\"name = %s\"], params=[name])\n",
            "qs.extra(select={\"is_recent\": \"created > '2020-01-01'\"})\n",
            "qs.filter(name=name)\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    var requiredIdentifiers: [String] { ["extra"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, expression.calledAttribute == "extra",
              case .call(_, let arguments, let keywords) = expression.kind else { return }
        var fragments: [(name: String, value: Expr)] = []
        for (index, name) in ["select", "where", "params", "tables"].enumerated() where index < arguments.count {
            fragments.append((name, arguments[index]))
        }
        for keyword in keywords { if let name = keyword.arg { fragments.append((name, keyword.value)) } }
        for (name, value) in fragments {
            let parts: [Expr]
            switch (name, value.kind) {
            case ("where", .list(let elements, _)), ("tables", .list(let elements, _)),
                 ("where", .tuple(let elements, _)), ("tables", .tuple(let elements, _)):
                parts = elements
            case ("select", .dict(_, let values)):
                parts = values
            case ("select", _), ("where", _), ("tables", _):
                parts = [value]
            default:
                parts = []
            }
            for part in parts where part.stringConstant == nil {
                context.report(part.loc, "QuerySet.extra() with a non-constant SQL fragment (SQL injection)")
            }
        }
    }
}
