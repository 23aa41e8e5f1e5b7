from flask import Flask, request
from markupsafe import Markup
app = Flask(__name__)

@app.route("/m")
def m():
    return Markup("<p>{}</p>").format(request.args.get("q", ""))
