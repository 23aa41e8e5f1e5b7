from flask import Flask, redirect, request, url_for
app = Flask(__name__)

@app.route("/out")
def out():
    if request.args.get("home"):
        return redirect("/")
    return redirect(url_for("index"))
