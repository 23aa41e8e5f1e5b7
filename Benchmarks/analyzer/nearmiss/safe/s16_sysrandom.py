import random
import string

def token():
    rng = random.SystemRandom()
    return "".join(rng.choice(string.ascii_letters) for _ in range(32))
