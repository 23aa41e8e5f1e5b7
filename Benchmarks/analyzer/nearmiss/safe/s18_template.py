from flask import Flask, request, render_template
app = Flask(__name__)

@app.route("/t")
def t():
    return render_template("t.html", q=request.args.get("q"))
