import PythonSyntax

/// B704: `markupsafe.Markup` built from a value that is not a constant.
struct MarkupXSSRule: Rule {
    static let description = RuleDescription(
        code: "ASC704", name: "markupsafe-markup-xss", banditID: "B704", cwe: 79, severity: .medium, confidence: .high,
        rationale: """
        Markup(text) declares text safe HTML; built from user values it lets them inject script. \
        Escape values instead: Markup("<b>{}</b>").format(name) or markupsafe.escape(name).
        """,
        triggering: [
            "from markupsafe import Markup\nhtml = ↓Markup(f\"<b>{name}</b>\")\n",
            "import markupsafe\nhtml = ↓markupsafe.Markup(user_bio)\n",
        ],
        nonTriggering: [
            "from markupsafe import Markup\nhtml = Markup(\"<b>{}</b>\").format(name)\n",
            "from markupsafe import Markup, escape\nhtml = Markup(escape(name))\n",
        ]
    )

    var callees: Set<String> { ["markupsafe.Markup", "flask.Markup", "jinja2.Markup"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let value = call.argument("base", position: 0), !value.isLiteral else { return }
        if case .call(let function, _, _) = value.kind, let name = context.imports.qualifiedName(of: function),
           name.hasSuffix("escape") { return }
        context.report(call.expression.loc, "Markup of a non-constant value skips HTML escaping (XSS)",
                       fixHint: "use Markup(...).format(value) or escape(value)")
    }
}
