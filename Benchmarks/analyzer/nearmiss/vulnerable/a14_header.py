from flask import Flask, request, make_response
app = Flask(__name__)

@app.route("/h")
def h():
    resp = make_response("ok")
    resp.headers["X-User"] = request.args["u"]  # VULN
    return resp
