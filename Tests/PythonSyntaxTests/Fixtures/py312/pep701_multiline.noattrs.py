x = f"{(
    1 +
    2)}"
y = f"""{x # comment
}"""
z = f"{v:{w:{p}}}"
