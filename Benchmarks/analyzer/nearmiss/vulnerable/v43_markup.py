from flask import Flask, request
from markupsafe import Markup
app = Flask(__name__)

@app.route("/bio")
def bio():
    text = request.args.get("bio", "")
    return Markup("<div>" + text + "</div>")  # VULN flow
