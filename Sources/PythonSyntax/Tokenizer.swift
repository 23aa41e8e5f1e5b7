/// Tokenizer over UTF-8 bytes, modelled on CPython's `Parser/tokenizer.c`.
struct Tokenizer {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    let filename: String
    var p = 0
    var line: Int32 = 1
    var lineStart = 0
    var tokens: TokenBuffer
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var parens: [(ch: UInt8, line: Int32, col: Int32)] = []
    var atBOL = true
    var contLine = false
    /// Invalid UTF-8 at a later line: the tokenizer stops (with this error) at the start of that line,
    /// like CPython which decodes line by line.
    var limitError: SyntaxError? = nil
    /// Work budget (scan steps) for PEP 701 speculative f-string scans that may be retried with
    /// 3.11 rules; once spent, only the 3.11 reading is used (keeps adversarial input linear).
    var pep701Budget = 0
    var scanSteps = 0
    /// Whether the current (top-level) f-string scan allows newlines inside replacement fields.
    var fstringNL = false

    init(_ b: UnsafeBufferPointer<UInt8>, filename: String) {
        self.b = b; self.n = b.count; self.filename = filename
        pep701Budget = 8 * b.count + 100_000
        tokens = TokenBuffer(capacity: b.count / 4 + 16)
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { i < n ? b[i] : 0 }

    func err(_ msg: String, line: Int32, col: Int, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        SyntaxError(kind: kind, message: msg, filename: filename, line: Int(line), column: max(0, col))
    }
    func errHere(_ msg: String, _ pos: Int) -> SyntaxError { err(msg, line: line, col: pos - lineStart) }

    @inline(__always) mutating func newline(at q: Int) -> Int {
        // q points at \r or \n; returns index after the line end and bumps line counter
        var r = q + 1
        if b[q] == 13 && r < n && b[r] == 10 { r += 1 }
        line += 1; lineStart = r
        return r
    }

    @inline(__always) mutating func add(_ k: T, _ s: Int, _ e: Int) {
        let c = Int32(s - lineStart)
        tokens.append(Token(kind: k, start: Int32(s), end: Int32(e), line: line, col: c, endLine: line, endCol: Int32(e - lineStart), level: Int32(parens.count)))
    }

    /// How a tokenizer error interacts with parser errors (CPython 3.11 semantics):
    /// `.pyErr` errors (set via `syntaxerror()`) win over earlier parser errors; `.unclosed` wins only
    /// when the open bracket is on an earlier line than the parser error; `.errToken` only when reached.
    enum ErrClass { case pyErr, unclosed, errToken }
    var pending: (SyntaxError, ErrClass)? = nil
    /// Innermost open bracket when the error happened.
    var pendingParen: (ch: UInt8, line: Int32, col: Int32)? = nil

    /// Tokenizes everything; on error keeps the tokens so far, appends an ENDMARKER sentinel and
    /// records the error in `pending`.
    mutating func runCollecting() -> TokenBuffer {
        do {
            return try run()
        } catch {
            let cls: ErrClass
            if error.message.hasSuffix("was never closed") { cls = .unclosed }
            else if error.kind == .indentationError || error.kind == .tabError || error.message == "unexpected EOF while parsing" || error.message.hasPrefix("(unicode error) 'utf-8'")
                        || error.message == "unexpected character after line continuation character" { cls = .errToken }
            else { cls = .pyErr }
            pending = (error, cls)
            pendingParen = parens.last
            let e = min(p, n)
            tokens.append(Token(kind: .endmarker, start: Int32(e), end: Int32(e), line: line, col: Int32(e - lineStart), endLine: line, endCol: Int32(e - lineStart)))
            return tokens
        }
    }

    mutating func run() throws(SyntaxError) -> TokenBuffer {
        while true {
            if atBOL {
                atBOL = false
                if try indentation() { continue }
            }
            // skip whitespace
            var q = p
            while q < n {
                let c = b[q]
                if c == 32 || c == 9 || c == 12 { q &+= 1 } else { break }
            }
            p = q
            if p >= n {
                if let le = limitError { throw le }
                try finish(); return tokens
            }
            let c = b[p]
            let s = p
            switch c {
            case UInt8(ascii: "#"):
                var q = p
                while q < n && b[q] != 10 && b[q] != 13 { q &+= 1 }
                p = q
                continue
            case 10, 13:
                if parens.isEmpty && !lastIsNewlineOrStart() {
                    let e = (c == 13 && at(p + 1) == 10) ? p + 2 : p + 1
                    add(.newline, s, e)
                }
                p = newline(at: p)
                if parens.isEmpty { atBOL = true }
                contLine = false
                continue
            case UInt8(ascii: "\\"):
                let q = p + 1
                if q < n && (b[q] == 10 || b[q] == 13) {
                    p = newline(at: q)
                    if p >= n { throw err("unexpected EOF while parsing", line: line - 1, col: q - 1 - lineStart) }
                    contLine = true
                    continue
                }
                throw errHere("unexpected character after line continuation character", p)
            default: break
            }
            contLine = false
            if isIdentStart(c) {
                try nameOrString()
                continue
            }
            if c >= 48 && c <= 57 || (c == 46 && at(p + 1) >= 48 && at(p + 1) <= 57) {
                try number()
                continue
            }
            if c == 34 || c == 39 {
                try string(prefixStart: p, isF: false, isRaw: false, isBytes: false)
                continue
            }
            try op()
        }
    }

    func lastIsNewlineOrStart() -> Bool {
        guard let k = tokens.lastKind else { return true }
        return k == .newline || k == .indent || k == .dedent
    }

    @inline(__always) func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c >= 128
    }
    @inline(__always) func isIdentChar(_ c: UInt8) -> Bool {
        // One bit per ASCII byte: `0-9` in the low word, `A-Z`, `_` and `a-z` in the high one.
        if c >= 128 { return true }
        let digits: UInt64 = 0x03FF_0000_0000_0000, letters: UInt64 = 0x07FF_FFFE_87FF_FFFE
        return ((c < 64 ? digits : letters) >> UInt64(c & 63)) & 1 != 0
    }

