import os
import subprocess

def build():
    env = dict(os.environ, CC="clang")
    subprocess.run(["make", "-j4"], env=env, check=True)
