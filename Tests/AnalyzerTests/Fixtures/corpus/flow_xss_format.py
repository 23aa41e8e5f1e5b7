from flask import Flask, request

app = Flask(__name__)


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    return "<p>Hello %s</p>" % name  # expect: CWE-79
