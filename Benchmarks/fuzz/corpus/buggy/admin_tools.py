"""Handlers behind the admin console: directory listing, log search, calculator."""
import os
import subprocess
from typing import List

LOG_FILE = "/var/log/app/server.log"


def list_directory(name):
    """Lists a directory for the admin page; returns the exit status of ls."""
    return os.system("ls -1 " + name)


def search_logs(pattern: str) -> List[str]:
    """Lines of the server log that match pattern, with their line numbers."""
    result = subprocess.run(
        f"grep -n {pattern} {LOG_FILE}",
        shell=True,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    return result.stdout.splitlines()


def calculate(expression: str) -> float:
    """Evaluates the arithmetic typed into the calculator widget, e.g. '2 * (3 + 4)'."""
    expression = expression.strip()
    if not expression:
        return 0.0
    return float(eval(expression))
