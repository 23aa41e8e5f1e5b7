#!/usr/bin/env python3
import math


def apply_formula(formula, x):
    return eval(formula, {"x": x, "math": math})  # VULN flow


def main():
    formula = input("f(x) = ").strip()
    start, stop = (float(v) for v in input("range (start stop): ").split())
    step = (stop - start) / 10
    for i in range(11):
        x = start + i * step
        print(f"{x:10.4f}  {apply_formula(formula, x):12.6f}")


if __name__ == "__main__":
    main()
