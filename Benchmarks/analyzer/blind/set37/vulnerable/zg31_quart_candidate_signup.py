"""Quart service handling candidate sign-up for the recruiting portal."""
import base64
import hashlib
import hmac
import os
import random
from datetime import datetime, timedelta, timezone

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from email_validator import EmailNotValidError, validate_email
from quart import Quart, jsonify, request

from .store import CandidateStore

app = Quart(__name__)
store = CandidateStore.from_env()

PII_KEY = base64.b64decode(os.environ["CANDIDATE_PII_KEY"])
CODE_TTL = timedelta(minutes=15)
MAX_ATTEMPTS = 5


def hash_password(password: str) -> str:
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN flow


def encrypt_national_id(national_id: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(PII_KEY).encrypt(nonce, national_id.encode("utf-8"), b"candidate-national-id")
    return base64.b64encode(nonce + sealed).decode("ascii")


def verification_code() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


@app.post("/api/candidates")
async def sign_up():
    body = await request.get_json(force=True, silent=True) or {}
    password = str(body.get("password", ""))
    national_id = str(body.get("national_id", "")).strip()
    try:
        email = validate_email(str(body.get("email", "")), check_deliverability=False).normalized
    except EmailNotValidError:
        return jsonify({"error": "invalid email"}), 400
    if not 10 <= len(password) <= 128 or not national_id.isalnum():
        return jsonify({"error": "password or national id invalid"}), 400
    if await store.exists(email):
        return jsonify({"error": "already registered"}), 409

    code = verification_code()
    candidate_id = await store.create(
        email=email,
        password_hash=hash_password(password),
        national_id=encrypt_national_id(national_id),
        verification_code=code,
        code_expires=datetime.now(timezone.utc) + CODE_TTL,
    )
    await store.send_verification_email(email, code)
    return jsonify({"id": candidate_id, "status": "pending_verification"}), 201


@app.post("/api/candidates/<int:candidate_id>/verify")
async def verify(candidate_id: int):
    body = await request.get_json(force=True, silent=True) or {}
    record = await store.get(candidate_id)
    if record is None or record.verified:
        return jsonify({"error": "unknown candidate"}), 404
    if record.attempts >= MAX_ATTEMPTS or datetime.now(timezone.utc) > record.code_expires:
        return jsonify({"error": "code expired, request a new one"}), 410
    await store.increment_attempts(candidate_id)
    if not hmac.compare_digest(record.verification_code, str(body.get("code", ""))):
        return jsonify({"error": "wrong code"}), 400
    await store.mark_verified(candidate_id)
    return jsonify({"id": candidate_id, "status": "active"})
