import PythonSyntax

/// A redirect to a URL the requester chose.
struct OpenRedirectFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1601", name: "open-redirect-flow", cwe: 601, severity: .medium, confidence: .medium,
        rationale: """
        Redirecting to a URL taken from the request lets a link on your domain send users to a \
        phishing site. Redirect to known paths only, or check the host against an allow-list.
        """,
        triggering: [
            // Joined to this site's root, but only its scheme checked.
            "from urllib.parse import urljoin, urlparse\nfrom flask import redirect, request\n\ndef logout():\n    candidate = urlparse(urljoin(request.host_url, request.args.get(\"next\", \"/\")))\n    if candidate.scheme in (\"http\", \"https\"):\n        return ↓redirect(candidate.geturl())\n    return redirect(\"/\")\n",
            "from fastapi import FastAPI\nfrom fastapi.responses import RedirectResponse\napp = FastAPI()\n\n@app.get(\"/go\")\ndef go(next: str):\n    return ↓RedirectResponse(url=next)\n",
            "from flask import request, redirect\n\ndef go():\n    return ↓redirect(request.args[\"next\"])\n",
            "from django.shortcuts import redirect\n\ndef go(request):\n    target = request.GET.get(\"next\")\n    return ↓redirect(target)\n",
            "from aiohttp import web\n\nasync def login(request):\n    raise ↓web.HTTPFound(request.query.get(\"next\", \"/\"))\n",
            "from flask import request, redirect\n\ndef go():\n    target = request.args[\"next\"]\n    return ↓redirect(target if target.startswith(\"/\") else \"/\")\n",
            "from django.http import HttpResponse\n\ndef go(request):\n    response = HttpResponse(status=302)\n    ↓response[\"Location\"] = request.GET.get(\"next\", \"/\")\n    return response\n",
            "from flask import request, Response\n\ndef go():\n    response = Response(\"moved\", 302)\n    ↓response.headers[\"Location\"] = request.args[\"next\"]\n    return response\n",
        ],
        nonTriggering: [
            // Joined to this site's root, then held to its host.
            "from urllib.parse import urljoin, urlparse\nfrom flask import redirect, request\n\ndef local_target(target, fallback):\n    host = urlparse(request.host_url)\n    candidate = urlparse(urljoin(request.host_url, target))\n    if candidate.scheme in (\"http\", \"https\") and candidate.netloc == host.netloc:\n        return candidate.geturl()\n    return fallback\n\ndef logout():\n    return redirect(local_target(request.args.get(\"next\"), \"/\"))\n",
            "from flask import request, redirect, url_for\n\ndef go():\n    return redirect(url_for(\"index\"))\n",
            "from flask import request, redirect\nSAFE = {\"/home\", \"/profile\"}\n\ndef go():\n    target = request.args[\"next\"]\n    if target in SAFE:\n        return redirect(target)\n    return redirect(\"/\")\n",
            "from flask import request, redirect\n\ndef go():\n    target = request.args[\"next\"]\n    return redirect(target if target.startswith(\"/\") and not target.startswith((\"//\", \"/\\\\\")) else \"/\")\n",
        ]
    )

    var sinkNoun: String { "a redirect" }

    static let functions: Set<String> = [
        "flask.redirect", "django.shortcuts.redirect", "django.http.HttpResponseRedirect", "django.http.HttpResponsePermanentRedirect",
        "werkzeug.utils.redirect", "fastapi.responses.RedirectResponse", "starlette.responses.RedirectResponse",
        "aiohttp.web.HTTPFound", "aiohttp.web.HTTPSeeOther", "aiohttp.web.HTTPMovedPermanently", "aiohttp.web.HTTPTemporaryRedirect",
        "aiohttp.web.HTTPPermanentRedirect", "sanic.response.redirect", "quart.redirect", "bottle.redirect", "falcon.HTTPFound",
        "falcon.HTTPSeeOther", "pyramid.httpexceptions.HTTPFound", "pyramid.httpexceptions.HTTPSeeOther", "litestar.response.Redirect",
    ]

    func isSinkAssignment(_ target: Expr) -> Bool {
        let header = headerAssignment(target)
        return header.isHeader && header.name?.lowercased() == "location"
    }

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        // Tornado's `self.redirect(url)` in a request handler.
        if case .attribute(let receiver, "redirect", _) = call.function.kind, case .name("self", _) = receiver.kind, imports.imports("tornado") {
            return SinkMatching.first(call, keyword: "url")
        }
        guard Self.functions.contains(call.qualifiedName) else { return [] }
        let target = call.argument("url", position: 0) ?? call.argument("location") ?? call.argument("to") ?? call.argument("redirect_to")
            ?? call.argument("path")
        return target.map { [$0] } ?? []
    }
}
