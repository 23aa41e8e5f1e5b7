import PythonSyntax

/// B701: a Jinja2 environment that does not escape HTML.
struct Jinja2AutoescapeRule: Rule {
    static let description = RuleDescription(
        code: "ASC701", name: "jinja2-autoescape-false", banditID: "B701", cwe: 79, severity: .high, confidence: .high,
        rationale: """
        jinja2.Environment escapes nothing unless told to, so values rendered into HTML can carry \
        script (XSS). Pass autoescape=select_autoescape() (or autoescape=True), and mark the few \
        trusted fragments with Markup.
        """,
        fixAvailable: true,
        triggering: [
            "from tornado import template\nROW = ↓template.Template(\"<td>{{ name }}</td>\", autoescape=None)\n",
            "import jinja2\nenv = ↓jinja2.Environment(loader=loader)\n",
            "from jinja2 import Environment\nenv = Environment(loader=loader, ↓autoescape=False)\n",
            "from jinja2 import Environment\nenv = Environment(↓autoescape=flag)\n",
        ],
        nonTriggering: [
            "from tornado import template\nROW = template.Template(\"<td>{{ name }}</td>\")\n",
            "from jinja2 import Environment, select_autoescape\nenv = Environment(autoescape=select_autoescape())\n",
            "import jinja2\nenv = jinja2.Environment(autoescape=True)\n",
            "import jinja2\nenv = jinja2.Environment(**options)\n",
        ]
    )

    var callees: Set<String> { ["jinja2.Environment", "tornado.template.Template", "tornado.template.Loader"] }

    func check(call: CallSite, context: inout RuleContext) {
        // Tornado escapes by default; `autoescape=None` turns it off for the template or loader.
        if call.qualifiedName.hasPrefix("tornado.") {
            guard let keyword = call.keywords.first(where: { $0.arg == "autoescape" }), keyword.value.isNoneConstant else { return }
            context.report(call.expression.loc, "\(call.qualifiedName) with autoescape=None renders HTML unescaped (XSS)",
                           fixHint: "leave Tornado's default autoescaping on")
            return
        }
        guard let keyword = call.keywords.first(where: { $0.arg == "autoescape" }) else {
            if call.hasKeywordSplat { return }
            context.report(call.expression.loc, "jinja2.Environment without autoescape renders HTML unescaped (XSS)",
                           fixHint: "pass autoescape=select_autoescape()")
            return
        }
        let value = keyword.value
        if value.boolConstant == true { return }
        if case .call(let function, _, _) = value.kind,
           context.imports.qualifiedName(of: function).map({ $0.hasSuffix("select_autoescape") }) ?? false { return }
        if value.boolConstant == false {
            context.report(keyword.loc, "jinja2.Environment with autoescape=False renders HTML unescaped (XSS)",
                           fixHint: "pass autoescape=select_autoescape()")
        } else if !value.isTruthyConstant {
            context.report(keyword.loc, "jinja2.Environment autoescape may be off", confidence: .medium,
                           fixHint: "pass autoescape=select_autoescape()")
        }
    }
}
