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
            // The requested key itself, beside what the query found.
            "from starlette.responses import HTMLResponse\n\nasync def page(request):\n    ref = request.query_params.get(\"ref\", \"\")\n    async with request.app.state.pool.acquire() as conn:\n        row = await conn.fetchrow(\"SELECT billed FROM claims WHERE ref = $1\", ref)\n    return ↓HTMLResponse(\"<p>%s billed %s</p>\" % (ref, row[\"billed\"]))\n",
            "from fastapi import FastAPI\nfrom fastapi.responses import HTMLResponse\napp = FastAPI()\n\n@app.get(\"/hi\")\ndef hi(name: str):\n    return ↓HTMLResponse(content=\"<h1>\" + name + \"</h1>\")\n",
            "from jinja2 import Environment\nfrom flask import request\n\ndef page():\n    return ↓Environment().from_string(request.args[\"t\"]).render()\n",
            "from jinja2 import Environment\nfrom flask import request\nenv = Environment()\n\ndef page():\n    return ↓env.from_string(request.args[\"t\"]).render()\n",
            "import falcon\n\nclass Widget:\n    def on_get(self, req, resp):\n        title = req.get_param(\"title\")\n        resp.content_type = falcon.MEDIA_HTML\n        ↓resp.text = f\"<h3>{title}</h3>\"\n",
            "import tornado.web\n\nclass Hi(tornado.web.RequestHandler):\n    def get(self):\n        ↓self.write(\"<b>\" + self.get_argument(\"name\") + \"</b>\")\n",
            "from bottle import route, request\n\n@route(\"/hi\")\ndef hi():\n    return ↓\"<b>\" + request.query.name + \"</b>\"\n",
            "from flask import Flask, request\napp = Flask(__name__)\n\n@app.route(\"/hi\")\ndef hi():\n    name = request.args.get(\"name\", \"\")\n    return ↓\"<h1>Hello \" + name + \"</h1>\"\n",
            "from flask import request, render_template_string\n\ndef page():\n    return ↓render_template_string(\"<p>\" + request.args[\"q\"] + \"</p>\")\n",
            "from aiohttp import web\n\nasync def hello(request):\n    name = request.query.get(\"name\", \"\")\n    return ↓web.Response(text=\"<h1>\" + name + \"</h1>\", content_type=\"text/html\")\n",
            "from django.http import HttpResponse\n\ndef badge(request):\n    svg = \"<svg><text>%s</text></svg>\" % request.GET[\"label\"]\n    return ↓HttpResponse(svg, content_type=\"image/svg+xml\")\n",
            "from starlette.responses import Response\n\nasync def badge(request):\n    svg = \"<svg><text>%s</text></svg>\" % request.query_params[\"label\"]\n    return ↓Response(svg, media_type=\"image/svg+xml\")\n",
            // The media type given by position, after the status and the headers.
            "from starlette.responses import Response\n\nasync def page(request):\n    return ↓Response(\"<p>\" + request.query_params[\"q\"] + \"</p>\", 200, None, \"text/html\")\n",
            "from django.http import HttpResponseNotFound\n\ndef card(request, slug):\n    return ↓HttpResponseNotFound(f\"<h2>No card named {request.GET['name']}</h2>\")\n",
            "from mako.template import Template\nfrom flask import request\nPAGE = Template(\"<h1>${name}</h1>\")\n\ndef page():\n    return ↓PAGE.render(name=request.args[\"name\"])\n",
        ],
        nonTriggering: [
            // Rows an asyncpg query found by the requested key: what the database holds, not
            // the key (stored data is not followed).
            "from starlette.responses import HTMLResponse\n\nasync def page(request):\n    ref = request.query_params.get(\"ref\", \"\")\n    async with request.app.state.pool.acquire() as conn:\n        row = await conn.fetchrow(\"SELECT billed FROM claims WHERE ref = $1\", ref)\n        events = await conn.fetch(\"SELECT count(*) AS n FROM events WHERE ref = $1\", ref)\n    return HTMLResponse(\"<p>%s billed, %s events</p>\" % (row[\"billed\"], events[0][\"n\"]))\n",
            "import os\nfrom databases import Database\nfrom starlette.responses import HTMLResponse\ndatabase = Database(os.environ.get(\"DB_URL\", \"sqlite:///r.db\"))\n\nasync def show(request):\n    code = request.path_params[\"code\"]\n    row = await database.fetch_one(\"SELECT code FROM reservations WHERE code = :code\", {\"code\": code})\n    return HTMLResponse(\"<input value='{}'>\".format(row[\"code\"]))\n",
            // A response made already (a redirect), not a page.
            "from flask import make_response, redirect, request\n\ndef go():\n    resp = make_response(redirect(\"/login?next=\" + request.args[\"next\"]))\n    return resp\n",
            "from flask import Flask, redirect, request\napp = Flask(__name__)\n\n@app.route(\"/go\")\ndef go():\n    resp = redirect(\"/login?next=\" + request.args[\"next\"])\n    resp.set_cookie(\"seen\", \"1\")\n    return resp\n",
            // A sandboxed environment: the template's code reaches no Python object.
            "from jinja2.sandbox import ImmutableSandboxedEnvironment\nfrom flask import request\nenv = ImmutableSandboxedEnvironment()\n\ndef mail():\n    send(env.from_string(request.args[\"t\"]).render())\n",
            // Falcon's default body type is JSON: no markup is read from it.
            "import falcon\n\nclass Widget:\n    def on_get(self, req, resp):\n        title = req.get_param(\"title\")\n        resp.text = title\n",
            "from jinja2.sandbox import SandboxedEnvironment\nfrom flask import request\n\nclass Preview:\n    def __init__(self):\n        self.env = SandboxedEnvironment()\n\n    def render(self):\n        send(self.env.from_string(request.args[\"t\"]).render())\n",
            "from starlette.responses import Response\n\nasync def echo(request):\n    return Response(content=request.query_params.get(\"q\", \"\"), media_type=\"text/plain\")\n",
            "from flask import Response, request\n\ndef export():\n    return Response(request.args[\"csv\"], mimetype=\"text/csv\")\n",
            "import tornado.web\nfrom markupsafe import escape\n\nclass Hi(tornado.web.RequestHandler):\n    def get(self):\n        self.write(\"<b>\" + escape(self.get_argument(\"name\")) + \"</b>\")\n",
            "from flask import Flask, request\nfrom markupsafe import escape\napp = Flask(__name__)\n\n@app.route(\"/hi\")\ndef hi():\n    return \"<h1>Hello \" + escape(request.args.get(\"name\", \"\")) + \"</h1>\"\n",
            "from flask import Flask, request, jsonify\napp = Flask(__name__)\n\n@app.route(\"/hi\")\ndef hi():\n    return jsonify(name=request.args.get(\"name\"))\n",
            "import tornado.web\n\nclass Hi(tornado.web.RequestHandler):\n    def get(self):\n        self.write({\"name\": self.get_argument(\"name\")})\n",
            "import dataclasses\nimport tornado.web\n\nclass Hi(tornado.web.RequestHandler):\n    def get(self):\n        self.write(dataclasses.asdict(Item(self.get_argument(\"name\"))))\n",
            "from aiohttp import web\n\nasync def hello(request):\n    return web.Response(text=request.query.get(\"name\", \"\"))\n",  // text/plain
            "from mako.template import Template\nfrom flask import request\nPAGE = Template(\"<h1>${name}</h1>\", default_filters=[\"h\"])\n\ndef page():\n    return PAGE.render(name=request.args[\"name\"])\n",
        ]
    )

    var sinkNoun: String { "an HTML response" }
    var sinksOnHandlerReturn: Bool { true }

    /// A media type a browser renders as a document that may run scripts: HTML, XHTML, SVG.
    static func runsScripts(_ mediaType: String) -> Bool {
        let type = mediaType.lowercased()
        return type.hasPrefix("text/html") || type.contains("xhtml") || type.hasPrefix("image/svg")
    }

    static let functions: Set<String> = [
        "flask.render_template_string", "flask.make_response", "flask.Response", "flask.Markup", "markupsafe.Markup",
        "django.http.HttpResponse", "django.utils.safestring.mark_safe", "jinja2.Template", "mako.template.Template",
        // Django's error responses are HTML pages too.
        "django.http.HttpResponseNotFound", "django.http.HttpResponseBadRequest", "django.http.HttpResponseForbidden",
        "django.http.HttpResponseServerError", "django.http.HttpResponseGone",
    ]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        if Self.functions.contains(call.qualifiedName) {
            // `Response(data, mimetype="application/pdf")`: declared as something a browser does
            // not run scripts in (HTML, SVG and XML documents it does).
            if let type = (call.argument("mimetype") ?? call.argument("content_type"))?.stringConstant?.lowercased(),
               !type.contains("html"), !type.contains("svg"), !type.contains("xml") {
                return []
            }
            // `make_response(redirect(url))`, `make_response(jsonify(x))`: a response made
            // already, not text to send as a page.
            if call.qualifiedName == "flask.make_response", case .call(let maker, _, _)? = call.arguments.first?.kind,
               let made = imports.qualifiedName(of: maker), Self.responseMakers.contains(made) {
                return []
            }
            return Array(call.arguments.prefix(1))
        }
        // FastAPI/Starlette: an HTMLResponse, or a Response declared text/html (or SVG).
        switch call.qualifiedName {
        case "fastapi.responses.HTMLResponse", "starlette.responses.HTMLResponse":
            return SinkMatching.first(call, keyword: "content")
        case "fastapi.Response", "fastapi.responses.Response", "starlette.responses.Response":
            guard let type = call.argument("media_type", position: 3)?.stringConstant, Self.runsScripts(type) else { return [] }
            return SinkMatching.first(call, keyword: "content")
        // aiohttp: a Response declared text/html; Sanic's `html()` helper.
        case "aiohttp.web.Response":
            guard let type = call.argument("content_type")?.stringConstant, Self.runsScripts(type) else { return [] }
            return [call.argument("text"), call.argument("body")].compactMap { $0 }
        case "sanic.response.html":
            return SinkMatching.first(call, keyword: "body")
        default:
            break
        }
        // `Environment().from_string(source)`: the requester writes the template.
        if SinkMatching.method(call) == "from_string", imports.imports("jinja2") { return SinkMatching.first(call, keyword: "source") }
        // `RESULTS.render(surname=s)` of a Mako template, which escapes nothing unless told
        // (`default_filters=["h"]`): what it is given goes into the page as it is. Only a
        // template the file makes (`configurationMakesSafe`).
        if Self.isTemplateRender(call), imports.imports("mako") { return call.arguments + call.keywords.map(\.value) }
        // Tornado's RequestHandler writes its argument into the response.
        if case .attribute(let receiver, let method, _) = call.function.kind, case .name("self", _) = receiver.kind,
           method == "write" || method == "finish", imports.imports("tornado") {
            // A dict is sent as JSON (`self.write({"url": u})`), not as HTML.
            if case .dict = call.arguments.first?.kind { return [] }
            // So is what a dict maker gives (`self.write(to_dict(node))`, `asdict(item)`).
            if case .call(let maker, _, _)? = call.arguments.first?.kind, let made = TaintEngine.simpleName(of: maker),
               Self.dictMakers.contains(made) { return [] }
            return Array(call.arguments.prefix(1))
        }
        return []
    }

    /// Flask's functions returning a response object.
    static let responseMakers: Set<String> = ["flask.redirect", "flask.jsonify", "flask.send_file", "flask.send_from_directory", "flask.abort"]

    /// Responses made whole by a framework (a redirect, JSON, a file), whatever they carry:
    /// a handler returning one sends no text of its own.
    static let madeResponses: Set<String> = responseMakers.union([
        "django.shortcuts.redirect", "django.http.HttpResponseRedirect", "django.http.HttpResponsePermanentRedirect",
        "django.http.JsonResponse", "starlette.responses.RedirectResponse", "fastapi.responses.RedirectResponse",
        "starlette.responses.JSONResponse", "fastapi.responses.JSONResponse", "bottle.redirect",
    ])

    /// Functions and methods named for the dict they give.
    static let dictMakers: Set<String> = ["dict", "to_dict", "as_dict", "asdict", "todict", "model_dump", "_asdict"]

    /// Falcon's `resp.text = html` (or `resp.body`): the response body, HTML where the handler
    /// declares it so (`TaintInterpreter.declaresHTMLBody` checks `resp.content_type`).
    func isSinkAssignment(_ target: Expr) -> Bool {
        guard case .attribute(let receiver, let attr, _) = target.kind, attr == "text" || attr == "body",
              case .name(let id, _) = receiver.kind else { return false }
        return id == "resp" || id == "response"
    }

    /// `tmpl.render(...)`, `self.template.render(...)`, `env.get_template("x").render(...)`.
    static func isTemplateRender(_ call: CallSite) -> Bool {
        guard case .attribute(let receiver, let method, _) = call.function.kind, method == "render" || method == "render_unicode" else { return false }
        switch receiver.kind {
        case .name: return true
        case .attribute(let owner, _, _): if case .name("self", _) = owner.kind { return true }
        case .call(let maker, _, _): if case .attribute(_, let made, _) = maker.kind { return made == "get_template" || made == "from_string" }
        default: break
        }
        return false
    }

    /// A Mako template's `render`: only one the file makes is judged.
    func sinkRequiresConfiguration(_ call: CallSite) -> Bool { Self.isTemplateRender(call) }

    /// A template compiled by `env.from_string(source)`: the environment it was made by; a
    /// template rendered (`tmpl.render(...)`): the template.
    func configuringArguments(of call: CallSite) -> [Expr] {
        guard SinkMatching.method(call) == "from_string" || Self.isTemplateRender(call), case .attribute(let receiver, _, _) = call.function.kind else { return [] }
        switch receiver.kind {
        case .name: return [receiver]
        case .attribute(let owner, _, _): if case .name("self", _) = owner.kind { return [receiver] }  // `self.env`, made in the constructor
        case .call: if Self.isTemplateRender(call) { return [receiver] }  // `env.get_template("x.html").render(...)`
        default: break
        }
        return []
    }

    /// Jinja2's sandboxed environments run a template's code with no access to Python's
    /// objects: the requester may write the template (what it renders is another matter).
    /// The environment a `from_string` is called on (sandboxed or not), or the template a
    /// `render` is called on: a Mako template this file makes, escaping as it says. Any other
    /// template (Jinja2's escape as their environment says, where they are sent) is not this sink.
    func configurationMakesSafe(_ value: Expr, boundTo name: String, in module: Module, imports: ImportTable) -> Bool {
        guard case .call(let maker, _, _) = value.kind else { return false }
        if let escapes = Self.makoTemplateEscapes(value, module: module, imports: imports) { return escapes }
        if case .attribute(_, let method, _) = maker.kind, method == "get_template" || method == "from_string" { return true }
        // `from_string`'s environment.
        guard let made = imports.qualifiedName(of: maker) else { return false }
        if made.hasPrefix("jinja2.sandbox.") { return true }
        if made == "jinja2.Environment" || made == "jinja2.environment.Environment" { return false }
        return true
    }

    /// Whether a Mako template or lookup made with these arguments escapes HTML by default.
    static func makoEscapes(_ keywords: [Keyword]) -> Bool {
        guard let filters = keywords.first(where: { $0.arg == "default_filters" })?.value.stringLiterals else { return false }
        return filters.contains("h") || filters.contains("html_escape")
    }

    /// Whether a Mako template made by `value` escapes HTML: `Template(...)`, or a lookup's
    /// `get_template(...)`, with `default_filters=["h"]`. Nil when `value` makes no Mako
    /// template this file sets up.
    static func makoTemplateEscapes(_ value: Expr, module: Module, imports: ImportTable) -> Bool? {
        guard case .call(let maker, _, let keywords) = value.kind else { return nil }
        if imports.qualifiedName(of: maker) == "mako.template.Template" { return Self.makoEscapes(keywords) }
        guard case .attribute(let loader, "get_template", _) = maker.kind, case .name(let id, _) = loader.kind else { return nil }
        let topLevel = module.body.lazy.compactMap { statement -> Expr? in
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(id, _) = targets[0].kind else { return nil }
            return value
        }.first
        guard let bound = module.onlyAssignment(of: id, inFunctionAround: value.loc.startByte) ?? topLevel,
              case .call(let lookup, _, let lookupKeywords) = bound.kind,
              imports.qualifiedName(of: lookup) == "mako.lookup.TemplateLookup" else { return nil }
        return Self.makoEscapes(lookupKeywords)
    }

}
