import PythonSyntax

/// Untrusted text sent back as HTML without escaping.
struct XSSFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1079", name: "cross-site-scripting-flow", cwe: 79, severity: .high, confidence: .medium,
        rationale: """
        Request data is written into an HTML response unescaped, so a link can run script in the \
        victim's browser. Render a template with autoescaping, or escape with markupsafe.escape.
        """,
        triggering: [
            "import tornado.web\n\nclass Hi(tornado.web.RequestHandler):\n    def get(self):\n        ↓self.write(\"<b>\" + self.get_argument(\"name\") + \"</b>\")\n",
            "from bottle import route, request\n\n@route(\"/hi\")\ndef hi():\n    return ↓\"<b>\" + request.query.name + \"</b>\"\n",
            "from flask import Flask, request\napp = Flask(__name__)\n\n@app.route(\"/hi\")\ndef hi():\n    name = request.args.get(\"name\", \"\")\n    return ↓\"<h1>Hello \" + name + \"</h1>\"\n",
            "from flask import request, render_template_string\n\ndef page():\n    return ↓render_template_string(\"<p>\" + request.args[\"q\"] + \"</p>\")\n",
        ],
        nonTriggering: [
            "import tornado.web\nfrom markupsafe import escape\n\nclass Hi(tornado.web.RequestHandler):\n    def get(self):\n        self.write(\"<b>\" + escape(self.get_argument(\"name\")) + \"</b>\")\n",
            "from flask import Flask, request\nfrom markupsafe import escape\napp = Flask(__name__)\n\n@app.route(\"/hi\")\ndef hi():\n    return \"<h1>Hello \" + escape(request.args.get(\"name\", \"\")) + \"</h1>\"\n",
            "from flask import Flask, request, jsonify\napp = Flask(__name__)\n\n@app.route(\"/hi\")\ndef hi():\n    return jsonify(name=request.args.get(\"name\"))\n",
        ]
    )

    var sinkNoun: String { "an HTML response" }
    var sinksOnHandlerReturn: Bool { true }

    static let functions: Set<String> = [
        "flask.render_template_string", "flask.make_response", "flask.Response", "flask.Markup", "markupsafe.Markup",
        "django.http.HttpResponse", "django.utils.safestring.mark_safe", "jinja2.Template", "mako.template.Template",
    ]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        if Self.functions.contains(call.qualifiedName) { return Array(call.arguments.prefix(1)) }
        // Tornado's RequestHandler writes its argument into the response.
        if case .attribute(let receiver, let method, _) = call.function.kind, case .name("self", _) = receiver.kind,
           method == "write" || method == "finish", imports.imports("tornado") {
            return Array(call.arguments.prefix(1))
        }
        return []
    }
}
