import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS_SRC = ROOT / "docs"
SITE_OUT = ROOT / "site"


def build_docs():
    with tempfile.TemporaryDirectory(prefix="docs-build-") as tmp:
        build_dir = Path(tmp) / "html"
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-W", "-b", "html", str(DOCS_SRC), str(build_dir)],
            check=True,
        )
        if SITE_OUT.exists():
            shutil.rmtree(SITE_OUT)
        shutil.copytree(build_dir, SITE_OUT)
    print(f"docs written to {SITE_OUT}")


if __name__ == "__main__":
    build_docs()
