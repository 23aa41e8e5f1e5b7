x = "\xff"
y = "ok"
z = "ÿ"
