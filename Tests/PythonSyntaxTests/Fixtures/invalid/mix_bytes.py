x = "s" b"b"
