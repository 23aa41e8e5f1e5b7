import random
import string
from datetime import datetime, timedelta, timezone

from flask import Flask, jsonify, request

from accounts.mail import send_reset_email
from accounts.store import find_user_by_email, save_reset_token

app = Flask(__name__)
TOKEN_ALPHABET = string.ascii_letters + string.digits


def new_reset_token(length=32):
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


@app.route("/password/forgot", methods=["POST"])
def forgot_password():
    email = request.form.get("email", "").strip().lower()
    user = find_user_by_email(email)
    if user is not None:
        token = new_reset_token()
        expires = datetime.now(timezone.utc) + timedelta(hours=1)
        save_reset_token(user.id, token, expires)
        send_reset_email(user.email, token)
    return jsonify(message="If the address exists, a reset link has been sent.")
