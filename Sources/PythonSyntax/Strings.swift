import Foundation

extension Parser {
    // MARK: numbers
    @inline(never) func parseNumber(_ t: Token) throws(SyntaxError) -> ConstantValue {
        let s = Int(t.start), e = Int(t.end)
        var digits: [UInt8] = []
        digits.reserveCapacity(e - s)
        for i in s..<e where b[i] != 95 { digits.append(b[i]) }
        guard let last = digits.last else { throw error("invalid number") }
        if last | 0x20 == UInt8(ascii: "j") {
            digits.removeLast()
            return .complex(parseDouble(digits))
        }
        if digits.count > 1 && digits[0] == 48 {
            let k = digits[1] | 0x20
            if k == UInt8(ascii: "x") || k == UInt8(ascii: "o") || k == UInt8(ascii: "b") {
                let base: UInt32 = k == UInt8(ascii: "x") ? 16 : k == UInt8(ascii: "o") ? 8 : 2
                return .int(bigToDecimal(Array(digits[2...]), base: base))
            }
        }
        for c in digits where c == 46 || c | 0x20 == UInt8(ascii: "e") {
            return .float(parseDouble(digits))
        }
        var i = 0
        while i < digits.count - 1 && digits[i] == 48 { i += 1 }
        return .int(String(decoding: digits[i...], as: UTF8.self))
    }

    func parseDouble(_ d: [UInt8]) -> Double {
        let s = String(decoding: d, as: UTF8.self)
        if let v = Double(s) { return v }
        return strtod(s, nil)
    }

    // MARK: string literals
    struct FState {
        var last = StrBuilder()
        var hasLast = false
        var exprs: [Expr] = []
        var fmode = false
        mutating func concat(_ s: StrBuilder) {
            if s.isEmpty { return }
            last.append(s); hasLast = true
        }
    }

    /// Parses STRING tokens first..<end (p must be at end) into a Constant or JoinedStr.
    @inline(never) func parseStrings(_ first: Int, _ end: Int) throws(SyntaxError) -> Expr {
        let whole = L(first)
        var bytesMode: Bool? = nil
        var state = FState()
        var bytesAcc: [UInt8] = []
        for i in first..<end {
            let t = toks[i]
            var q = Int(t.start)
            var raw = false, isBytes = false, isF = false
            while q < Int(t.end) && b[q] != 34 && b[q] != 39 {
                switch b[q] | 0x20 {
                case UInt8(ascii: "r"): raw = true
                case UInt8(ascii: "b"): isBytes = true
                case UInt8(ascii: "f"): isF = true
                default: break
                }
                q += 1
            }
            if let bm = bytesMode, bm != isBytes { throw error("cannot mix bytes and nonbytes literals", at: first) }
            bytesMode = isBytes
            guard q < Int(t.end) else { throw error("invalid string", at: i) }
            let quote = b[q]
            var qlen = 1
            if q + 2 < Int(t.end) && b[q + 1] == quote && b[q + 2] == quote && Int(t.end) - q >= 6 { qlen = 3 }
            let bs = q + qlen, be = Int(t.end) - qlen
            guard bs <= be else { throw error("invalid string", at: i) }
            if isBytes {
                try decodeBytes(bs, be, raw: raw, into: &bytesAcc, tok: i)
            } else if isF {
                state.fmode = true
                var pos = bs
                try fstringParse(&pos, be, raw: raw, recurse: 0, state: &state, tok: i, whole: whole)
            } else {
                if state.fmode || state.hasLast {
                    var out = StrBuilder()
                    try decodeStr(bs, be, raw: raw, into: &out, tok: i)
                    state.concat(out)
                } else if end - first == 1 && !containsEscapeOrCR(bs, be, raw: raw) {
                    // A lone literal without escapes (the common case) is its source text: the
                    // buffer is valid UTF-8 already.
                    let text = String(decoding: UnsafeBufferPointer(rebasing: b[bs..<be]), as: UTF8.self)
                    return Expr(.constant(value: .str(PyStr(text)), kind: b[Int(t.start)] == UInt8(ascii: "u") ? "u" : nil), whole)
                } else {
                    try decodeStr(bs, be, raw: raw, into: &state.last, tok: i)
                    state.hasLast = !state.last.isEmpty
                }
            }
        }
        if bytesMode == true {
            return Expr(.constant(value: .bytes(bytesAcc), kind: nil), whole)
        }
        let firstIsU = b[Int(toks[first].start)] == UInt8(ascii: "u")
        if !state.fmode {
            return Expr(.constant(value: .str(state.last.make()), kind: firstIsU ? "u" : nil), whole)
        }
        if state.hasLast {
            state.exprs.append(Expr(.constant(value: .str(state.last.make()), kind: firstIsU ? "u" : nil), whole))
        }
        return Expr(.joinedStr(values: state.exprs), whole)
    }

