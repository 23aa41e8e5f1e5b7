/// Python `repr` of constant values (CPython 3.11 semantics).
enum Repr {
    static func isPrintable(_ v: UInt32) -> Bool { pyIsPrintable(v) }

    static func str(_ s: [UInt32], into o: inout [UInt8]) {
        var hasSingle = false, hasDouble = false
        for c in s { if c == 39 { hasSingle = true } else if c == 34 { hasDouble = true } }
        let q: UInt8 = (hasSingle && !hasDouble) ? 34 : 39
        o.append(q)
        for c in s {
            if c == UInt32(q) || c == 92 { o.append(92); o.append(UInt8(c)); continue }
            if c == 9 { o.append(92); o.append(UInt8(ascii: "t")); continue }
            if c == 10 { o.append(92); o.append(UInt8(ascii: "n")); continue }
            if c == 13 { o.append(92); o.append(UInt8(ascii: "r")); continue }
            if c < 32 || c == 0x7F { hexEsc(c, "x", 2, &o); continue }
            if c < 0x7F { o.append(UInt8(c)); continue }
            if isPrintable(c), let sc = Unicode.Scalar(c) {
                var buf: [UInt8] = []
                UTF8.encode(sc) { buf.append($0) }
                o.append(contentsOf: buf)
                continue
            }
            if c <= 0xFF { hexEsc(c, "x", 2, &o) } else if c <= 0xFFFF { hexEsc(c, "u", 4, &o) } else { hexEsc(c, "U", 8, &o) }
        }
        o.append(q)
    }

    static func hexEsc(_ c: UInt32, _ k: Character, _ n: Int, _ o: inout [UInt8]) {
        o.append(92); o.append(k.asciiValue ?? 120)
        let hexd: [UInt8] = Array("0123456789abcdef".utf8)
        var i = n - 1
        while i >= 0 { o.append(hexd[Int((c >> (UInt32(i) * 4)) & 0xF)]); i -= 1 }
    }

    static func bytes(_ s: [UInt8], into o: inout [UInt8]) {
        var hasSingle = false, hasDouble = false
        for c in s { if c == 39 { hasSingle = true } else if c == 34 { hasDouble = true } }
        let q: UInt8 = (hasSingle && !hasDouble) ? 34 : 39
        o.append(98); o.append(q)
        for c in s {
            if c == q || c == 92 { o.append(92); o.append(c) }
            else if c == 9 { o.append(92); o.append(UInt8(ascii: "t")) }
            else if c == 10 { o.append(92); o.append(UInt8(ascii: "n")) }
            else if c == 13 { o.append(92); o.append(UInt8(ascii: "r")) }
            else if c < 32 || c >= 0x7F { hexEsc(UInt32(c), "x", 2, &o) }
            else { o.append(c) }
        }
        o.append(q)
    }

    /// Python's float repr ('r' format). `addDot0` false gives the complex-part style.
    static func float(_ d: Double, addDot0: Bool = true) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return (d.sign == .minus ? "-0" : "0") + (addDot0 ? ".0" : "") }
        // shortest round-trip digits from Swift's description
        let desc = Array(abs(d).description.utf8)
        var digits: [UInt8] = []
        var pointPos: Int? = nil
        var exp = 0
        var i = 0
        while i < desc.count {
            let c = desc[i]
            if c == 46 { pointPos = digits.count }
            else if c == 101 || c == 69 {
                var j = i + 1
                var neg = false
                if j < desc.count && (desc[j] == 45 || desc[j] == 43) { neg = desc[j] == 45; j += 1 }
                var v = 0
                while j < desc.count { v = v * 10 + Int(desc[j] - 48); j += 1 }
                exp = neg ? -v : v
                break
            } else { digits.append(c) }
            i += 1
        }
        var decpt = (pointPos ?? digits.count) + exp
        // strip leading zeros
        var lead = 0
        while lead < digits.count - 1 && digits[lead] == 48 { lead += 1; decpt -= 1 }
        digits.removeFirst(lead)
        while digits.count > 1 && digits.last == 48 { digits.removeLast() }
        let n = digits.count
        var out = d < 0 ? "-" : ""
        let ds = String(decoding: digits, as: UTF8.self)
        if decpt <= -4 || decpt > 16 {
            out += String(ds.prefix(1))
            if n > 1 { out += "." + String(ds.dropFirst()) }
            let e = decpt - 1
            out += e < 0 ? "e-" : "e+"
            let ae = abs(e)
            out += ae < 10 ? "0\(ae)" : "\(ae)"
        } else if decpt <= 0 {
            out += "0." + String(repeating: "0", count: -decpt) + ds
        } else if decpt >= n {
            out += ds + String(repeating: "0", count: decpt - n) + (addDot0 ? ".0" : "")
        } else {
            out += String(ds.prefix(decpt)) + "." + String(ds.dropFirst(decpt))
        }
        return out
    }
}

/// Python 3.11's `str.isprintable` for one code point (table generated from CPython 3.11).
func pyIsPrintable(_ v: UInt32) -> Bool {
    if v == 32 { return true }
    if v < 32 || v == 0x7F { return false }
    if v < 0x7F { return true }
    // binary search over [start, end] pairs
    var lo = 0, hi = printableRanges.count / 2 - 1
    while lo <= hi {
        let mid = (lo + hi) / 2
        let a = printableRanges[2 * mid], b = printableRanges[2 * mid + 1]
        if v < a { hi = mid - 1 } else if v > b { lo = mid + 1 } else { return true }
    }
    return false
}

/// Converts digits in base 2/8/16 (ASCII, no prefix, no underscores) to a decimal string.
func bigToDecimal(_ digits: [UInt8], base: UInt32) -> String {
    // little-endian limbs in base 1e9
    var limbs: [UInt32] = [0]
    for c in digits {
        let v: UInt32
        switch c {
        case 48...57: v = UInt32(c - 48)
        case 97...102: v = UInt32(c - 87)
        case 65...70: v = UInt32(c - 55)
        default: continue
        }
        var carry = UInt64(v)
        for i in limbs.indices {
            let x = UInt64(limbs[i]) * UInt64(base) + carry
            limbs[i] = UInt32(x % 1_000_000_000)
            carry = x / 1_000_000_000
        }
        while carry > 0 { limbs.append(UInt32(carry % 1_000_000_000)); carry /= 1_000_000_000 }
    }
    while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
    var s = String(limbs[limbs.count - 1])
    var i = limbs.count - 2
    while i >= 0 {
        let part = String(limbs[i])
        s += String(repeating: "0", count: 9 - part.count) + part
        i -= 1
    }
    return s
}
