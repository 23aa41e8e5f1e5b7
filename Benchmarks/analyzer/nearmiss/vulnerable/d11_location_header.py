from flask import Flask, request, make_response
app = Flask(__name__)

@app.route("/c")
def c():
    resp = make_response("ok")
    resp.headers["Location"] = request.args["to"]  # VULN
    return resp
