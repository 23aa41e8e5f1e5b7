from flask import Flask, jsonify, request

app = Flask(__name__)
RULES = {}


def load_rule(name, source):
    namespace = {}
    code = compile(source, f"<rule:{name}>", "exec")
    exec(code, namespace)  # VULN flow
    return namespace.get("apply")


@app.route("/rules/<name>", methods=["PUT"])
def upload_rule(name):
    upload = request.files.get("script")
    if upload is None:
        return jsonify(error="missing script"), 400
    source = upload.read().decode("utf-8")
    func = load_rule(name, source)
    if not callable(func):
        return jsonify(error="rule must define apply()"), 422
    RULES[name] = func
    return jsonify(status="loaded", rule=name), 201
