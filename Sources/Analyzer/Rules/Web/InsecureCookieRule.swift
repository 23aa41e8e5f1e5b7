import PythonSyntax

/// CWE-614: a cookie set without the Secure flag (and, reported with it, without HttpOnly).
struct InsecureCookieRule: Rule {
    static let description = RuleDescription(
        code: "ASC2614", name: "cookie-without-secure-flag", cwe: 614, severity: .medium, confidence: .medium,
        rationale: """
        A cookie without Secure is also sent over plain HTTP, where anyone on the path can read \
        it; without HttpOnly any injected script can read it. Set both, and SameSite: \
        resp.set_cookie("session", value, secure=True, httponly=True, samesite="Lax"); in \
        Django keep SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE True.
        """,
        triggering: [
            "from flask import make_response\nresp = make_response(\"ok\")\n↓resp.set_cookie(\"session\", token)\n",
            "def view(request):\n    response = HttpResponse()\n    ↓response.set_cookie(\"sid\", sid, httponly=True)\n    return response\n",
            "def view(request):\n    response = HttpResponse()\n    ↓response.set_cookie(\"sid\", sid, secure=True)\n    return response\n",
            "SESSION_COOKIE_SECURE = ↓False\n",
            // Turned off by name: whatever the cookie holds.
            "resp = make_response(\"ok\")\n↓resp.set_cookie(\"theme\", theme, secure=False)\n",
        ],
        nonTriggering: [
            "resp.set_cookie(\"session\", token, secure=True, httponly=True, samesite=\"Lax\")\n",
            "jar.set_cookie(cookie)\n",  // http.cookiejar: a Cookie object, no flags
            "resp.set_cookie(\"session\", token, **COOKIE_OPTIONS)\n",
            "SESSION_COOKIE_SECURE = True\n",
            // A preference or a cart says nothing about who the user is.
            "resp.set_cookie(\"theme\", theme, max_age=86400, httponly=True)\n",
            "resp.set_cookie(PREFS_COOKIE, encode_prefs(prefs), samesite=\"Lax\")\n",
            "response.set_cookie(\"last_login_method\", \"password\", max_age=30 * 86400, samesite=\"Lax\")\n",
        ]
    )

    static let settings: [String: Int] = [
        "SESSION_COOKIE_SECURE": 614, "CSRF_COOKIE_SECURE": 614, "SESSION_COOKIE_HTTPONLY": 1004, "CSRF_COOKIE_HTTPONLY": 1004,
    ]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.assignment, .call] }
    var requiredIdentifiers: [String] { ["set_cookie"] + Self.settings.keys.sorted() }

    func check(node: Node, context: inout RuleContext) {
        switch node {
        case .stmt(let statement):
            guard case .assign(let targets, let value) = statement.kind, value.boolConstant == false else { return }
            for target in targets {
                guard case .name(let id, _) = target.kind, let cwe = Self.settings[id] else { continue }
                context.report(value.loc, "\(id) = False lets the cookie travel \(cwe == 614 ? "over plain HTTP" : "to scripts")",
                               severity: cwe == 614 ? .medium : .low, cwe: cwe, fixHint: "set \(id) = True")
            }
        case .expr(let expression):
            guard expression.calledAttribute == "set_cookie", case .call(_, let arguments, let keywords) = expression.kind,
                  !keywords.contains(where: { $0.arg == nil }) else { return }
            // Flask, Django and Starlette take (key, value, ...); http.cookiejar takes a Cookie object.
            let named = keywords.contains { ["value", "max_age", "expires", "path", "domain", "key"].contains($0.arg ?? "") }
            guard arguments.count >= 2 || named || arguments.first?.stringConstant != nil else { return }
            func flag(_ name: String) -> Bool {
                keywords.first(where: { $0.arg == name }).map { $0.value.boolConstant != false && !$0.value.isNoneConstant } ?? false
            }
            let secure = flag("secure"), httponly = flag("httponly")
            // A flag left out matters on a cookie that identifies the user (CWE-614 is about a
            // sensitive cookie); one turned off by name is reported whatever the cookie holds.
            let turnedOff = keywords.contains { $0.arg == "secure" && $0.value.boolConstant == false }
            // A fixed value (`set_cookie("last_login_method", "password")`) is the same for every
            // user: nothing to steal.
            let value = arguments.count >= 2 ? arguments[1] : keywords.first(where: { $0.arg == "value" })?.value
            if !turnedOff, let value, case .constant = value.kind { return }
            guard turnedOff || Self.holdsIdentity(arguments.prefix(2) + keywords.filter { $0.arg == "key" || $0.arg == "value" }.map(\.value),
                                                  context: context) else { return }
            if !secure {
                context.report(expression.loc, "cookie set without secure=True\(httponly ? "" : " (nor httponly=True)")",
                               fixHint: "pass secure=True, httponly=True, samesite=\"Lax\"")
            } else if !httponly {
                context.report(expression.loc, "cookie set without httponly=True", severity: .low, cwe: 1004,
                               fixHint: "pass httponly=True")
            }
        default:
            return
        }
    }

    /// Words of a cookie's name or value saying it identifies or authenticates the user.
    static let identityWords: Set<String> = [
        "session", "sess", "sid", "token", "auth", "jwt", "remember", "login", "csrf", "xsrf", "apikey", "credentials",
        "password", "secret", "user", "admin", "identity", "signed",
    ]

    static func holdsIdentity(_ parts: [Expr], context: RuleContext) -> Bool {
        parts.contains { part in
            SecurityContext.nameParts(of: context.text(of: part.loc)).contains { identityWords.contains($0.lowercased()) }
        }
    }
}
