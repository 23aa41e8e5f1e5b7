from flask import Flask, request, jsonify
app = Flask(__name__)

@app.route("/echo")
def echo():
    return jsonify({"you_sent": request.args.get("q")})
