import PythonSyntax

/// CWE-209: a web handler that sends a traceback or an exception's text back to the client.
struct StackTraceExposureRule: Rule {
    static let description = RuleDescription(
        code: "ASC2209", name: "stack-trace-exposure", cwe: 209, severity: .medium, confidence: .medium,
        rationale: """
        A traceback or exception message sent to the client reveals file paths, library versions, \
        queries and sometimes secrets, which helps an attacker aim the next request. Log the \
        details on the server (logger.exception(...)) and return a generic message with an error id.
        """,
        triggering: [
            "import traceback\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.route(\"/run\")\ndef run():\n    try:\n        work()\n    except Exception:\n        return ↓traceback.format_exc(), 500\n",
            // A catch-all's repr names the server's own exception class and arguments, whatever the status.
            "from flask import Flask, jsonify\napp = Flask(__name__)\n\n@app.post(\"/items\")\ndef create():\n    try:\n        save()\n    except Exception as err:\n        return jsonify({\"error\": ↓repr(err)}), 400\n",
            "from django.http import HttpResponse\n\ndef view(request):\n    try:\n        work()\n    except Exception as exc:\n        return HttpResponse(f\"failed: {↓exc}\")\n",
            "import traceback\n\ndef view(request):\n    try:\n        work()\n    except Exception:\n        details = traceback.format_exc()\n        return ↓details\n",
            // An application-wide exception handler, through a helper building the body.
            "import traceback\nfrom fastapi import FastAPI\nfrom fastapi.responses import JSONResponse\napp = FastAPI()\n\ndef payload(exc):\n    return {\"detail\": str(exc), \"trace\": traceback.format_exception(exc)}\n\n@app.exception_handler(Exception)\nasync def failed(request, exc):\n    return JSONResponse(status_code=500, content=↓payload(exc))\n",
            // Falcon: the response's media, and an HTTP error raised with the text.
            "import falcon\n\nclass Orders:\n    def on_get(self, req, resp):\n        try:\n            work()\n        except Exception as exc:\n            resp.media = {\"error\": ↓str(exc)}\n",
            "import json, traceback\nimport tornado.web\n\nclass Base(tornado.web.RequestHandler):\n    def write_error(self, status_code, **kwargs):\n        body = {\"status\": status_code}\n        if \"exc_info\" in kwargs:\n            body[\"trace\"] = traceback.format_exception(*kwargs[\"exc_info\"])\n        self.finish(json.dumps(↓body))\n",
            "import falcon\n\ndef unexpected(req, resp, ex, params):\n    raise falcon.HTTPInternalServerError(description=↓repr(ex))\n\napp = falcon.App()\napp.add_error_handler(Exception, unexpected)\n",
        ],
        nonTriggering: [
            // The application's own error, whose messages it wrote for the client.
            "from flask import Flask, jsonify\napp = Flask(__name__)\n\nclass FeedError(Exception):\n    pass\n\n@app.route(\"/p\")\ndef preview():\n    try:\n        load()\n    except FeedError as exc:\n        return jsonify(error=str(exc)), 502\n",
            "import logging\nfrom flask import Flask, jsonify\napp = Flask(__name__)\nlog = logging.getLogger(__name__)\n\n@app.route(\"/run\")\ndef run():\n    try:\n        work()\n    except Exception:\n        log.exception(\"run failed\")\n        return jsonify({\"error\": \"internal error\"}), 500\n",
            "import traceback\n\ndef report(job):\n    try:\n        job()\n    except Exception:\n        return traceback.format_exc()\n",  // not a web handler
            "from fastapi import FastAPI\nfrom fastapi.responses import JSONResponse\napp = FastAPI()\n\n@app.exception_handler(Exception)\nasync def failed(request, exc):\n    return JSONResponse(status_code=500, content={\"error\": type(exc).__name__})\n",
            // A client error: what is wrong with the request, even from a catch-all.
            "from django.http import HttpResponseBadRequest\n\ndef upload(request):\n    try:\n        load(request.FILES[\"profile\"])\n    except Exception as exc:\n        return HttpResponseBadRequest(f\"invalid profile: {exc}\")\n",
            "from flask import Flask, jsonify\napp = Flask(__name__)\n\n@app.post(\"/receipt\")\ndef receipt():\n    try:\n        render()\n    except Exception as exc:\n        return jsonify({\"ok\": False, \"error\": str(exc)[:300]}), 422\n",
            // A client error: what is wrong with the request.
            "from flask import Flask, jsonify\napp = Flask(__name__)\n\n@app.post(\"/refund\")\ndef refund():\n    try:\n        approve()\n    except PermissionError as exc:\n        return jsonify({\"error\": str(exc)}), 403\n",
            "from fastapi import FastAPI, HTTPException\napp = FastAPI()\n\n@app.post(\"/import\")\ndef load(request):\n    try:\n        parse(request)\n    except Exception as exc:\n        raise HTTPException(status_code=422, detail=f\"invalid document: {exc}\")\n",
            "def view(request):\n    try:\n        work()\n    except KeyError as exc:\n        return {\"error\": type(exc).__name__}\n",
            "def fetch(self, request):\n    try:\n        response = self.send(request)\n    except Exception as e:\n        return None, e\n    return response, None\n",
            "from flask import jsonify\n\ndef view(request):\n    try:\n        work()\n    except Exception as exc:\n        return jsonify(code=getattr(exc, \"code\", 500)), 500\n",
            // Why the webhook the client named could not be reached.
            "import aiohttp\nfrom aiohttp import web\nroutes = web.RouteTableDef()\n\n@routes.post(\"/ping\")\nasync def ping(request):\n    try:\n        await send(request)\n    except aiohttp.ClientError as exc:\n        return web.json_response({\"error\": str(exc)}, status=502)\n",
            // The client's own template does not compile: the error is about their text.
            "from flask import Flask, jsonify, request, render_template_string\nfrom jinja2 import TemplateSyntaxError\napp = Flask(__name__)\n\n@app.post(\"/preview\")\ndef preview():\n    try:\n        html = render_template_string(\"{{ x }}\", x=request.json[\"t\"])\n    except TemplateSyntaxError as exc:\n        return jsonify({\"error\": f\"template error: {exc}\"}), 422\n    return html\n",
            // A parse error tells the client what is wrong with what it sent.
            "import yaml\nfrom flask import Flask, request, jsonify\napp = Flask(__name__)\n\n@app.route(\"/check\", methods=[\"POST\"])\ndef check():\n    try:\n        yaml.safe_load(request.data)\n    except yaml.YAMLError as exc:\n        return jsonify(error=str(exc)), 400\n    return \"ok\"\n",
            "import re\nfrom flask import Flask, request, jsonify\napp = Flask(__name__)\n\n@app.route(\"/grep\")\ndef grep():\n    try:\n        re.compile(request.args[\"p\"])\n    except re.error as exc:\n        return jsonify(error=str(exc)), 400\n    return \"ok\"\n",
        ]
    )

