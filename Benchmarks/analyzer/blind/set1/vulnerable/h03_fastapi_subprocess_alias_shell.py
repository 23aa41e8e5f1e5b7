import subprocess as sp

from fastapi import FastAPI, Query

app = FastAPI()
CONVERT = "convert {src} -resize {size} {dst}"


@app.post("/thumbnails")
def make_thumbnail(name: str, size: str = Query("128x128")):
    src = f"/srv/media/{name}"
    dst = f"/srv/media/thumbs/{name}"
    cmd = CONVERT.format(src=src, size=size, dst=dst)
    result = sp.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    return {"ok": result.returncode == 0, "stderr": result.stderr}
