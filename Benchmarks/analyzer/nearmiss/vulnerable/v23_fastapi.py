import subprocess
from fastapi import FastAPI
app = FastAPI()

@app.get("/ping")
def ping(host: str):
    return subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True).stdout  # VULN flow