    /// Whether `b[s..<e]` holds a byte that decoding changes: a backslash (unless raw) or a CR.
    @inline(__always) func containsEscapeOrCR(_ s: Int, _ e: Int, raw: Bool) -> Bool {
        var i = s
        while i < e {
            let c = b[i]
            if c == 13 || (c == 92 && !raw) { return true }
            i &+= 1
        }
        return false
    }

    func decodeBytes(_ s: Int, _ e: Int, raw: Bool, into out: inout [UInt8], tok: Int) throws(SyntaxError) {
        var i = s
        while i < e {
            let c = b[i]
            if c >= 128 { throw error("bytes can only contain ASCII literal characters", at: tok) }
            if c == 13 {
                out.append(10); i += 1
                if i < e && b[i] == 10 { i += 1 }
                continue
            }
            if c != 92 || raw { out.append(c); i += 1; continue }
            i += 1
            guard i < e else { out.append(92); break }
            let d = b[i]
            i += 1
            if let simple = simpleEscape(d) { out.append(simple); continue }
            switch d {
            case 10: break
            case 13: if i < e && b[i] == 10 { i += 1 }
            case 48...55:
                var v = UInt32(d - 48)
                var k = 0
                while k < 2 && i < e && b[i] >= 48 && b[i] <= 55 { v = v * 8 + UInt32(b[i] - 48); i += 1; k += 1 }
                out.append(UInt8(v & 0xFF))
            case UInt8(ascii: "x"):
                guard i + 1 < e, let h1 = hexVal(b[i]), let h2 = hexVal(b[i + 1]) else {
                    throw error("(value error) invalid \\x escape at position \(i - 2 - s)", at: tok)
                }
                out.append(UInt8(h1 * 16 + h2)); i += 2
            default:
                out.append(92); out.append(d)
            }
        }
    }

    /// The byte a one-character escape stands for (`\n` → 10), shared by str and bytes literals.
    @inline(__always) func simpleEscape(_ d: UInt8) -> UInt8? {
        switch d {
        case 92, 39, 34: return d
        case UInt8(ascii: "a"): return 7
        case UInt8(ascii: "b"): return 8
        case UInt8(ascii: "f"): return 12
        case UInt8(ascii: "n"): return 10
        case UInt8(ascii: "r"): return 13
        case UInt8(ascii: "t"): return 9
        case UInt8(ascii: "v"): return 11
        default: return nil
        }
    }