    static let traceFunctions: Set<String> = [
        "traceback.format_exc", "traceback.format_exception", "traceback.format_tb", "traceback.format_stack",
        "traceback.format_exception_only", "traceback.extract_tb",
    ]
    static let responseCalls: Set<String> = [
        "jsonify", "make_response", "Response", "HttpResponse", "JsonResponse", "HttpResponseServerError", "HttpResponseBadRequest",
        "HTMLResponse", "PlainTextResponse", "JSONResponse", "render_template", "render", "render_template_string",
    ]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .functionDef }

    /// Names an exception handler gives the exception it is handed.
    static let exceptionParameters: Set<String> = ["exc", "e", "ex", "err", "error", "exception"]
    /// Decorators and registering calls making a function an application's exception handler
    /// (FastAPI's and Starlette's, Flask's, Falcon's, aiohttp middlewares aside).
    static let errorHandlerDecorators: Set<String> = ["exception_handler", "errorhandler", "app_errorhandler"]
    static let errorHandlerRegistrations: Set<String> = ["add_exception_handler", "add_error_handler", "register_error_handler"]

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .functionDef(let name, let arguments, let body, let decorators, _, _, _) = statement.kind else { return }
        // Most functions are none of these: the cheap tests first, the parameters' names only
        // for functions with decorators, an exception parameter or a responder's name.
        let web = WebHandlers.isHandler(arguments: arguments, decorators: decorators)
        let mayHandle = arguments.args.contains { Self.exceptionParameters.contains($0.arg) }
            || arguments.posonlyargs.contains { Self.exceptionParameters.contains($0.arg) }
        // Tornado's `write_error(self, status_code, **kwargs)`: `kwargs["exc_info"]` is the exception.
        let errorWriter = name == "write_error" && arguments.args.first?.arg == "self"
        guard web || !decorators.isEmpty || mayHandle || name.hasPrefix("on_") || errorWriter else { return }
        let parameters = (arguments.posonlyargs + arguments.args).map(\.arg)
        // A Falcon responder: `on_get(self, req, resp)`.
        let responder = name.hasPrefix("on_") && parameters.count >= 3 && parameters[0] == "self"
            && (parameters[1] == "req" || parameters[1] == "request")
        let errorHandler = mayHandle && (decorators.contains { decorator in
            if case .call(let function, _, _) = decorator.kind, case .attribute(_, let attr, _) = function.kind { return Self.errorHandlerDecorators.contains(attr) }
            return false
        } || Self.registeredErrorHandlers(context: context).contains(name))
        guard web || responder || errorHandler || errorWriter else { return }
        // What an exception handler is handed is the exception itself.
        var handed: Set<String> = errorHandler ? Set(parameters.filter(Self.exceptionParameters.contains)) : []
        if errorWriter, let kwargs = arguments.kwarg?.arg { handed.insert(kwargs) }
        var derived: Set<String> = []
        // The file's own exception classes carry messages the application wrote for the client.
        let ownErrors = Set(context.parsed.module.body.compactMap { statement -> String? in
            if case .classDef(let name, _, _, _, _, _) = statement.kind { return name }
            return nil
        })
        // Blocks visited in source order (a value put into the body inside an `if` counts at
        // the response after it), with the exception names bound by the `except` clauses around them.
        // Names bound by catch-alls (`except Exception as e`): whatever went wrong, the server's
        // internals included, so even a client error's status does not make the text the client's.
        var generic = handed
        // A handler formatting a traceback sends internals, whatever status it gives them.
        let formatsTraceback = ["format_exc", "format_exception", "format_tb", "extract_tb", "format_stack"].contains(where: {
            context.text(of: statement.loc).contains($0)
        })
        func visit(_ block: [Stmt], _ exceptions: Set<String>) {
            for inner in block {
                examine(inner, exceptions: exceptions, generic: formatsTraceback ? exceptions : generic, tracebackShown: formatsTraceback,
                        derived: &derived, context: &context)
                switch inner.kind {
                case .functionDef, .classDef:
                    continue
                case .try(let tryBody, let handlers, let orelse, let finalbody, _):
                    visit(tryBody, exceptions)
                    for handler in handlers {
                        // A parse or validation error describes the client's own input, not the server.
                        if let name = handler.name, !Self.describesClientInput(handler.type, ownErrors: ownErrors) {
                            if Self.catchesAll(handler.type) { generic.insert(name) }
                            visit(handler.body, exceptions.union([name]))
                        } else {
                            visit(handler.body, exceptions)
                        }
                    }
                    visit(orelse, exceptions)
                    visit(finalbody, exceptions)
                default:
                    for nested in childBlocks(of: inner) { visit(nested, exceptions) }
                }
            }
        }
        visit(body, handed)
    }

    /// Endings of exception class names that report what is wrong with a document or form the
    /// client sent (`yaml.YAMLError`, `json.JSONDecodeError`, pydantic's `ValidationError`, the
    /// `ValueError` of a conversion or a check, an upload that is no archive, defusedxml's
    /// refusals): telling the client is the point of catching them.
    static let clientInputErrors = ["ValidationError", "DecodeError", "ParseError", "ParserError", "YAMLError", "ScannerError", "SyntaxError",
                                    "ValueError", "TarError", "BadZipFile", "BadZipfile", "Forbidden", "DefusedXmlException",
                                    // An outgoing request's failure (aiohttp, requests, httpx, urllib) describes
                                    // the other server the client asked to reach, not this one.
                                    "ClientError", "RequestException", "HTTPError", "URLError",
                                    // What is wrong with a template the client wrote (Jinja2, Django).
                                    "TemplateSyntaxError", "TemplateError", "UndefinedError"]

    /// Whether every class an `except` clause names is a `clientInputErrors` one.
    static func describesClientInput(_ type: Expr?, ownErrors: Set<String> = []) -> Bool {
        guard let type else { return false }
        let classes: [Expr]
        if case .tuple(let elements, _) = type.kind { classes = elements } else { classes = [type] }
        return !classes.isEmpty && classes.allSatisfy { cls in
            let name: String
            switch cls.kind {
            case .name(let id, _): name = id
            case .attribute(_, let attr, _): name = attr
            default: return false
            }
            // `re.error`: what is wrong with the pattern the client sent.
            if case .attribute(let owner, "error", _) = cls.kind, case .name(let module, _) = owner.kind, module == "re" || module == "sre_constants" {
                return true
            }
            if case .name(let id, _) = cls.kind, ownErrors.contains(id) { return true }
            return clientInputErrors.contains { name.hasSuffix($0) }
        }
    }

    /// Functions the file hands a framework as exception handlers
    /// (`app.add_error_handler(Exception, unexpected)`).
    static func registeredErrorHandlers(context: RuleContext) -> Set<String> {
        if let known = context.facts.registeredErrorHandlers { return known }
        var names = Set<String>()
        // Most files register none: no walk for them.
        guard context.parsed.mentions("error_handler(") || context.parsed.mentions("exception_handler(") else {
            context.facts.registeredErrorHandlers = names
            return names
        }
        context.parsed.module.walk { node in
            if case .expr(let expression) = node, case .call(let function, let arguments, _) = expression.kind,
               case .attribute(_, let attr, _) = function.kind, errorHandlerRegistrations.contains(attr),
               arguments.count >= 2, case .name(let id, _) = arguments[1].kind {
                names.insert(id)
            }
            return true
        }
        context.facts.registeredErrorHandlers = names
        return names
    }

    /// The module's functions, each with the parameters whose exception text or traceback its
    /// return value holds (`return {"detail": str(exc), "trace": traceback.format_exception(exc)}`).
    static func leakingHelpers(context: RuleContext) -> [String: Set<Int>] {
        if let known = context.facts.leakingHelpers { return known }
        var helpers: [String: Set<Int>] = [:]
        for statement in context.parsed.module.body {
            guard case .functionDef(let name, let arguments, let body, _, _, _, _) = statement.kind else { continue }
            let parameters = (arguments.posonlyargs + arguments.args).map(\.arg)
            var leaked = Set<Int>()
            ScopeWalk.walk(body) { node in
                guard case .stmt(let inner) = node, case .return(let value?) = inner.kind else { return true }
                ScopeWalk.walk(value) { part in
                    switch part.kind {
                    case .call(let function, let callArguments, _):
                        guard let called = context.imports.qualifiedName(of: function),
                              traceFunctions.contains(called) || called == "str" || called == "repr" else { return true }
                        for argument in callArguments {
                            if case .name(let id, _) = argument.kind, let index = parameters.firstIndex(of: id) { leaked.insert(index) }
                        }
                        return false
                    case .formattedValue(let inner, _, _):
                        if case .name(let id, _) = inner.kind, let index = parameters.firstIndex(of: id) { leaked.insert(index) }
                        return true
                    default:
                        return true
                    }
                }
                return false
            }
            helpers[name] = leaked
        }
        context.facts.leakingHelpers = helpers
        return helpers
    }

    static func first(of values: [Expr], _ leak: (Expr) -> Expr?) -> Expr? {
        for value in values { if let found = leak(value) { return found } }
        return nil
    }

    /// Words of HTTP error classes for the client's mistakes (Falcon's `HTTPBadRequest`,
    /// `HTTPUnprocessableEntity`), and whether a raised error is one, by name or status.
    static let clientErrorWords = ["BadRequest", "NotFound", "Unprocessable", "Conflict", "Forbidden", "Unauthorized", "PayloadTooLarge",
                                   "UnsupportedMediaType", "InvalidParam", "MissingParam", "InvalidHeader", "Gone", "TooManyRequests"]

    static func isClientError(_ function: Expr, _ values: [Expr]) -> Bool {
        let name: String
        switch function.kind {
        case .name(let id, _): name = id
        case .attribute(_, let attr, _): name = attr
        default: return false
        }
        if clientErrorWords.contains(where: name.contains) { return true }
        return values.contains { value in
            if case .constant(.int(let digits), _) = value.kind, let status = Int(digits) { return (400..<500).contains(status) }
            if case .attribute(_, let attr, _) = value.kind { return attr.hasPrefix("HTTP_4") }
            return false
        }
    }

    /// A response made with a 4xx status (`JsonResponse(body, status=403)`).
    static func hasClientStatus(_ response: Expr) -> Bool {
        guard case .call(let function, _, let keywords) = response.kind else { return false }
        // Django's client-error responses say their status by name.
        if let name = TaintEngine.simpleName(of: function), clientErrorResponses.contains(name) { return true }
        return keywords.contains { ($0.arg == "status" || $0.arg == "status_code") && isClientStatus($0.value) }
    }

    static let clientErrorResponses: Set<String> = ["HttpResponseBadRequest", "HttpResponseNotFound", "HttpResponseForbidden", "HttpResponseGone"]

    /// A 4xx status: `400`, `HTTPStatus.FORBIDDEN` and the like are spelt as numbers here.
    static func isClientStatus(_ expression: Expr) -> Bool {
        if case .constant(.int(let digits), _) = expression.kind, let status = Int(digits) { return (400..<500).contains(status) }
        if case .attribute(_, let attr, _) = expression.kind { return attr.hasPrefix("HTTP_4") }
        return false
    }

    /// `self.write(...)`, `self.finish(...)`: a Tornado handler's response body.
    static func isHandlerOutput(_ function: Expr) -> Bool {
        guard case .attribute(let receiver, let method, _) = function.kind, case .name("self", _) = receiver.kind else { return false }
        return method == "write" || method == "finish"
    }

    /// Attributes of a Falcon response that are its body.
    static let responseBodies: Set<String> = ["media", "text", "body", "data"]

    private func childBlocks(of statement: Stmt) -> [[Stmt]] {
        switch statement.kind {
        case .for(_, _, let body, let orelse, _), .while(_, let body, let orelse), .if(_, let body, let orelse): return [body, orelse]
        case .with(_, let body, _): return [body]
        case .match(_, let cases): return cases.map(\.body)
        default: return []
        }
    }

    /// `except:`, `except Exception`, `except BaseException`.
    static func catchesAll(_ type: Expr?) -> Bool {
        guard let type else { return true }
        if case .name(let id, _) = type.kind { return id == "Exception" || id == "BaseException" }
        return false
    }

    private func examine(_ statement: Stmt, exceptions: Set<String>, generic: Set<String>, tracebackShown: Bool, derived: inout Set<String>,
                         context: inout RuleContext) {
        switch statement.kind {
        case .return(let value?):
            // `return e` / `return None, e` hands the exception object back (Flask renders an
            // HTTPException itself); only its text in a body is a leak.
            var parts = [value]
            if case .tuple(let elements, _) = value.kind { parts = elements }
            // `return jsonify(error=str(exc)), 400`: a client error's message is about the request.
            if exceptions.isDisjoint(with: generic) || !tracebackShown && !Self.showsRepr(value, of: exceptions), !exceptions.isEmpty,
               parts.count > 1 && parts.dropFirst().contains(where: Self.isClientStatus) || Self.hasClientStatus(parts[0]) { return }
            for part in parts {
                if case .name(let id, _) = part.kind, exceptions.contains(id) { continue }
                if let leak = firstLeak(in: part, exceptions: exceptions, derived: derived, context: context) {
                    report(leak, context: &context)
                    break
                }
            }
        case .raise(let raised?, _) where { if case .call(let function, _, _) = raised.kind { responseName(function, context: context)?.hasPrefix("HTTP") == true } else { false } }():
            // `raise HTTPException(500, detail=str(exc))`: the framework sends the text.
            // A client error (`HTTPException(400, ...)`, `HTTPBadRequest`) tells the client what
            // is wrong with its request; a server error's text is the server's.
            if case .call(let function, let arguments, let keywords) = raised.kind, !Self.isClientError(function, arguments + keywords.map(\.value)),
               let leak = Self.first(of: arguments + keywords.map(\.value), { firstLeak(in: $0, exceptions: exceptions, derived: derived, context: context) }) {
                report(leak, context: &context)
            }
        case .assign(let targets, let value):
            if let leak = firstLeak(in: value, exceptions: exceptions, derived: derived, context: context) {
                for target in targets {
                    if case .name(let id, _) = target.kind { derived.insert(id) }
                    // `body["trace"] = traceback.format_exception(...)`: the body now holds it.
                    if case .subscript(let container, _, _) = target.kind, case .name(let id, _) = container.kind { derived.insert(id) }
                }
                // `resp.media = {"error": str(exc)}`: Falcon's response body.
                if targets.contains(where: { if case .attribute(_, let attr, _) = $0.kind { Self.responseBodies.contains(attr) } else { false } }) {
                    report(leak, context: &context)
                    return
                }
            }
            fallthrough
        default:
            statement.walkOwnExpressions { expression in
                guard case .call(let function, _, _) = expression.kind, let name = responseName(function, context: context),
                      Self.responseCalls.contains(name) || Self.isHandlerOutput(function) else { return true }
                // `JsonResponse({"error": str(exc)}, status=403)`: a client error.
                if exceptions.isDisjoint(with: generic) || !tracebackShown && !Self.showsRepr(expression, of: exceptions), !exceptions.isEmpty,
                   Self.hasClientStatus(expression) { return false }
                if let leak = firstLeak(in: expression, exceptions: exceptions, derived: derived, context: context) {
                    report(leak, context: &context)
                }
                return false
            }
        }
    }

    /// Whether `expression` shows an exception's repr (`repr(exc)`, `f"{exc!r}"`), which names
    /// its class and arguments. A catch-all's text under a client error's status
    /// (`jsonify(error=str(exc)), 422`) is most often the check that refused the request;
    /// its repr, like a traceback, shows the server's internals whatever the status.
    static func showsRepr(_ expression: Expr, of exceptions: Set<String>) -> Bool {
        var found = false
        ScopeWalk.walk(expression) { part in
            switch part.kind {
            case .call(let function, let arguments, _):
                if case .name("repr", _) = function.kind, case .name(let id, _)? = arguments.first?.kind, exceptions.contains(id) { found = true }
            case .formattedValue(let inner, let conversion, _):
                if conversion == 114, case .name(let id, _) = inner.kind, exceptions.contains(id) { found = true }
            default:
                break
            }
            return !found
        }
        return found
    }

    private func responseName(_ function: Expr, context: RuleContext) -> String? {
        switch function.kind {
        case .name(let id, _): return id
        case .attribute(_, let attr, _): return attr
        default: return nil
        }
    }

    private func report(_ leak: Expr, context: inout RuleContext) {
        context.report(leak.loc, "exception details are sent to the client in a web response",
                       fixHint: "log the exception on the server and return a generic error message")
    }

    /// The first traceback call, exception value, or value derived from them in `expression`.
    private func firstLeak(in expression: Expr, exceptions: Set<String>, derived: Set<String>, context: RuleContext) -> Expr? {
        var leak: Expr?
        ScopeWalk.walk(expression) { current in
            guard leak == nil else { return false }
            switch current.kind {
            case .call(let function, let arguments, _):
                let name = context.imports.qualifiedName(of: function)
                if let name, Self.traceFunctions.contains(name) {
                    leak = current
                    return false
                }
                // A helper of this file building the body from the exception (`payload(exc)`).
                // Another helper of this file, handed the exception itself, keeps it to itself
                // (logs it); what else it is handed may still hold the text.
                if case .name(let id, _) = function.kind, let leaked = Self.leakingHelpers(context: context)[id] {
                    for (index, argument) in arguments.enumerated() {
                        if case .name(let passed, _) = argument.kind, exceptions.contains(passed) || derived.contains(passed) {
                            if leaked.contains(index) { leak = current }
                        } else if firstLeak(in: argument, exceptions: exceptions, derived: derived, context: context) != nil {
                            leak = current
                        }
                        if leak != nil { break }
                    }
                    return false
                }
                // `type(e).__name__`, `getattr(e, "code", 500)`: a chosen field, not the message.
                if let name, ["type", "isinstance", "getattr", "hasattr", "id", "len", "bool"].contains(name) { return false }
                if name == "str" || name == "repr", arguments.count == 1, case .name(let id, _) = arguments[0].kind, exceptions.contains(id) {
                    leak = current
                    return false
                }
                return true
            case .name(let id, .load):
                if exceptions.contains(id) || derived.contains(id) { leak = current }
                return false
            case .attribute(let base, _, _):
                // `exc.code`, `exc.status_code`: a chosen field, not the message.
                if case .name(let id, _) = base.kind, exceptions.contains(id) { return false }
                return true
            default:
                return true
            }
        }
        return leak
    }
}
