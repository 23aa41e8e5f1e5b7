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
        ],
        nonTriggering: [
            "from flask import Flask\napp = Flask(__name__)\napp.run(debug=False)\n",
            "from flask import Flask\napp = Flask(__name__)\napp.run()\n",
            "runner.run(debug=True)\n",  // no Flask in this file
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    var requiredImports: [String] { ["flask"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, expression.calledAttribute == "run",
              case .call(_, _, let keywords) = expression.kind,
              let debug = keywords.first(where: { $0.arg == "debug" }), context.literalValue(debug.value)?.isTruthyConstant == true,
              context.imports.imports("flask") else { return }
        context.report(debug.loc, "Flask app run with debug=True exposes the Werkzeug debugger (remote code execution)",
                       fixHint: "remove debug=True; use FLASK_DEBUG locally")
    }
}