    @inline(__always) func hexVal(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: return UInt32(c - 48)
        case 97...102: return UInt32(c - 87)
        case 65...70: return UInt32(c - 55)
        default: return nil
        }
    }

    func decodeStr(_ s: Int, _ e: Int, raw: Bool, into out: inout StrBuilder, tok: Int) throws(SyntaxError) {
        var i = s
        while i < e {
            // A run without escapes or CR is copied as it is (after checking its UTF-8).
            var j = i
            while j < e {
                let c = b[j]
                if c < 128 {
                    if c == 13 || (c == 92 && !raw) { break }
                    j += 1
                } else {
                    guard let (_, len) = decodeUTF8(b, j, e) else { throw error("(unicode error) 'utf-8' codec can't decode byte", at: tok) }
                    j += len
                }
            }
            if j > i {
                out.append(bytes: UnsafeBufferPointer(rebasing: b[i..<j]))
                i = j
                continue
            }
            if b[i] == 13 {
                out.append(ascii: 10); i += 1
                if i < e && b[i] == 10 { i += 1 }
                continue
            }
            // backslash escape
            i += 1
            guard i < e else { out.append(ascii: 92); break }
            let d = b[i]
            i += 1
            if let simple = simpleEscape(d) { out.append(ascii: simple); continue }
            switch d {
            case 10: break
            case 13: if i < e && b[i] == 10 { i += 1 }
            case 48...55:
                var v = UInt32(d - 48)
                var k = 0
                while k < 2 && i < e && b[i] >= 48 && b[i] <= 55 { v = v * 8 + UInt32(b[i] - 48); i += 1; k += 1 }
                out.append(scalar: v)
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let n = d == UInt8(ascii: "x") ? 2 : d == UInt8(ascii: "u") ? 4 : 8
                var v: UInt32 = 0
                for k in 0..<n {
                    guard i + k < e, let h = hexVal(b[i + k]) else {
                        let kind = d == UInt8(ascii: "x") ? "\\xXX" : d == UInt8(ascii: "u") ? "\\uXXXX" : "\\UXXXXXXXX"
                        let st = escPos(s, i - 2)
                        throw error("(unicode error) 'unicodeescape' codec can't decode bytes in position \(st)-\(st + 1 + k): truncated \(kind) escape", at: tok)
                    }
                    v = v &* 16 &+ h
                }
                if v > 0x10FFFF { throw error("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", at: tok) }
                out.append(scalar: v); i += n
            case UInt8(ascii: "N"):
                guard i < e, b[i] == 123 else { throw error("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape", at: tok) }
                var j = i + 1
                while j < e && b[j] != 125 { j += 1 }
                guard j < e else { throw error("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape", at: tok) }
                let name = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<j]), as: UTF8.self)
                guard let v = UnicodeNames.lookup(name) else {
                    let st = escPos(s, i - 2)
                    throw error("(unicode error) 'unicodeescape' codec can't decode bytes in position \(st)-\(st + j - (i - 2)): unknown Unicode character name", at: tok)
                }
                out.append(scalar: v); i = j + 1
            default:
                out.append(ascii: 92)
                if d >= 128 {
                    i -= 1
                } else { out.append(ascii: d) }
            }
        }
    }

    /// Offset CPython reports for an escape at byte `at` of a literal starting at `s`: non-ASCII
    /// characters count 10 (CPython rewrites them as `\UXXXXXXXX` before decoding).
    func escPos(_ s: Int, _ at: Int) -> Int {
        var n = 0, i = s
        while i < at { if b[i] < 0x80 { n += 1 } else if b[i] & 0xC0 != 0x80 { n += 10 }; i += 1 }
        return n
    }

    // MARK: f-strings (CPython 3.11 string_parser.c semantics)
    func fstringParse(_ pos: inout Int, _ end: Int, raw: Bool, recurse: Int, state: inout FState, tok: Int, whole: Loc) throws(SyntaxError) {
        while true {
            // find literal
            let litStart = pos
            var s = pos
            var doubled = false
            var litEnd = pos
            while s < end {
                var ch = b[s]; s += 1
                if !raw && ch == 92 && s < end {
                    ch = b[s]; s += 1
                    if ch == UInt8(ascii: "N") {
                        if s < end {
                            let c2 = b[s]; s += 1
                            if c2 == 123 { while s < end { let c3 = b[s]; s += 1; if c3 == 125 { break } } }
                        }
                        continue
                    }
                }
                if ch == 123 || ch == 125 {
                    if recurse == 0 {
                        if s < end && b[s] == ch {
                            litEnd = s
                            pos = s + 1
                            doubled = true
                            break
                        }
                        if ch == 125 { throw error("f-string: single '}' is not allowed", at: tok) }
                    }
                    s -= 1
                    break
                }
            }
            if !doubled { pos = s; litEnd = s }
            if litEnd > litStart {
                var out = StrBuilder()
                try decodeStr(litStart, litEnd, raw: raw, into: &out, tok: tok)
                state.concat(out)
            }
            if doubled { continue }
            if pos >= end || b[pos] == 125 { break }
            // expression
            try fstringExpr(&pos, end, raw: raw, recurse: recurse, state: &state, tok: tok, whole: whole)
        }
        if recurse == 0 && pos < end { throw error("f-string: unexpected end of string", at: tok) }
        if recurse != 0 && (pos >= end || b[pos] != 125) { throw error("f-string: expecting '}'", at: tok) }
    }

    func fstringExpr(_ pos: inout Int, _ end: Int, raw: Bool, recurse: Int, state: inout FState, tok: Int, whole: Loc) throws(SyntaxError) {
        // 3.11 stops at recurse >= 2; PEP 701 (3.12) allows deeper format-spec nesting
        if recurse >= 8 { throw error("f-string: expressions nested too deeply", at: tok) }
        let brace = pos
        pos += 1
        let exprStart = pos
        var quote: UInt8 = 0
        var stringType = 0
        var stack: [UInt8] = []
        while pos < end {
            let ch = b[pos]
            if ch == 92 {
                // 3.11 rejects backslashes here ("f-string expression part cannot include a
                // backslash"); PEP 701 (3.12) allows them: skip the escaped character.
                pos += 2
                continue
            }
            if quote != 0 {
                if ch == quote {
                    if stringType == 3 {
                        if pos + 2 < end && b[pos + 1] == ch && b[pos + 2] == ch { pos += 3; stringType = 0; quote = 0; continue }
                    } else { pos += 1; quote = 0; stringType = 0; continue }
                }
            } else if ch == 39 || ch == 34 {
                if pos + 2 < end && b[pos + 1] == ch && b[pos + 2] == ch { stringType = 3; pos += 2 } else { stringType = 1 }
                quote = ch
            } else if ch == 40 || ch == 91 || ch == 123 {
                if stack.count >= 200 { throw error("f-string: too many nested parenthesis", at: tok) }
                stack.append(ch)
            } else if ch == 35 {
                // PEP 701: a comment (3.11: "f-string expression part cannot include '#'")
                while pos < end && b[pos] != 10 { pos += 1 }
                continue
            } else if stack.isEmpty && (ch == 33 || ch == 58 || ch == 125 || ch == 61 || ch == 62 || ch == 60) {
                if pos + 1 < end {
                    let nx = b[pos + 1]
                    if (ch == 33 && nx == 61) || (ch == 61 && nx == 61) || (ch == 60 && nx == 61) || (ch == 62 && nx == 61) { pos += 2; continue }
                }
                if ch == 62 || ch == 60 { pos += 1; continue }
                break
            } else if ch == 41 || ch == 93 || ch == 125 {
                guard let open = stack.popLast() else { throw error("f-string: unmatched '\(Character(Unicode.Scalar(ch)))'", at: tok) }
                let want: UInt8 = open == 40 ? 41 : open == 91 ? 93 : 125
                if want != ch { throw error("f-string: closing parenthesis '\(Character(Unicode.Scalar(ch)))' does not match opening parenthesis '\(Character(Unicode.Scalar(open)))'", at: tok) }
            }
            pos += 1
        }
        let exprEnd = pos
        if quote != 0 { throw error("f-string: unterminated string", at: tok) }
        if let open = stack.last { throw error("f-string: unmatched '\(Character(Unicode.Scalar(open)))'", at: tok) }
        if pos >= end { throw error("f-string: expecting '}'", at: tok) }
        let value = try compileFExpr(exprStart, exprEnd, brace: brace, tok: tok)
        var debug: StrBuilder? = nil
        if b[pos] == 61 {
            pos += 1
            while pos < end && (b[pos] == 32 || (b[pos] >= 9 && b[pos] <= 13)) { pos += 1 }
            if pos >= end { throw error("f-string: expecting '}'", at: tok) }
            var d = StrBuilder()
            try decodeStr(exprStart, pos, raw: true, into: &d, tok: tok)
            debug = d
        }
        var conversion = -1
        if b[pos] == 33 {
            pos += 1
            if pos >= end { throw error("f-string: expecting '}'", at: tok) }
            let c = b[pos]; pos += 1
            if !(c == UInt8(ascii: "s") || c == UInt8(ascii: "r") || c == UInt8(ascii: "a")) {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: tok)
            }
            conversion = Int(c)
        }
        var spec: Expr? = nil
        if pos < end && b[pos] == 58 {
            pos += 1
            if pos >= end { throw error("f-string: expecting '}'", at: tok) }
            var sub = FState()
            sub.fmode = true
            try fstringParse(&pos, end, raw: raw, recurse: recurse + 1, state: &sub, tok: tok, whole: whole)
            if sub.hasLast { sub.exprs.append(Expr(.constant(value: .str(sub.last.make()), kind: firstIsU(whole) ? "u" : nil), locOf(toks[tok]))) }
            spec = Expr(.joinedStr(values: sub.exprs), locOf(toks[tok]))
        }
        if pos >= end || b[pos] != 125 { throw error("f-string: expecting '}'", at: tok) }
        pos += 1
        if debug != nil && spec == nil && conversion == -1 { conversion = 114 }
        if let d = debug { state.concat(d) }
        if state.hasLast {
            state.exprs.append(Expr(.constant(value: .str(state.last.make()), kind: firstIsU(whole) ? "u" : nil), whole))
            state.last = StrBuilder(); state.hasLast = false
        }
        state.exprs.append(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: spec), whole))
    }

    func firstIsU(_ whole: Loc) -> Bool {
        let i = whole.startByte - byteBase
        return i >= 0 && i < b.count && b[i] == UInt8(ascii: "u")
    }

    func compileFExpr(_ s: Int, _ e: Int, brace: Int, tok: Int) throws(SyntaxError) -> Expr {
        var allSpace = true
        for i in s..<e where !(b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 12 || b[i] == 13 || b[i] == 11) { allSpace = false; break }
        if allSpace { throw error("f-string: empty expression not allowed", at: tok) }
        if fstringDepth > 40 || StackGuard.sp() < stackLimit { throw error("f-string: expressions nested too deeply", at: tok) }
        let t = toks[tok]
        // fstring_find_expr_location
        var lines = 0, cols = 0
        var newlineAfterBrace = true
        var q = brace + 1
        while q < e && b[q] != 125 && b[q] != 10 {
            if b[q] != 32 && b[q] != 9 && b[q] != 12 { newlineAfterBrace = false; break }
            q += 1
        }
        let parentStart = Int(t.start)
        if !newlineAfterBrace {
            var st = brace
            while st > parentStart && b[st] != 10 { st -= 1 }
            cols += brace - st
            if b[st] == 10 { cols -= 1 }
        }
        for i in parentStart..<brace where b[i] == 10 { lines += 1 }
        let startingLine = Int32(Int(t.line) + lines)
        let startingCol = Int32(lines != 0 ? cols : Int(t.col) + cols)
        var sub = [UInt8]()
        sub.reserveCapacity(e - s + 2)
        sub.append(40)
        sub.append(contentsOf: UnsafeBufferPointer(rebasing: b[s..<e]))
        sub.append(41)
        let fname = filename
        let base = byteBase + s - 1
        let depth0 = depth
        let fd = fstringDepth + 1
        let result: Result<Expr, SyntaxError> = sub.withUnsafeBufferPointer { buf in
            var tk = Tokenizer(buf, filename: fname)
            var tokens: TokenBuffer
            do throws(SyntaxError) {
                tokens = try tk.run()
            } catch {
                var err = error
                err.line = Int(startingLine) + err.line - 1
                return .failure(err)
            }
            for i in tokens.indices {
                let oneLine = tokens[i].endLine == 1
                tokens[i].line = startingLine + tokens[i].line - 1
                tokens[i].endLine = startingLine + tokens[i].endLine - 1
                if oneLine { tokens[i].col += startingCol; tokens[i].endCol += startingCol }
            }
            let sp = Parser(buf, tokens: tokens, filename: fname, byteBase: base, fstringDepth: fd)
            sp.depth = depth0
            do throws(SyntaxError) {
                let v = try sp.starExpressions()
                _ = sp.eat(.newline)
                if sp.cur != .endmarker { throw sp.invalid() }
                return .success(v)
            } catch {
                var err = error
                if !err.message.hasPrefix("f-string") { err.message = "f-string: " + err.message }
                return .failure(err)
            }
        }
        switch result {
        case .success(let v): return v
        case .failure(let err): throw err
        }
    }
}

