import PythonSyntax

/// B201: a Flask app run with the Werkzeug debugger on.
struct FlaskDebugRule: Rule {
    static let description = RuleDescription(
        code: "ASC201", name: "flask-debug-true", banditID: "B201", cwe: 215, severity: .high, confidence: .medium,
        rationale: """
        app.run(debug=True) is active debug code (CWE-215/489): it serves the Werkzeug debugger, whose \
        console runs any Python code sent \
        to it. Leave debug off in code and enable it only locally through the FLASK_DEBUG \
        environment variable; serve production with a WSGI server.
        """,
        fixAvailable: true,
        triggering: [
            "from flask import Flask\napp = Flask(__name__)\napp.run(↓debug=True)\n",
            "import flask\napplication = flask.Flask(__name__)\napplication.run(host=\"127.0.0.1\", ↓debug=True)\n",
            "from flask import Flask\napp = Flask(__name__)\nDEBUG = True\napp.run(↓debug=DEBUG)\n",
            "from flask import Flask\napp = Flask(__name__)\napp.config[\"DEBUG\"] = ↓True\n",
            "from flask import Flask\napp = Flask(__name__)\napp.config.update(SECRET_KEY=key, ↓DEBUG=True)\n",
        ],
        nonTriggering: [
            "from flask import Flask\napp = Flask(__name__)\napp.run(debug=False)\n",
            "from flask import Flask\napp = Flask(__name__)\napp.run()\n",
            "runner.run(debug=True)\n",  // no Flask in this file
            "import os\nfrom flask import Flask\napp = Flask(__name__)\napp.config[\"DEBUG\"] = os.environ.get(\"FLASK_DEBUG\") == \"1\"\n",
            "from flask import Flask\napp = Flask(__name__)\napp.config.update(DEBUG=False, TESTING=True)\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.call, .assignment] }
    var requiredImports: [String] { ["flask"] }

    func check(node: Node, context: inout RuleContext) {
        // `app.config["DEBUG"] = True`, `app.debug = True`: the debugger on whichever way it runs.
        if case .stmt(let statement) = node {
            guard case .assign(let targets, let value) = statement.kind, context.literalValue(value)?.isTruthyConstant == true,
                  targets.contains(where: Self.isDebugSetting) else { return }
            context.report(value.loc, "Flask app configured with DEBUG on exposes the Werkzeug debugger (remote code execution)",
                           fixHint: "leave DEBUG off; use FLASK_DEBUG locally")
            return
        }
        // `app.config.update(DEBUG=True)`.
        if case .expr(let expression) = node, case .call(let function, _, let keywords) = expression.kind,
           case .attribute(let config, "update", _) = function.kind, case .attribute(let owner, "config", _) = config.kind,
           Self.isDebugSetting(Expr(.attribute(value: owner, attr: "debug", ctx: .load), owner.loc)),
           let debug = keywords.first(where: { $0.arg == "DEBUG" }), context.literalValue(debug.value)?.isTruthyConstant == true {
            context.report(debug.loc, "Flask app configured with DEBUG on exposes the Werkzeug debugger (remote code execution)",
                           fixHint: "leave DEBUG off; use FLASK_DEBUG locally")
            return
        }
        guard case .expr(let expression) = node, expression.calledAttribute == "run",
              case .call(_, _, let keywords) = expression.kind,
              let debug = keywords.first(where: { $0.arg == "debug" }), context.literalValue(debug.value)?.isTruthyConstant == true,
              context.imports.imports("flask") else { return }
        context.report(debug.loc, "Flask app run with debug=True exposes the Werkzeug debugger (remote code execution)",
                       fixHint: "remove debug=True; use FLASK_DEBUG locally")
    }

    /// `app.config["DEBUG"]` or `app.debug` (any name ending in `app`, or `application`).
    static func isDebugSetting(_ target: Expr) -> Bool {
        func isApp(_ owner: Expr) -> Bool {
            guard case .name(let id, _) = owner.kind else { return false }
            return id.lowercased().hasSuffix("app") || id == "application"
        }
        switch target.kind {
        case .subscript(let config, let key, _):
            guard key.stringConstant == "DEBUG", case .attribute(let owner, "config", _) = config.kind else { return false }
            return isApp(owner)
        case .attribute(let owner, "debug", _):
            return isApp(owner)
        default:
            return false
        }
    }
}
