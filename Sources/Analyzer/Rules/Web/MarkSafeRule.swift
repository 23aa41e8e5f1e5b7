import PythonSyntax

/// B308: Django `mark_safe` on a value that is not a constant (the built-string case is ASC703).
struct MarkSafeRule: Rule {
    static let description = RuleDescription(
        code: "ASC308", name: "django-mark-safe", banditID: "B308", cwe: 79, severity: .medium, confidence: .high,
        rationale: """
        mark_safe tells Django not to escape a value; if any part of it came from a user it \
        can carry script (XSS). Build HTML with django.utils.html.format_html, which escapes \
        the values, and keep mark_safe for constants.
        """,
        triggering: [
            "from django.utils.safestring import mark_safe\nhtml = ↓mark_safe(comment.body)\n",
            "from django.utils import safestring\nreturn_value = ↓safestring.mark_safe(render(item))\n",
        ],
        nonTriggering: [
            "from django.utils.safestring import mark_safe\nhtml = mark_safe(\"<br>\")\n",
            "from django.utils.safestring import mark_safe\nhtml = mark_safe(f\"<b>{name}</b>\")\n",  // ASC703's case
            "from django.utils.html import format_html\nhtml = format_html(\"<b>{}</b>\", name)\n",
        ]
    )

    var callees: Set<String> { ["django.utils.safestring.mark_safe", "django.utils.html.mark_safe"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let value = call.argument("s", position: 0), !value.isLiteral, value.builtString == nil else { return }
        context.report(call.expression.loc, "mark_safe on a non-constant value disables HTML escaping (XSS)",
                       fixHint: "use format_html")
    }
}