/// Identifier normalization (NFKC), used only for non-ASCII identifiers.
func nfkc(_ s: String) -> String {
    s.precomposedStringWithCompatibilityMapping
}

/// Unicode character name lookup for `\N{...}` escapes (table built lazily on first use).
/// Algorithmically named ranges (CJK/Tangut/… ideographs `NAME-HEX`, Hangul syllables) are
/// resolved without the table, which keeps its construction cheap.
enum UnicodeNames {
    /// Sorted, disjoint ranges left out of the table: CJK unified/compatibility ideographs and
    /// Hangul syllables (resolved algorithmically below), Tangut ideographs (no `\N` name in
    /// CPython 3.11), unassigned planes and private use.
    static let skipped: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x17000...0x187FF,
        0x18D00...0x18D8F, 0x20000...0x323AF, 0x40000...0xDFFFF, 0xF0000...0x10FFFF,
    ]
    /// Names read so far. A lookup reads the code space a block at a time until it finds the
    /// name (most escapes name a character early in it: Latin, Greek, punctuation), so a file
    /// with one `\N{EM DASH}` does not pay for reading every name; what is read stays.
    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var names: [String: UInt32] = [:]
        var next: UInt32 = 0
        var skipIndex = 0

        func find(_ name: String) -> UInt32? {
            lock.lock()
            defer { lock.unlock() }
            if let v = names[name] { return v }
            while next <= 0x10FFFF {
                let end = min(next &+ 0x1000, 0x110000)
                var v = next
                while v < end {
                    if skipIndex < skipped.count && v >= skipped[skipIndex].lowerBound {
                        v = skipped[skipIndex].upperBound &+ 1; skipIndex += 1; continue
                    }
                    if let sc = Unicode.Scalar(v) {
                        let pr = sc.properties
                        if let n = pr.name { names[n] = v }
                        if let a = pr.nameAlias { names[a] = v }
                    }
                    v += 1
                }
                next = max(v, end)
                if let v = names[name] { return v }
            }
            return nil
        }
    }
    private static let table = Table()

    static func lookup(_ name: String) -> UInt32? {
        let up = name.uppercased()
        // NAME-HEX algorithmic names (CJK UNIFIED IDEOGRAPH-4E00, TANGUT IDEOGRAPH-17000, …)
        if up.hasPrefix("CJK UNIFIED IDEOGRAPH-") || up.hasPrefix("CJK COMPATIBILITY IDEOGRAPH-"),
           let dash = up.lastIndex(of: "-"), let v = UInt32(up[up.index(after: dash)...], radix: 16),
           let sc = Unicode.Scalar(v), sc.properties.name == up {
            return v
        }
        if up.hasPrefix("HANGUL SYLLABLE ") {
            var v: UInt32 = 0xAC00
            while v <= 0xD7A3 {
                if let sc = Unicode.Scalar(v), sc.properties.name == up { return v }
                v += 1
            }
            return nil
        }
        return table.find(up)
    }
}

