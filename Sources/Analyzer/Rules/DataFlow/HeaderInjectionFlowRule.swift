import PythonSyntax

/// Untrusted data written into an HTTP response header.
struct HeaderInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1113", name: "header-injection-flow", cwe: 113, severity: .medium, confidence: .medium,
        rationale: """
        A header value taken from the request can carry CR/LF and split the response (HTTP \
        response splitting), or set headers the application did not mean to. Validate the value \
        (no "\\r" or "\\n"), or map it to known values.
        """,
        triggering: [
            "from flask import request, Response\n\ndef go():\n    value = request.args[\"v\"]\n    response = Response()\n    ↓response.headers[\"X-Value\"] = value.replace(\"\\n\", \"\")\n    return response\n",
            "from flask import request, make_response\n\ndef lang():\n    response = make_response(\"ok\")\n    ↓response.headers[\"Content-Language\"] = request.args[\"lang\"]\n    return response\n",
            "from django.http import HttpResponse\n\ndef view(request):\n    response = HttpResponse()\n    ↓response.headers[\"X-User\"] = request.GET[\"user\"]\n    return response\n",
            "from flask import request, Response\nfrom werkzeug.datastructures import Headers\n\ndef view():\n    headers = Headers()\n    ↓headers.add(\"Content-Type\", request.args[\"type\"])\n    return Response(headers=headers)\n",
            "from http.server import BaseHTTPRequestHandler\nfrom urllib.parse import parse_qs, urlparse\n\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        lang = parse_qs(urlparse(self.path).query)[\"lang\"][0]\n        self.send_response(200)\n        ↓self.send_header(\"Set-Cookie\", f\"lang={lang}\")\n",
        ],
        nonTriggering: [
            "from flask import request, Response\n\ndef go():\n    value = request.args[\"v\"]\n    response = Response()\n    response.headers[\"X-Value\"] = value.replace(\"\\r\", \"\").replace(\"\\n\", \"\")\n    return response\n",
            "from flask import request, make_response\n\ndef lang():\n    response = make_response(\"ok\")\n    response.headers[\"Content-Language\"] = \"en\"\n    return response\n",
            "from flask import request, make_response\nLANGS = {\"en\", \"de\"}\n\ndef lang():\n    response = make_response(\"ok\")\n    value = request.args[\"lang\"]\n    if value in LANGS:\n        response.headers[\"Content-Language\"] = value\n    return response\n",
            // The request line holds no line break; only decoding it (`parse_qs`, `unquote`) can.
            "from http.server import BaseHTTPRequestHandler\n\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        self.send_response(301)\n        self.send_header(\"Location\", self.path + \"/\")\n",
        ]
    )

    var sinkNoun: String { "a response header" }

    func isSinkAssignment(_ target: Expr) -> Bool {
        let header = headerAssignment(target)
        return header.isHeader && header.name?.lowercased() != "location"
    }

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        // `response.headers.add("X-A", value)` / `.set(...)` / `set_header(...)`.
        // `response.headers.add("X-A", value)`, or a headers object of its own
        // (`headers = Headers(); headers.add(...)`).
        guard case .attribute(let receiver, let method, _) = call.function.kind else { return [] }
        // `self.send_header(name, value)` in an `http.server` handler, which writes the value as
        // it is (Tornado's `set_header` refuses line breaks itself).
        if method == "send_header", case .name("self", _) = receiver.kind {
            return call.argument("value", position: 1).map { [$0] } ?? []
        }
        guard ["add", "set", "add_header", "setdefault", "__setitem__"].contains(method) else { return [] }
        let isHeaders: Bool
        switch receiver.kind {
        case .attribute(_, let attr, _): isHeaders = attr == "headers"
        case .name(let id, _): isHeaders = id.lowercased().contains("header")
        default: isHeaders = false
        }
        return isHeaders ? Array(call.arguments.dropFirst().prefix(1)) : []
    }
}
