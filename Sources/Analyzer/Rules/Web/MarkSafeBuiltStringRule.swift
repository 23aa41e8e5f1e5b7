import PythonSyntax

/// B703: Django `mark_safe`/`SafeString` on HTML built by formatting or concatenation.
struct MarkSafeBuiltStringRule: Rule {
    static let description = RuleDescription(
        code: "ASC703", name: "django-mark-safe-built-html", banditID: "B703", cwe: 80, severity: .medium, confidence: .high,
        rationale: """
        HTML assembled with f-strings, %, + or .format and then marked safe puts the \
        interpolated values into the page unescaped (XSS). format_html("<b>{}</b>", name) escapes \
        each value and returns a safe string.
        """,
        triggering: [
            "from django.utils.safestring import mark_safe\nhtml = mark_safe(↓f\"<b>{name}</b>\")\n",
            "from django.utils.safestring import SafeString\nhtml = SafeString(↓\"<a href='%s'>\" % url)\n",
        ],
        nonTriggering: [
            "from django.utils.safestring import mark_safe\nhtml = mark_safe(\"<b>\" + \"</b>\")\n",
            "from django.utils.html import format_html\nhtml = format_html(\"<b>{}</b>\", name)\n",
            "from django.utils.safestring import mark_safe\nhtml = mark_safe(f\"<b>{int(updated)}</b> refunds approved\")\n",
            // `%d` takes only a number: digits, no markup.
            "from django.utils.safestring import mark_safe\nhtml = mark_safe('<span>Pending (%d reminders)</span>' % count)\n",
        ]
    )

    var callees: Set<String> {
        ["django.utils.safestring.mark_safe", "django.utils.html.mark_safe", "django.utils.safestring.SafeString",
         "django.utils.safestring.SafeText"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        guard let value = call.argument("s", position: 0) ?? call.arguments.first, let built = value.builtString,
              built.isDynamic else { return }
        // Numbers (`f"<b>{int(updated)}</b> refunds approved"`) hold no markup.
        if context.splicesOnlyFixedText(built, at: value.loc, also: .numbers) { return }
        context.report(value.loc, "HTML built from non-constant values is marked safe (XSS)", fixHint: "use format_html")
    }
}
