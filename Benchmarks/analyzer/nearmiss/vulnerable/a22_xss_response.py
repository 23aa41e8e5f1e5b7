from flask import Flask, request, Response
app = Flask(__name__)

@app.route("/r")
def r():
    return Response("<b>" + request.args["q"] + "</b>", mimetype="text/html")  # VULN
