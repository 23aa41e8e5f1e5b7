"""Local development entry point.

Runs the API with auto-reload on 127.0.0.1:8000. Inside the docker-compose
setup the container is started by gunicorn instead, which listens on
0.0.0.0:8000 behind the nginx sidecar, so this module is never used there.
"""
import os

import uvicorn

from api.main import create_app

app = create_app()


def main():
    # Use `--host 0.0.0.0` via the uvicorn CLI if you really need LAN access.
    uvicorn.run(
        "scripts.dev_server:app",
        host="127.0.0.1",
        port=int(os.environ.get("PORT", "8000")),
        reload=True,
        log_level="debug",
    )


if __name__ == "__main__":
    main()
