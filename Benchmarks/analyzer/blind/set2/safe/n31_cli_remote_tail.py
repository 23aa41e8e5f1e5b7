#!/usr/bin/env python3
import argparse
import shlex
import subprocess

HOSTS = {
    "web1": "web1.internal.example.com",
    "web2": "web2.internal.example.com",
    "worker": "worker1.internal.example.com",
}


def remote_tail(host, logfile, lines):
    remote_cmd = " ".join(shlex.quote(part) for part in ["tail", "-n", str(lines), "--", logfile])
    args = ["ssh", "-o", "BatchMode=yes", "--", host, remote_cmd]
    return subprocess.run(args, capture_output=True, text=True, timeout=60).stdout


def main():
    parser = argparse.ArgumentParser(description="Tail a log file on an app server")
    parser.add_argument("server", choices=sorted(HOSTS))
    parser.add_argument("logfile")
    parser.add_argument("-n", "--lines", type=int, default=100)
    args = parser.parse_args()
    print(remote_tail(HOSTS[args.server], args.logfile, args.lines), end="")


if __name__ == "__main__":
    main()
