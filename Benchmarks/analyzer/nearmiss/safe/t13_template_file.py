from flask import Flask, request, render_template
app = Flask(__name__)

@app.route("/s")
def s():
    q = request.args.get("q", "")
    return render_template("search.html", query=q, results=[])