    /// Handles indentation at the beginning of a logical line. Returns true if the line was blank.
    mutating func indentation() throws(SyntaxError) -> Bool {
        var col = 0, alt = 0
        var q = p
        // Spaces only (the usual indentation) first; tabs and form feeds take the loop below.
        while q < n && b[q] == 32 { q &+= 1 }
        col = q - p; alt = col
        while q < n {
            let c = b[q]
            if c == 32 { col += 1; alt += 1 }
            else if c == 9 { col = (col / 8 + 1) * 8; alt += 1 }
            else if c == 12 { col = 0; alt = 0 }
            else { break }
            q += 1
        }
        p = q
        if q >= n { return false }
        let c = b[q]
        if c == UInt8(ascii: "#") || c == 10 || c == 13 {
            // blank line / comment-only line
            while p < n && b[p] != 10 && b[p] != 13 { p += 1 }
            if p < n { p = newline(at: p); atBOL = true }
            return true
        }
        if c == UInt8(ascii: "\\") {
            // a line continuation at the start of a line is part of the line's indentation check as usual
        }
        let top = indents[indents.count - 1]
        if col == top {
            if alt != altIndents[altIndents.count - 1] { throw err("inconsistent use of tabs and spaces in indentation", line: line, col: q - lineStart, kind: .tabError) }
        } else if col > top {
            if indents.count >= 100 { throw err("too many levels of indentation", line: line, col: q - lineStart, kind: .indentationError) }
            if alt <= altIndents[altIndents.count - 1] { throw err("inconsistent use of tabs and spaces in indentation", line: line, col: q - lineStart, kind: .tabError) }
            indents.append(col); altIndents.append(alt)
            tokens.append(Token(kind: .indent, start: Int32(lineStart), end: Int32(q), line: line, col: 0, endLine: line, endCol: Int32(q - lineStart)))
        } else {
            while indents.count > 1 && col < indents[indents.count - 1] {
                indents.removeLast(); altIndents.removeLast()
                tokens.append(Token(kind: .dedent, start: Int32(q), end: Int32(q), line: line, col: Int32(q - lineStart), endLine: line, endCol: Int32(q - lineStart)))
            }
            if col != indents[indents.count - 1] { throw err("unindent does not match any outer indentation level", line: line, col: q - lineStart, kind: .indentationError) }
            if alt != altIndents[altIndents.count - 1] { throw err("inconsistent use of tabs and spaces in indentation", line: line, col: q - lineStart, kind: .tabError) }
        }
        return false
    }

