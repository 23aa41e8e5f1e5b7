import jwt

def user_from(token):
    claims = jwt.decode(token, options={"verify_signature": False})  # VULN
    return claims["sub"]
