import PythonSyntax

/// CWE-1336: a Jinja2 template compiled from text the program was handed, in an environment
/// that is not sandboxed, or a Bottle template made from such text (server-side template
/// injection).
struct TemplateFromTextRule: Rule {
    static let description = RuleDescription(
        code: "ASC21336", name: "template-compiled-from-text", cwe: 1336, severity: .medium, confidence: .low,
        rationale: """
        A Jinja2 template runs code: `{{ cycler.__init__.__globals__.os.popen('id').read() }}` \
        in a template a user, tenant or record supplied runs a command on the server. Compile \
        only templates the application ships (get_template, constants), or compile outside \
        text in a jinja2.sandbox.SandboxedEnvironment, or use string.Template for plain \
        placeholders.
        """,
        triggering: [
            "from jinja2 import Environment\nenv = Environment(autoescape=True)\n\ndef header(branding):\n    return ↓env.from_string(branding.header_template).render()\n",
            "import jinja2\n\nclass Preview:\n    def __init__(self):\n        self.env = jinja2.Environment(autoescape=True)\n\n    def render(self, source):\n        return ↓self.env.from_string(source).render()\n",
            "from jinja2 import Template\n\ndef render(body, context):\n    return ↓Template(body).render(**context)\n",
            // Bottle's templates run Python expressions (`{{__import__('os').popen('id').read()}}`).
            "from bottle import SimpleTemplate\n\ndef render_label(layout_source, sample):\n    return ↓SimpleTemplate(layout_source).render(**sample)\n",
            "from bottle import template\n\ndef banner(tenant, user):\n    source = tenant.welcome_template or \"Welcome to {{tenant}}\"\n    return ↓template(source, tenant=tenant.name, user=user)\n",
            "from bottle import template\nBODY = \"<h3>{{broker}}</h3>\"\n\ndef widget(greeting, broker):\n    source = \"<p>\" + greeting + \"</p>\" + BODY\n    return ↓template(source, broker=broker)\n",
        ],
        nonTriggering: [
            "from jinja2.sandbox import SandboxedEnvironment\nenv = SandboxedEnvironment(autoescape=True)\n\ndef header(branding):\n    return env.from_string(branding.header_template).render()\n",
            "from jinja2 import Environment\nenv = Environment(autoescape=True)\nHEADER = \"<h1>{{ title }}</h1>\"\n\ndef header(title):\n    return env.from_string(HEADER).render(title=title)\n",
            // An entry of the program's own table of templates.
            "from jinja2 import Environment\nenv = Environment(autoescape=True)\nLOOP = \"{% for a in items %}{{ a }}{% endfor %}\"\nTEMPLATES = {\"a\": \"<h1>{{ x }}</h1>\" + LOOP, \"b\": \"{{ y }}\"}\n\ndef render(name, context):\n    return env.from_string(TEMPLATES[name]).render(**context)\n",
            "from jinja2 import Template\n\nclass Mailer:\n    FOOTER = \"-- the team\"\n    BODY = Template(\"Hi {{ team }}\" + FOOTER)\n",
            // `template(name)` names a template file unless the text looks like a template.
            "from bottle import template\n\ndef page(view, context):\n    return template(view, **context)\n",
            // An environment this file does not make: whether it is sandboxed is not known here.
            "def render(env, source):\n    return env.from_string(source).render()\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    var requiredImports: [String] { ["jinja2", "bottle"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind,
              let source = arguments.first ?? keywords.first(where: { $0.arg == "source" })?.value else { return }
        switch function.kind {
        case .attribute(let receiver, "from_string", _):
            guard madeByUnsandboxedEnvironment(receiver, context: context) else { return }
        default:
            guard let name = context.imports.qualifiedName(of: function) else { return }
            switch name {
            case "jinja2.Template", "bottle.SimpleTemplate": break
            // Bottle's `template(x)` reads `x` as a file's name unless it holds template marks.
            case "bottle.template", "bottle.jinja2_template", "bottle.mako_template":
                guard Self.holdsTemplateText(source, context: context) else { return }
            default: return
            }
        }
        guard !Self.isProgramText(source, context: context, depth: 0) else { return }
        context.report(expression.loc, "template compiled from non-constant text outside a sandbox (template injection)",
                       fixHint: "use jinja2.sandbox.SandboxedEnvironment, or a template the application ships")
    }

    /// Whether `expression` is template text rather than a template's name: a name bound in
    /// its function to something whose fixed fallback holds `{{` or `%` lines
    /// (`tenant.banner or "Welcome {{name}}"`).
    static func holdsTemplateText(_ expression: Expr, context: RuleContext) -> Bool {
        guard case .name(let id, _) = expression.kind,
              let bound = context.parsed.module.onlyAssignment(of: id, inFunctionAround: expression.loc.startByte) else { return false }
        func isTemplateText(_ text: String) -> Bool { text.contains("{{") || text.contains("\n%") }
        var found = false
        ScopeWalk.walk(bound) { part in
            if let text = part.stringConstant, isTemplateText(text) { found = true }
            // `'<p>' + greeting + '</p>' + WIDGET_BODY`: a module constant's template text.
            if case .name(let constant, _) = part.kind, let text = context.moduleValue(of: constant)?.stringConstant, isTemplateText(text) { found = true }
            return !found
        }
        return found
    }

    /// Text the program itself holds: fixed text, a constant (a name in capitals, at module or
    /// class level: `FOOTER`, `self.HEADER`), an entry of a module table of such texts, or
    /// those joined with `+`.
    static func isProgramText(_ expression: Expr, context: RuleContext, depth: Int) -> Bool {
        guard depth < 6 else { return false }
        if context.isFixedText(expression) { return true }
        func isConstantName(_ id: String) -> Bool { id == id.uppercased() && id.contains(where: \.isLetter) }
        switch expression.kind {
        case .binOp(let left, .add, let right):
            return isProgramText(left, context: context, depth: depth + 1) && isProgramText(right, context: context, depth: depth + 1)
        case .name(let id, _):
            return isConstantName(id)
        case .attribute(let owner, let attr, _):
            guard case .name(let id, _) = owner.kind, id == "self" || id == "cls" else { return false }
            return isConstantName(attr)
        case .subscript(let table, _, _):
            guard case .name(let id, _) = table.kind, let value = context.moduleValue(of: id), case .dict(_, let entries) = value.kind,
                  !entries.isEmpty else { return false }
            return entries.allSatisfy { isProgramText($0, context: context, depth: depth + 1) }
        default:
            return false
        }
    }

    /// Whether `receiver` (`env`, `self.env`) is bound in this file, every time, to a
    /// `jinja2.Environment(...)`: an environment that lets a template reach Python's objects.
    private func madeByUnsandboxedEnvironment(_ receiver: Expr, context: RuleContext) -> Bool {
        let wanted: (Expr) -> Bool
        switch receiver.kind {
        case .name(let id, _):
            if let value = context.parsed.module.onlyAssignment(of: id, inFunctionAround: receiver.loc.startByte) {
                return isUnsandboxedEnvironment(value, context: context)
            }
            wanted = { if case .name(id, _) = $0.kind { true } else { false } }
        case .attribute(let owner, let attr, _):
            guard case .name("self", _) = owner.kind else { return false }
            wanted = { target in
                guard case .attribute(let object, attr, _) = target.kind, case .name("self", _) = object.kind else { return false }
                return true
            }
        default:
            return false
        }
        var values: [Expr] = []
        context.parsed.module.walk { node in
            if case .stmt(let statement) = node, case .assign(let targets, let value) = statement.kind, targets.contains(where: wanted) {
                values.append(value)
            }
            return true
        }
        return !values.isEmpty && values.allSatisfy { isUnsandboxedEnvironment($0, context: context) }
    }

    private func isUnsandboxedEnvironment(_ value: Expr, context: RuleContext) -> Bool {
        guard case .call(let maker, _, _) = value.kind, let name = context.imports.qualifiedName(of: maker) else { return false }
        return name == "jinja2.Environment" || name == "jinja2.environment.Environment"
    }
}