    mutating func finish() throws(SyntaxError) {
        if let open = parens.last {
            throw err("'\(Character(Unicode.Scalar(open.ch)))' was never closed", line: open.line, col: Int(open.col))
        }
        if contLine { throw err("unexpected EOF while parsing", line: line, col: 0) }
        if !lastIsNewlineOrStart() { add(.newline, n, n) }
        // CPython puts the EOF tokens on the last line read (end of its content).
        if n > 0 && lineStart == n && line > 1 {
            var e = n - 1
            if b[e] == 10 && e > 0 && b[e - 1] == 13 { e -= 1 }
            var st = e
            while st > 0 && b[st - 1] != 10 && b[st - 1] != 13 { st -= 1 }
            line -= 1
            lineStart = st
            p = e
        }
        let q = min(p, n)
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, q, q)
        }
        add(.endmarker, q, q)
    }

    mutating func nameOrString() throws(SyntaxError) {
        let s = p
        // string prefix? (only names starting with b, r, u or f can be one)
        var q = p
        var sawB = false, sawR = false, sawU = false, sawF = false
        let first = b[q] | 0x20
        let mayBePrefix = first == UInt8(ascii: "b") || first == UInt8(ascii: "r") || first == UInt8(ascii: "u") || first == UInt8(ascii: "f")
        while mayBePrefix && q < n {
            let c = b[q] | 0x20
            if c == UInt8(ascii: "b") && !sawB && !sawU && !sawF { sawB = true }
            else if c == UInt8(ascii: "r") && !sawR && !sawU { sawR = true }
            else if c == UInt8(ascii: "u") && !sawB && !sawR && !sawF && !sawU { sawU = true }
            else if c == UInt8(ascii: "f") && !sawF && !sawB && !sawU { sawF = true }
            else { break }
            q += 1
            if q < n && (b[q] == 34 || b[q] == 39) {
                p = q
                try string(prefixStart: s, isF: sawF, isRaw: sawR, isBytes: sawB)
                return
            }
        }
        var nonASCII = false
        var e = p
        while e < n {
            let c = b[e]
            if c >= 128 { nonASCII = true } else if !isIdentChar(c) { break }
            e &+= 1
        }
        p = e
        if nonASCII { try verifyIdentifier(s, p) }
        let k = (p - s <= 8) ? keywordKind(b, s, p - s) : .name
        add(k, s, p)
    }

    func verifyIdentifier(_ s: Int, _ e: Int) throws(SyntaxError) {
        var i = s
        var first = true
        while i < e {
            guard let (v, len) = decodeUTF8(b, i, e) else {
                throw errHere("invalid character in identifier", i)
            }
            let scalar = Unicode.Scalar(v)
            let ok: Bool
            if let sc = scalar {
                if v < 128 { ok = isIdentChar(UInt8(v)) && !(first && v >= 48 && v <= 57) }
                else { ok = first ? (sc.properties.isXIDStart || isOtherIDStart(v)) : (sc.properties.isXIDContinue || isOtherIDStart(v)) }
            } else { ok = false }
            if !ok {
                if let sc = scalar, pyIsPrintable(v) {
                    throw errHere("invalid character '\(Character(sc))' (U+\(hex4(v)))", i)
                }
                throw errHere("invalid non-printable character U+\(hex4(v))", i)
            }
            first = false
            i += len
        }
    }

    func isOtherIDStart(_ v: UInt32) -> Bool { v == 0x2118 || v == 0x212E || v == 0x309B || v == 0x309C || v == 0x1885 || v == 0x1886 }

    mutating func number() throws(SyntaxError) {
        let s = p
        var isFloat = false
        @inline(__always) func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func decimalTail(_ q: inout Int) throws(SyntaxError) {
            while true {
                while q < n && digit(b[q]) { q += 1 }
                if q < n && b[q] == 95 {
                    q += 1
                    if !(q < n && digit(b[q])) { throw errHere("invalid decimal literal", q - 1) }
                } else { break }
            }
        }
        func fractionAndExp(_ q: inout Int) throws(SyntaxError) {
            if q < n && b[q] == 46 {
                q += 1; isFloat = true
                if q < n && digit(b[q]) { try decimalTail(&q) }
            }
            if q < n && (b[q] | 0x20) == UInt8(ascii: "e") {
                var r = q + 1
                if r < n && (b[r] == 43 || b[r] == 45) { r += 1 }
                if r < n && digit(b[r]) {
                    q = r; try decimalTail(&q); isFloat = true
                } else {
                    // `1e` followed by something: invalid
                    throw errHere("invalid decimal literal", q)
                }
            }
            if q < n && (b[q] | 0x20) == UInt8(ascii: "j") { q += 1 }
        }
        var q = p
        if b[q] == 48 && q + 1 < n && ((b[q + 1] | 0x20) == UInt8(ascii: "x") || (b[q + 1] | 0x20) == UInt8(ascii: "o") || (b[q + 1] | 0x20) == UInt8(ascii: "b")) {
            let kch = b[q + 1] | 0x20
            q += 2
            let name = kch == UInt8(ascii: "x") ? "hexadecimal" : kch == UInt8(ascii: "o") ? "octal" : "binary"
            func ok(_ c: UInt8) -> Bool {
                switch kch {
                case UInt8(ascii: "x"): return digit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102)
                case UInt8(ascii: "o"): return c >= 48 && c <= 55
                default: return c == 48 || c == 49
                }
            }
            var any = false
            while true {
                if q < n && b[q] == 95 { q += 1 }
                if q < n && ok(b[q]) {
                    while q < n && ok(b[q]) { q += 1 }
                    any = true
                } else {
                    if q < n && digit(b[q]) { throw errHere("invalid digit '\(Character(Unicode.Scalar(b[q])))' in \(name) literal", q) }
                    throw errHere("invalid \(name) literal", q)
                }
                if !(q < n && b[q] == 95) { break }
            }
            _ = any
            if q < n && digit(b[q]) { throw errHere("invalid digit '\(Character(Unicode.Scalar(b[q])))' in \(name) literal", q) }
            try verifyEnd(q, name)
        } else if b[q] == 48 {
            // leading zero
            var nonzero = false
            while true {
                while q < n && b[q] == 48 { q += 1 }
                if q < n && b[q] == 95 {
                    q += 1
                    if !(q < n && digit(b[q])) { throw errHere("invalid decimal literal", q - 1) }
                } else { break }
            }
            if q < n && digit(b[q]) { nonzero = true; try decimalTail(&q) }
            let c = at(q)
            if c == 46 || (c | 0x20) == UInt8(ascii: "e") || (c | 0x20) == UInt8(ascii: "j") {
                try fractionAndExp(&q)
            } else if nonzero {
                throw err("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line: line, col: s - lineStart)
            }
            try verifyEnd(q, "decimal")
        } else if b[q] == 46 {
            try fractionAndExp(&q)
            try verifyEnd(q, "decimal")
        } else {
            try decimalTail(&q)
            try fractionAndExp(&q)
            try verifyEnd(q, "decimal")
        }
        _ = isFloat
        p = q
        add(.number, s, q)
    }

    func verifyEnd(_ q: Int, _ name: String) throws(SyntaxError) {
        guard q < n, isIdentStart(b[q]) else { return }
        // 3.11: keywords directly after a number are accepted (with a DeprecationWarning)
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            let u = Array(kw.utf8)
            if q + u.count <= n {
                var m = true
                for i in 0..<u.count where b[q + i] != u[i] { m = false; break }
                if m { return }
            }
        }
        throw errHere("invalid \(name) literal", q)
    }

    mutating func string(prefixStart s: Int, isF: Bool, isRaw: Bool, isBytes: Bool) throws(SyntaxError) {
        let startLine = line
        let startCol = s - lineStart
        let end = try scanString(from: p, isF: isF, isRaw: isRaw, startLine: startLine, startCol: startCol, depth: 0)
        p = end
        tokens.append(Token(kind: .string, start: Int32(s), end: Int32(end), line: startLine, col: Int32(startCol), endLine: line, endCol: Int32(end - lineStart), level: Int32(parens.count)))
    }

    /// q points at the opening quote. Returns index after the closing quote.
    mutating func scanString(from q0: Int, isF: Bool, isRaw: Bool, startLine: Int32, startCol: Int, depth: Int) throws(SyntaxError) -> Int {
        var q = q0
        let quote = b[q]
        var triple = false
        if at(q + 1) == quote && at(q + 2) == quote { triple = true; q += 3 } else { q += 1 }
        if isF {
            if depth > 20 || StackGuard.sp() < StackGuard.limit() { throw err("too many nested f-strings", line: startLine, col: startCol) }
            if depth > 0 || triple {
                return try scanFBody(q, quote: quote, triple: triple, startLine: startLine, startCol: startCol, depth: depth, allowNL: fstringNL)
            }
            // Top-level single-quoted f-string: PEP 701 allows newlines inside replacement fields;
            // if that reading fails, fall back to 3.11 (a newline ends the literal: unterminated).
            if pep701Budget > 0 {
                let saveLine = line, saveLineStart = lineStart, before = scanSteps
                fstringNL = true
                do throws(SyntaxError) {
                    let r = try scanFBody(q, quote: quote, triple: false, startLine: startLine, startCol: startCol, depth: depth, allowNL: true)
                    fstringNL = false
                    return r
                } catch {
                    fstringNL = false
                    pep701Budget -= scanSteps - before
                    line = saveLine; lineStart = saveLineStart
                }
            }
            return try scanFBody(q, quote: quote, triple: false, startLine: startLine, startCol: startCol, depth: depth, allowNL: false)
        }
        while true {
            scanSteps &+= 1
            if q >= n { throw unterminated(triple, startLine, startCol) }
            let c = b[q]
            if c == quote {
                if !triple { return q + 1 }
                if at(q + 1) == quote && at(q + 2) == quote { return q + 3 }
                q += 1
            } else if c == 92 {
                q += 1
                if q < n && (b[q] == 10 || b[q] == 13) { q = newline(at: q) } else { q += 1 }
            } else if c == 10 || c == 13 {
                if !triple { throw unterminated(triple, startLine, startCol) }
                q = newline(at: q)
            } else { q += 1 }
        }
    }

    func unterminated(_ triple: Bool, _ startLine: Int32, _ startCol: Int) -> SyntaxError {
        if let le = limitError { return le }
        if triple {
            let detected = (lineStart == n && line > 1) ? line - 1 : line
            return err("unterminated triple-quoted string literal (detected at line \(detected))", line: startLine, col: startCol)
        }
        return err("unterminated string literal (detected at line \(line))", line: startLine, col: startCol)
    }

    /// Scans an f-string body (PEP 701 aware: replacement fields may contain nested strings).
    mutating func scanFBody(_ q0: Int, quote: UInt8, triple: Bool, startLine: Int32, startCol: Int, depth: Int, allowNL: Bool) throws(SyntaxError) -> Int {
        var q = q0
        // mode stack: 0 = literal (top), 1 = format spec, >= 2 = expression (value - 2 = bracket depth)
        var modes: [Int] = [0]
        while true {
            scanSteps &+= 1
            if q >= n { throw unterminated(triple, startLine, startCol) }
            let c = b[q]
            let mode = modes[modes.count - 1]
            if c == 10 || c == 13 {
                if !triple && !(allowNL && mode > 2) { throw unterminated(triple, startLine, startCol) }
                q = newline(at: q); continue
            }
            if mode < 2 {
                if c == quote {
                    if !triple { return q + 1 }
                    if at(q + 1) == quote && at(q + 2) == quote { return q + 3 }
                    q += 1; continue
                }
                if c == 92 {
                    q += 1
                    if q < n && (b[q] == 10 || b[q] == 13) { q = newline(at: q) } else if q < n && b[q] != 123 && b[q] != 125 { q += 1 }
                    continue
                }
                if c == 123 {
                    if mode == 0 && at(q + 1) == 123 { q += 2; continue }
                    modes.append(2); q += 1; continue
                }
                if c == 125 {
                    if mode == 1 { modes.removeLast(); q += 1; continue }
                    q += (at(q + 1) == 125) ? 2 : 1; continue
                }
                q += 1; continue
            }
            // expression mode
            switch c {
            case 34, 39:
                // nested string: find its prefix
                var r = q
                var f = false, raw = false
                while r > q0 && isIdentChar(b[r - 1]) { r -= 1 }
                if q - r <= 2 {
                    var okPrefix = true
                    for i in r..<q {
                        let l = b[i] | 0x20
                        if l == UInt8(ascii: "f") { f = true } else if l == UInt8(ascii: "r") { raw = true } else if l == UInt8(ascii: "b") || l == UInt8(ascii: "u") {} else { okPrefix = false }
                    }
                    if !okPrefix { f = false; raw = false }
                }
                if c == quote && (!triple || (at(q + 1) == quote && at(q + 2) == quote)) {
                    // PEP 701 allows reusing the outer quote inside a replacement field; if that does
                    // not yield a terminated nested string, fall back to 3.11: the quote ends the f-string.
                    if pep701Budget <= 0 { return q + (triple ? 3 : 1) }
                    let saveLine = line, saveLineStart = lineStart, before = scanSteps
                    do throws(SyntaxError) {
                        q = try scanString(from: q, isF: f, isRaw: raw, startLine: line, startCol: q - lineStart, depth: depth + 1)
                    } catch {
                        pep701Budget -= scanSteps - before
                        line = saveLine; lineStart = saveLineStart
                        return q + (triple ? 3 : 1)
                    }
                    continue
                }
                q = try scanString(from: q, isF: f, isRaw: raw, startLine: line, startCol: q - lineStart, depth: depth + 1)
                continue
            case 40, 91, 123:
                modes[modes.count - 1] += 1
            case 41, 93:
                if mode > 2 { modes[modes.count - 1] -= 1 }
            case 125:
                if mode > 2 { modes[modes.count - 1] -= 1 } else {
                    modes.removeLast()
                    // closing a field that was opened in a format spec returns to the spec
                }
            case 35:
                // PEP 701: comments inside replacement fields run to the end of the line
                while q < n && b[q] != 10 && b[q] != 13 { q += 1 }
                continue
            case 58:
                if mode == 2 { modes[modes.count - 1] = 1 }
            case 92:
                q += 1
                if q < n && (b[q] == 10 || b[q] == 13) { q = newline(at: q); continue }
            default: break
            }
            q += 1
        }
    }

    mutating func op() throws(SyntaxError) {
        let s = p
        let c = b[p]
        let c1 = at(p + 1), c2 = at(p + 2)
        var k: T
        var len = 1
        switch c {
        case UInt8(ascii: "("): k = .lpar
        case UInt8(ascii: ")"): k = .rpar
        case UInt8(ascii: "["): k = .lsqb
        case UInt8(ascii: "]"): k = .rsqb
        case UInt8(ascii: "{"): k = .lbrace
        case UInt8(ascii: "}"): k = .rbrace
        case UInt8(ascii: ":"): if c1 == 61 { k = .colonequal; len = 2 } else { k = .colon }
        case UInt8(ascii: ","): k = .comma
        case UInt8(ascii: ";"): k = .semi
        case UInt8(ascii: "+"): if c1 == 61 { k = .plusequal; len = 2 } else { k = .plus }
        case UInt8(ascii: "-"): if c1 == 61 { k = .minequal; len = 2 } else if c1 == 62 { k = .rarrow; len = 2 } else { k = .minus }
        case UInt8(ascii: "*"):
            if c1 == 42 { if c2 == 61 { k = .doublestarequal; len = 3 } else { k = .doublestar; len = 2 } }
            else if c1 == 61 { k = .starequal; len = 2 } else { k = .star }
        case UInt8(ascii: "/"):
            if c1 == 47 { if c2 == 61 { k = .doubleslashequal; len = 3 } else { k = .doubleslash; len = 2 } }
            else if c1 == 61 { k = .slashequal; len = 2 } else { k = .slash }
        case UInt8(ascii: "|"): if c1 == 61 { k = .vbarequal; len = 2 } else { k = .vbar }
        case UInt8(ascii: "&"): if c1 == 61 { k = .amperequal; len = 2 } else { k = .amper }
        case UInt8(ascii: "<"):
            if c1 == 60 { if c2 == 61 { k = .leftshiftequal; len = 3 } else { k = .leftshift; len = 2 } }
            else if c1 == 61 { k = .lessequal; len = 2 } else if c1 == 62 { k = .notequal; len = 2 } else { k = .less }
        case UInt8(ascii: ">"):
            if c1 == 62 { if c2 == 61 { k = .rightshiftequal; len = 3 } else { k = .rightshift; len = 2 } }
            else if c1 == 61 { k = .greaterequal; len = 2 } else { k = .greater }
        case UInt8(ascii: "="): if c1 == 61 { k = .eqequal; len = 2 } else { k = .equal }
        case UInt8(ascii: "."): if c1 == 46 && c2 == 46 { k = .ellipsis; len = 3 } else { k = .dot }
        case UInt8(ascii: "%"): if c1 == 61 { k = .percentequal; len = 2 } else { k = .percent }
        case UInt8(ascii: "~"): k = .tilde
        case UInt8(ascii: "^"): if c1 == 61 { k = .circumflexequal; len = 2 } else { k = .circumflex }
        case UInt8(ascii: "@"): if c1 == 61 { k = .atequal; len = 2 } else { k = .at }
        case UInt8(ascii: "!"): if c1 == 61 { k = .notequal; len = 2 } else { k = .exclamation }
        default:
            if c == 0 { throw SyntaxError(kind: .syntaxError, message: "source code cannot contain null bytes", filename: filename, line: Int(line), column: s - lineStart) }
            if c == UInt8(ascii: "$") || c == UInt8(ascii: "?") || c == UInt8(ascii: "`") {
                p += 1
                add(.errorOp, s, p)
                return
            }
            throw errHere("invalid non-printable character U+\(hex4(UInt32(c)))", s)
        }
        p += len
        let levelBefore = Int32(parens.count)
        switch k {
        case .lpar, .lsqb, .lbrace:
            if parens.count >= 200 { throw errHere("too many nested parentheses", s) }
            parens.append((c, line, Int32(s - lineStart)))
        case .rpar, .rsqb, .rbrace:
            guard let open = parens.popLast() else {
                throw errHere("unmatched '\(Character(Unicode.Scalar(c)))'", s)
            }
            let want: UInt8 = open.ch == 40 ? 41 : open.ch == 91 ? 93 : 125
            if want != c {
                if open.line != line {
                    throw errHere("closing parenthesis '\(Character(Unicode.Scalar(c)))' does not match opening parenthesis '\(Character(Unicode.Scalar(open.ch)))' on line \(open.line)", s)
                }
                throw errHere("closing parenthesis '\(Character(Unicode.Scalar(c)))' does not match opening parenthesis '\(Character(Unicode.Scalar(open.ch)))'", s)
            }
        default: break
        }
        add(k, s, p)
        tokens.setLastLevel(levelBefore)
    }
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
}

