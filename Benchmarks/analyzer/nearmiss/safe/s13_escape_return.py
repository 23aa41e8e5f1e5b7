import html
from flask import Flask, request
app = Flask(__name__)

@app.route("/e")
def e():
    return "<p>" + html.escape(request.args.get("q", "")) + "</p>"
