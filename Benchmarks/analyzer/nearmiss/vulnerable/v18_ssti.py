from flask import Flask, request, render_template_string
app = Flask(__name__)

@app.route("/t")
def t():
    tpl = "<p>" + request.args.get("msg", "") + "</p>"
    return render_template_string(tpl)  # VULN flow
