#!/usr/bin/env python3
import math

BANNER = "Scientific calculator. Names available: pi, e, sqrt, log, sin, cos. Ctrl-D to exit."


def repl():
    print(BANNER)
    env = {"pi": math.pi, "e": math.e, "sqrt": math.sqrt, "log": math.log, "sin": math.sin, "cos": math.cos}
    while True:
        try:
            result = eval(input("calc> "), env)  # VULN
        except EOFError:
            print()
            break
        except Exception as exc:
            print(f"error: {exc}")
            continue
        print(result)


if __name__ == "__main__":
    repl()
