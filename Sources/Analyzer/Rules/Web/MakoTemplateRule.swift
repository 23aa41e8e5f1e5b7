import PythonSyntax

/// B702: Mako templates, which do not escape HTML by default.
struct MakoTemplateRule: Rule {
    static let description = RuleDescription(
        code: "ASC702", name: "mako-templates", banditID: "B702", cwe: 80, severity: .medium, confidence: .high,
        rationale: """
        Mako renders ${value} without HTML escaping unless a filter says otherwise, so user \
        values can inject script. Pass default_filters=["h"] (to Template or TemplateLookup), or \
        use a template engine that escapes by default.
        """,
        triggering: [
            "from mako.template import Template\nt = ↓Template(text)\n",
            "import mako.lookup\nlookup = ↓mako.lookup.TemplateLookup(directories=[\"tpl\"])\n",
        ],
        nonTriggering: [
            "from mako.template import Template\nt = Template(text, default_filters=[\"h\"])\n",
            "from string import Template\nt = Template(text)\n",
        ]
    )

    var callees: Set<String> { ["mako.template.Template", "mako.lookup.TemplateLookup"] }

    func check(call: CallSite, context: inout RuleContext) {
        if let filters = call.argument("default_filters"),
           case .list(let elements, _) = filters.kind, elements.contains(where: { $0.stringConstant == "h" }) { return }
        if call.argument("default_filters") != nil, call.argument("default_filters")?.isLiteral == false { return }
        context.report(call.expression.loc, "Mako templates do not escape HTML by default (XSS)",
                       fixHint: "pass default_filters=[\"h\"]")
    }
}
