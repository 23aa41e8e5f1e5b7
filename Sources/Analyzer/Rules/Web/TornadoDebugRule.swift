import PythonSyntax

/// CWE-489: a Tornado application made with `debug=True` (or a settings dict saying so).
struct TornadoDebugRule: Rule {
    static let description = RuleDescription(
        code: "ASC3489", name: "tornado-debug-setting", cwe: 489, severity: .medium, confidence: .medium,
        rationale: """
        Tornado's debug mode reloads code on change, caches nothing and sends a stack trace with \
        every server error: development settings that tell an attacker the code's internals. \
        Read it from the environment, off by default: \
        tornado.web.Application(handlers, debug=os.environ.get("APP_DEBUG") == "1").
        """,
        triggering: [
            "import tornado.web\napp = tornado.web.Application(handlers, ↓debug=True)\n",
            "import tornado.web\nsettings = {\"cookie_secret\": secret, \"debug\": ↓True}\napp = tornado.web.Application(handlers, **settings)\n",
            "import tornado.web\nsettings = {\"cookie_secret\": secret}\nsettings[\"debug\"] = ↓True\napp = tornado.web.Application(handlers, **settings)\n",
        ],
        nonTriggering: [
            "import os, tornado.web\napp = tornado.web.Application(handlers, debug=os.environ.get(\"APP_DEBUG\") == \"1\")\n",
            "config = {\"debug\": True}\n",  // no Tornado in this file
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.call, .dict, .assignment] }
    var requiredImports: [String] { ["tornado"] }

    func check(node: Node, context: inout RuleContext) {
        // `settings["debug"] = True` before the settings are handed to the application.
        if case .stmt(let statement) = node, case .assign(let targets, let value) = statement.kind, value.isTruthyConstant,
           targets.contains(where: { if case .subscript(_, let key, _) = $0.kind { key.stringConstant == "debug" } else { false } }) {
            context.report(value.loc, "Tornado settings turn debug on", fixHint: "read debug from the environment, off by default")
            return
        }
        guard case .expr(let expression) = node else { return }
        switch expression.kind {
        case .call(let function, _, let keywords):
            guard context.imports.qualifiedName(of: function) == "tornado.web.Application",
                  let debug = keywords.first(where: { $0.arg == "debug" }), context.literalValue(debug.value)?.isTruthyConstant == true else { return }
            context.report(debug.loc, "Tornado application made with debug=True", fixHint: "read debug from the environment, off by default")
        case .dict(let keys, let values):
            for (key, value) in zip(keys, values) where key?.stringConstant == "debug" && value.isTruthyConstant {
                context.report(value.loc, "Tornado settings turn debug on", fixHint: "read debug from the environment, off by default")
            }
        default:
            return
        }
    }
}
