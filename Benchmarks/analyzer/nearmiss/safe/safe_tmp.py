import tempfile

def scratch():
    with tempfile.NamedTemporaryFile() as f:
        f.write(b"x")
