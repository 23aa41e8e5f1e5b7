from flask import Flask, request, redirect, url_for
app = Flask(__name__)

@app.route("/login")
def login():
    return redirect(url_for("home", next=request.args.get("next")))
