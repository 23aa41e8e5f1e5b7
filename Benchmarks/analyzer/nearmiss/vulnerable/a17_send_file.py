from flask import Flask, request, send_file
app = Flask(__name__)

@app.route("/dl")
def dl():
    return send_file(request.args["path"])  # VULN
