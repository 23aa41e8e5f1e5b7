#!/usr/bin/env python3
import ast
import operator

BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def evaluate(node):
    if isinstance(node, ast.Expression):
        return evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
        return BINARY[type(node.op)](evaluate(node.left), evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY:
        return UNARY[type(node.op)](evaluate(node.operand))
    raise ValueError("unsupported expression")


def repl():
    while True:
        try:
            line = input("calc> ")
        except EOFError:
            print()
            break
        try:
            print(evaluate(ast.parse(line, mode="eval")))
        except (SyntaxError, ValueError, ZeroDivisionError) as exc:
            print(f"error: {exc}")


if __name__ == "__main__":
    repl()