/// Decodes one UTF-8 scalar at i (must be < e). Returns nil for invalid sequences.
@inline(__always) func decodeUTF8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> (UInt32, Int)? {
    let c0 = UInt32(b[i])
    if c0 < 0x80 { return (c0, 1) }
    @inline(__always) func cont(_ k: Int) -> UInt32? {
        guard i + k < e else { return nil }
        let c = b[i + k]
        return (c & 0xC0) == 0x80 ? UInt32(c & 0x3F) : nil
    }
    if c0 >= 0xC2 && c0 <= 0xDF {
        guard let c1 = cont(1) else { return nil }
        return ((c0 & 0x1F) << 6 | c1, 2)
    }
    if c0 >= 0xE0 && c0 <= 0xEF {
        guard let c1 = cont(1), let c2 = cont(2) else { return nil }
        let v = (c0 & 0x0F) << 12 | c1 << 6 | c2
        if v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) { return nil }
        return (v, 3)
    }
    if c0 >= 0xF0 && c0 <= 0xF4 {
        guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return nil }
        let v = (c0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
        if v < 0x10000 || v > 0x10FFFF { return nil }
        return (v, 4)
    }
    return nil
}

/// The tokens as they are made, appended without the copy-on-write checks of an `Array` (the
/// tokenizer's innermost step), and read by the parser in place.
final class TokenBuffer {
    private var base: UnsafeMutablePointer<Token>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }  // Token is a trivial type: nothing to deinitialize

    @inline(__always) func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count &+= 1
    }

    var lastKind: T? { count > 0 ? base[count - 1].kind : nil }

    func setLastLevel(_ level: Int32) { if count > 0 { base[count - 1].level = level } }

    @inline(__always) subscript(i: Int) -> Token {
        get {
            precondition(i >= 0 && i < count, "token index out of range")
            return base[i]
        }
        set {
            precondition(i >= 0 && i < count, "token index out of range")
            base[i] = newValue
        }
    }

    var indices: Range<Int> { 0..<count }

    private func grow() {
        let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
