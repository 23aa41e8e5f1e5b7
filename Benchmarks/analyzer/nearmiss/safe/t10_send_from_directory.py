from flask import Flask, request, send_from_directory
app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/uploads"

@app.route("/files/<path:filename>")
def files(filename):
    return send_from_directory(app.config["UPLOAD_FOLDER"], filename)
