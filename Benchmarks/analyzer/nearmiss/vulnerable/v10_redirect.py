from flask import Flask, request, redirect
app = Flask(__name__)

@app.route("/login")
def login():
    nxt = request.args.get("next", "/")
    return redirect(nxt)  # VULN flow
