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
            // Marks added around matches of text that was never escaped.
            "import re\nfrom django.utils.safestring import mark_safe\n\ndef highlight(text, term):\n    return re.sub(re.escape(term), lambda m: f\"<mark>{m.group(0)}</mark>\", text)\n\nhtml = ↓mark_safe(highlight(note.body, q))\n",
            "from django.utils import safestring\nreturn_value = ↓safestring.mark_safe(render(item))\n",
            // Names appended to a list first written empty: not fixed text.
            "from django.utils.safestring import mark_safe\n\ndef summary(accounts):\n    names = []\n    for a in accounts:\n        names.append(a.display_name)\n    html = \"Done: <b>%s</b>\" % \", \".join(names)\n    return ↓mark_safe(html)\n",
            // The same table, once written to from a request.
            "from django.utils.safestring import mark_safe\nBADGES = {\"draft\": \"<i>Draft</i>\"}\nBADGES[request.GET[\"k\"]] = request.GET[\"v\"]\nbadge = ↓mark_safe(BADGES[exp.status])\n",
        ],
        nonTriggering: [
            "from django.utils.safestring import mark_safe\nhtml = mark_safe(\"<br>\")\n",
            "from django.utils.safestring import mark_safe\nhtml = mark_safe(f\"<b>{name}</b>\")\n",  // ASC703's case
            "from django.utils.html import format_html\nhtml = format_html(\"<b>{}</b>\", name)\n",
            // A table of the program's own markup, looked up by any key.
            "from django.utils.safestring import mark_safe\nBADGES = {\"draft\": '<span class=\"grey\">Draft</span>', \"live\": '<span class=\"green\">Live</span>'}\nbadge = mark_safe(BADGES.get(exp.status, \"\"))\n",
            // Marks added around matches of text escaped first (the parameter rebound once).
            "import re\nfrom django.utils.html import escape\nfrom django.utils.safestring import mark_safe\n\ndef highlight(text, term):\n    text = escape(text)\n    return re.sub(re.escape(escape(term)), lambda m: f\"<mark>{m.group(0)}</mark>\", text)\n\nhtml = mark_safe(highlight(note.body, q))\n",
            // Pieces each escaped by a helper.
            "from django.utils.html import format_html\nfrom django.utils.safestring import mark_safe\n\ndef row(n):\n    return format_html(\"<li>{}</li>\", n.body)\n\ndef page(notes):\n    html = \"\".join(row(n) for n in notes)\n    return mark_safe(html)\n",
        ]
    )

    var callees: Set<String> { ["django.utils.safestring.mark_safe", "django.utils.html.mark_safe"] }

    func check(call: CallSite, context: inout RuleContext) {
        // Text the program fixes (a constant, `BADGES.get(status, "")` of a table of its own
        // markup) carries no one's script.
        guard let value = call.argument("s", position: 0), !value.isLiteral, value.builtString == nil, !context.isFixedText(value),
              !Self.isEscapedHTML(value, context: context) else { return }
        context.report(call.expression.loc, "mark_safe on a non-constant value disables HTML escaping (XSS)",
                       fixHint: "use format_html")
    }

    static let escapers: Set<String> = [
        "django.utils.html.format_html", "django.utils.html.format_html_join", "django.utils.html.escape",
        "django.utils.html.conditional_escape", "html.escape", "markupsafe.escape",
    ]

    /// HTML made by escaping functions: `format_html(...)`, `"".join(render(n) for n in notes)`
    /// of a helper of this file whose every return is one, or a name bound once to such HTML.
    static func isEscapedHTML(_ value: Expr, context: RuleContext, depth: Int = 0) -> Bool {
        guard depth < 5 else { return false }
        switch value.kind {
        case .constant(.str, _):
            return true
        case .name(let id, _):
            // Bound once, or a parameter rebound once at the start (`text = escape(text)`).
            let module = context.parsed.module, position = value.loc.startByte
            guard let bound = module.onlyAssignment(of: id, inFunctionAround: position)
                    ?? module.onlyRebinding(ofParameter: id, inFunctionAround: position) else { return false }
            return isEscapedHTML(bound, context: context, depth: depth + 1)
        case .binOp(let left, .add, let right):
            return isEscapedHTML(left, context: context, depth: depth + 1) && isEscapedHTML(right, context: context, depth: depth + 1)
        case .call(let function, let arguments, _):
            if let name = context.imports.qualifiedName(of: function), escapers.contains(name) { return true }
            // `"".join(render(n) for n in notes)`: each piece escaped.
            if case .attribute(let separator, "join", _) = function.kind, separator.stringConstant != nil, arguments.count == 1 {
                switch arguments[0].kind {
                case .generatorExp(let element, _), .listComp(let element, _):
                    return isEscapedHTML(element, context: context, depth: depth + 1)
                default:
                    return false
                }
            }
            // `re.sub(pattern, lambda m: f"<mark>{m.group(0)}</mark>", escaped)`: markup of fixed
            // text around pieces of the escaped text (or a fixed replacement).
            if let name = context.imports.qualifiedName(of: function), name == "re.sub", arguments.count >= 3,
               isFixedMarkupOfMatch(arguments[1]) {
                return isEscapedHTML(arguments[2], context: context, depth: depth + 1)
            }
            // A helper of this file every return of which is escaped HTML.
            guard case .name(let helper, _) = function.kind, context.imports.binding(of: helper) == nil,
                  let returned = context.parsed.module.returnedValues(ofFunction: helper), !returned.isEmpty else { return false }
            return returned.allSatisfy { isEscapedHTML($0, context: context, depth: depth + 1) }
        default:
            return false
        }
    }

    /// A replacement of `re.sub` adding only fixed text to the match: a string constant, or a
    /// lambda whose result is fixed text around groups of its match (`m.group(0)`, `m[1]`).
    static func isFixedMarkupOfMatch(_ replacement: Expr) -> Bool {
        if case .constant(.str, _) = replacement.kind { return true }
        guard case .lambda(let arguments, let body) = replacement.kind, arguments.args.count == 1 else { return false }
        let match = arguments.args[0].arg
        func isGroup(_ piece: Expr) -> Bool {
            switch piece.kind {
            case .call(let function, _, _):
                guard case .attribute(let owner, "group", _) = function.kind, case .name(match, _) = owner.kind else { return false }
                return true
            case .subscript(let owner, _, _):
                guard case .name(match, _) = owner.kind else { return false }
                return true
            default:
                return false
            }
        }
        switch body.kind {
        case .constant(.str, _): return true
        case .joinedStr(let values):
            return values.allSatisfy { value in
                switch value.kind {
                case .constant: return true
                case .formattedValue(let spliced, _, nil): return isGroup(spliced)
                default: return false
                }
            }
        default:
            return isGroup(body)
        }
    }
}