/// The value of a str literal while it is decoded: UTF-8 bytes, or code points once an escape
/// made a lone surrogate (which UTF-8 cannot hold; Python strings can).
struct StrBuilder {
    var utf8: [UInt8] = []
    var wide: [UInt32]? = nil

    var isEmpty: Bool { wide?.isEmpty ?? utf8.isEmpty }

    @inline(__always) mutating func append(ascii c: UInt8) {
        if wide != nil { wide!.append(UInt32(c)) } else { utf8.append(c) }
    }

    /// Appends valid UTF-8.
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        if wide == nil { utf8.append(contentsOf: bytes); return }
        var i = 0
        while i < bytes.count {
            guard let (v, len) = decodeUTF8(bytes, i, bytes.count) else { break }
            wide!.append(v); i += len
        }
    }

    mutating func append(scalar v: UInt32) {
        if wide != nil { wide!.append(v); return }
        if let scalar = Unicode.Scalar(v) {
            UTF8.encode(scalar) { utf8.append($0) }
        } else {
            widen()  // a lone surrogate
            wide!.append(v)
        }
    }

    mutating func append(_ other: StrBuilder) {
        if let w = other.wide {
            widen()
            wide!.append(contentsOf: w)
        } else {
            other.utf8.withUnsafeBufferPointer { append(bytes: $0) }
        }
    }

    /// Switches to code points (once).
    private mutating func widen() {
        guard wide == nil else { return }
        wide = String(decoding: utf8, as: UTF8.self).unicodeScalars.map { $0.value }
        utf8 = []
    }

    func make() -> PyStr {
        if let w = wide { return PyStr(scalars: w) }
        return PyStr(String(decoding: utf8, as: UTF8.self))
    }
}
