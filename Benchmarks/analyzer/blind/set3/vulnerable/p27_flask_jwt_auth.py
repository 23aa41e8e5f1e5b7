from functools import wraps

import jwt
from flask import g, jsonify, request


def current_claims():
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    token = header[len("Bearer "):].strip()
    try:
        return jwt.decode(token, options={"verify_signature": False})  # VULN
    except jwt.DecodeError:
        return None


def require_role(role):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            claims = current_claims()
            if not claims or role not in claims.get("roles", []):
                return jsonify(error="forbidden"), 403
            g.user_id = claims["sub"]
            return view(*args, **kwargs)
        return wrapper
    return decorator
