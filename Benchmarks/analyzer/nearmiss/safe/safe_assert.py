def mean(xs):
    total = sum(xs)
    return total / len(xs) if xs else 0.0
