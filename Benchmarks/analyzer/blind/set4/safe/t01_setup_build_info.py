import subprocess
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
VERSION = (HERE / "VERSION").read_text().strip()


def git_revision():
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=HERE,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return proc.stdout.strip()


def write_build_info():
    target = HERE / "src" / "acme_tools" / "_build_info.py"
    target.write_text(f'VERSION = "{VERSION}"\nGIT_REVISION = "{git_revision()}"\n')


write_build_info()

setup(
    name="acme-tools",
    version=VERSION,
    package_dir={"": "src"},
    packages=find_packages("src"),
    python_requires=">=3.9",
    install_requires=["click>=8", "requests>=2.28"],
    entry_points={"console_scripts": ["acme=acme_tools.cli:main"]},
)
