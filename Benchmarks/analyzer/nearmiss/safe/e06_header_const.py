from flask import Flask, request, make_response
app = Flask(__name__)

@app.route("/h")
def h():
    resp = make_response("ok")
    resp.headers["X-Frame-Options"] = "DENY"
    resp.headers["X-Request-Id"] = str(int(request.args.get("id", "0")))
    return resp
