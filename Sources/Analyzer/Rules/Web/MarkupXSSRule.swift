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
            "from markupsafe import Markup\n\ndef note(lines):\n    body = \"<br>\".join(lines)\n    return ↓Markup(body)\n",
        ],
        nonTriggering: [
            "from markupsafe import Markup\nhtml = Markup(\"<b>{}</b>\").format(name)\n",
            "from markupsafe import Markup, escape\nhtml = Markup(escape(name))\n",
            // Markup markupsafe built, escaping each line, declared markup again.
            "from markupsafe import Markup, escape\n\ndef note(lines):\n    body = Markup(\"<br>\").join(escape(line) for line in lines)\n    return Markup(body)\n",
        ]
    )

    var callees: Set<String> { ["markupsafe.Markup", "flask.Markup", "jinja2.Markup"] }

    /// Whether `value` is markup markupsafe built, escaping what it was given: `escape(x)`,
    /// `Markup(...)` itself, `Markup("<p>%s</p>") % x`, `Markup("<br>").join(lines)` or
    /// `.format(...)` of a Markup, or a local bound once to one of these.
    private func isMarkupAlready(_ value: Expr, context: RuleContext, depth: Int) -> Bool {
        guard depth < 4 else { return false }
        switch value.kind {
        case .call(let function, _, _):
            if let name = context.imports.qualifiedName(of: function), name.hasSuffix("escape") || callees.contains(name) { return true }
            if case .attribute(let receiver, let method, _) = function.kind, method == "join" || method == "format" {
                return isMarkupAlready(receiver, context: context, depth: depth + 1)
            }
            return false
        case .binOp(let left, .mod, _):
            return isMarkupAlready(left, context: context, depth: depth + 1)
        case .name(let id, _):
            guard let bound = context.parsed.module.onlyAssignment(of: id, inFunctionAround: value.loc.startByte) else { return false }
            return isMarkupAlready(bound, context: context, depth: depth + 1)
        default:
            return false
        }
    }

    func check(call: CallSite, context: inout RuleContext) {
        guard let value = call.argument("base", position: 0), !value.isLiteral,
              !isMarkupAlready(value, context: context, depth: 0) else { return }
        context.report(call.expression.loc, "Markup of a non-constant value skips HTML escaping (XSS)",
                       fixHint: "use Markup(...).format(value) or escape(value)")
    }
}
