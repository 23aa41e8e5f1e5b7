import Foundation

/// Python tokenizer and parser whose tree mirrors CPython's `ast` module.
///
/// - Input: the raw bytes of a `.py` file (BOM, PEP 263 cookie, CRLF/CR line ends handled).
/// - `parseModule(bytes:filename:)` returns a `ParsedModule` (typed AST + decoded source) or throws
///   a `SyntaxError` (CPython-like message, 1-based `line`, 0-based byte `column`).
/// - `dumpAST(...)` prints exactly what CPython 3.11's
///   `ast.dump(ast.parse(src), include_attributes=...)` prints. Python 3.12+ syntax (PEP 695
///   type parameters and `type` aliases, PEP 696 defaults, PEP 701 nested f-string quotes) is
///   accepted; the 3.12 nodes/fields (`TypeAlias`, `TypeVar`, `type_params=`) appear in the dump
///   only when that syntax is used.
/// - Positions: `Loc` has CPython's lineno/col_offset/end_lineno/end_col_offset (UTF-8 byte
///   columns) plus the byte range in `ParsedModule.source`.
/// - Walking: `Module.walk { node in ...; return true }` (iterative pre-order), `Node.forEachChild`.
/// - Safety: no recursion beyond what the current thread's stack allows (deep input gives a
///   `SyntaxError` of kind `.recursionError`), 200-level bracket limit like CPython's tokenizer.
///
/// ```swift
/// let pm = try parseModule(bytes: Array(source.utf8), filename: "x.py")
/// pm.module.walk { node in
///     if case .expr(let e) = node, case .call(let fn, _, _) = e.kind { print(pm.text(of: fn.loc), e.loc.lineno) }
///     return true
/// }
/// print(try dumpAST(bytes: bytes, includeAttributes: false))
/// ```
public enum PythonSyntax {
    /// Parses a Python source file (raw bytes as read from disk).
    public static func parse(_ bytes: [UInt8], filename: String = "<unknown>") throws(SyntaxError) -> ParsedModule {
        try parseModule(bytes: bytes, filename: filename)
    }
    /// Exactly `ast.dump(ast.parse(bytes), include_attributes=...)` of CPython 3.11.
    public static func dump(_ bytes: [UInt8], filename: String = "<unknown>", includeAttributes: Bool = true) throws(SyntaxError) -> String {
        try dumpAST(bytes: bytes, filename: filename, includeAttributes: includeAttributes)
    }
}

/// A parsed module with the decoded source and its source map.
public struct ParsedModule: Sendable {
    public let module: Module
    /// UTF-8 source the positions refer to (BOM removed, transcoded from the PEP 263 encoding).
    public let source: [UInt8]
    public let filename: String
    /// Whether an identifier is spelt with non-ASCII characters. When not, every name in the
    /// tree appears as such in `source` (a byte search for a name cannot miss it).
    public var hasNonASCIIIdentifiers = false
    /// Line table for the source (built on each access: keep the value if you need it often).
    public var sourceMap: SourceMap { SourceMap(source) }
}

/// Parses Python source bytes. Throws `SyntaxError` for anything CPython's `ast.parse` rejects.
public func parseModule(bytes: [UInt8], filename: String = "<unknown>") throws(SyntaxError) -> ParsedModule {
    // positions are stored as Int32 (and latin-1 input may double in size when transcoded)
    guard bytes.count < Int(Int32.max) / 2 else {
        throw SyntaxError(kind: .valueError, message: "source code too large", filename: filename, line: 0, column: 0)
    }
    var utf8Error: (SyntaxError, Int)? = nil
    let src = try decodeSource(bytes, filename: filename, utf8Error: &utf8Error)
    var nonASCIINames = false
    let module: Module = try src.withUnsafeBufferPointer { (full) throws(SyntaxError) -> Module in
        var buf = full
        if let (_, cut) = utf8Error { buf = UnsafeBufferPointer(rebasing: full[0..<cut]) }
        var tk = Tokenizer(buf, filename: filename)
        tk.limitError = utf8Error?.0
        let toks = tk.runCollecting()
        let parser = Parser(buf, tokens: toks, filename: filename)
        guard let (tokErr, cls) = tk.pending else {
            let module = try parser.parseModule()
            nonASCIINames = parser.sawNonASCIIName
            return module
        }
        do throws(SyntaxError) {
            _ = try parser.parseModule()
        } catch {
            let reachedEnd = parser.maxP >= toks.count - 1 && error.line >= Int(toks[toks.count - 1].line)
            if reachedEnd { throw tokErr }
            // generic IndentationErrors raised for an INDENT/DEDENT token are not overridden
            if error.message == "unexpected indent" || error.message == "unexpected unindent" { throw error }
            switch cls {
            case .pyErr: throw tokErr
            case .unclosed: if tokErr.line < error.line { throw tokErr }
            case .errToken:
                if let open = tk.pendingParen, Int(open.line) < error.line {
                    throw SyntaxError(message: "'\(Character(Unicode.Scalar(open.ch)))' was never closed", filename: filename, line: Int(open.line), column: Int(open.col))
                }
            }
            throw error
        }
        throw tokErr
    }
    var parsed = ParsedModule(module: module, source: src, filename: filename)
    parsed.hasNonASCIIIdentifiers = nonASCIINames
    return parsed
}

/// `ast.dump(tree, include_attributes=...)` as CPython 3.11 prints it.
public func dumpAST(_ module: Module, includeAttributes: Bool = true) -> String {
    var d = Dumper(attrs: includeAttributes)
    d.module(module)
    return String(decoding: d.o, as: UTF8.self)
}

/// Parses and dumps in one go (what `autosafecoder debug ast FILE` prints).
public func dumpAST(bytes: [UInt8], filename: String = "<unknown>", includeAttributes: Bool = true) throws(SyntaxError) -> String {
    dumpAST(try parseModule(bytes: bytes, filename: filename).module, includeAttributes: includeAttributes)
}

/// Dumps a single expression / statement (debugging helper).
public func dumpNode(_ e: Expr, includeAttributes: Bool = true) -> String {
    var d = Dumper(attrs: includeAttributes); d.expr(e); return String(decoding: d.o, as: UTF8.self)
}
public func dumpNode(_ s: Stmt, includeAttributes: Bool = true) -> String {
    var d = Dumper(attrs: includeAttributes); d.stmt(s); return String(decoding: d.o, as: UTF8.self)
}

// MARK: source decoding (BOM, PEP 263 cookie, UTF-8 validation, NUL bytes)

func decodeSource(_ raw: [UInt8], filename: String, utf8Error: inout (SyntaxError, Int)?) throws(SyntaxError) -> [UInt8] {
    var bytes = raw
    var hadBOM = false
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
        bytes.removeFirst(3); hadBOM = true
    }
    if bytes.withUnsafeBytes({ $0.isEmpty ? nil : memchr($0.baseAddress!, 0, $0.count) }) != nil {
        var line = 1
        for c in bytes { if c == 0 { break }; if c == 10 { line += 1 } }
        throw SyntaxError(kind: .syntaxError, message: "source code string cannot contain null bytes", filename: filename, line: line, column: 0)
    }
    if let enc = codingCookie(bytes) {
        let norm = normalEncodingName(enc)
        if hadBOM && norm != "utf-8" {
            // CPython only normalizes "utf-8"/"utf-8-*" (not "utf8") before this check
            throw SyntaxError(message: "encoding problem: \(enc) with BOM", filename: filename, line: 0, column: 0)
        }
        switch norm {
        case "utf-8", "utf8": break
        case "ascii", "us-ascii", "646":
            var line = 1
            for c in bytes {
                if c == 10 { line += 1 }
                if c >= 0x80 { throw SyntaxError(message: "(unicode error) 'ascii' codec can't decode byte 0x\(String(c, radix: 16))", filename: filename, line: line, column: 0) }
            }
        case "iso-8859-1":
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for c in bytes {
                if c < 0x80 { out.append(c) } else { out.append(0xC0 | (c >> 6)); out.append(0x80 | (c & 0x3F)) }
            }
            return out
        default:
            if let table = singleByteCodecs[codecAlias(norm)] {
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count + bytes.count / 4)
                var line = 1
                for c in bytes {
                    if c == 10 { line += 1 }
                    if c < 0x80 { out.append(c); continue }
                    let v = table[Int(c) - 128]
                    guard v != 0xFFFF, let sc = Unicode.Scalar(UInt32(v)) else {
                        throw SyntaxError(message: "(unicode error) '\(enc)' codec can't decode byte 0x\(String(c, radix: 16))", filename: filename, line: line, column: 0)
                    }
                    UTF8.encode(sc) { out.append($0) }
                }
                return out
            }
            if let e = foundationEncoding(norm) {
                guard let s = String(bytes: bytes, encoding: e) else {
                    throw SyntaxError(message: "(unicode error) '\(enc)' codec can't decode bytes", filename: filename, line: 1, column: 0)
                }
                return Array(s.utf8)
            }
            throw SyntaxError(message: "unknown encoding: \(enc)", filename: filename, line: 0, column: 0)
        }
    }
    do throws(SyntaxError) {
        try validateUTF8(bytes, filename: filename)
    } catch {
        // tokenize up to the start of the offending line, then report (CPython decodes lazily)
        var cut = 0
        var line = 1
        for (k, c) in bytes.enumerated() where c == 10 {
            line += 1
            if line > error.line { break }
            cut = k + 1
        }
        utf8Error = (error, cut)
    }
    return bytes
}

func foundationEncoding(_ n: String) -> String.Encoding? {
    switch n {
    case "ascii", "us-ascii": return .ascii
    case "cp1252", "windows-1252": return .windowsCP1252
    case "latin-2", "iso-8859-2", "iso8859-2": return .isoLatin2
    case "euc-jp", "euc_jp": return .japaneseEUC
    case "shift_jis", "shift-jis", "sjis": return .shiftJIS
    case "utf-16", "utf16": return .utf16
    default: return nil
    }
}

func codecAlias(_ n: String) -> String {
    var l = n
    if l.hasPrefix("iso-8859-") { l = "iso8859-" + l.dropFirst(9) }
    switch l {
    case "windows-1252": return "cp1252"
    case "windows-1251": return "cp1251"
    case "latin-2", "latin2", "l2": return "iso8859-2"
    case "cyrillic": return "iso8859-5"
    case "greek": return "iso8859-7"
    case "latin-9", "latin9", "l9": return "iso8859-15"
    case "macroman", "mac-roman", "macintosh": return "mac-roman"
    case "koi8r": return "koi8-r"
    case "koi8u": return "koi8-u"
    default: return l
    }
}

func normalEncodingName(_ e: String) -> String {
    let l = e.lowercased().replacingOccurrences(of: "_", with: "-")
    if l == "utf-8" || l.hasPrefix("utf-8-") { return "utf-8" }
    for p in ["latin-1", "iso-8859-1", "iso-latin-1"] where l == p || l.hasPrefix(p + "-") { return "iso-8859-1" }
    if l == "latin1" || l == "iso8859-1" || l == "l1" || l == "8859" || l == "cp819" || l == "latin" { return "iso-8859-1" }
    return l
}

/// PEP 263: `coding[:=]\s*([-\w.]+)` in a comment on line 1, or line 2 if line 1 is blank/comment.
func codingCookie(_ b: [UInt8]) -> String? {
    var start = 0
    for lineNo in 0..<2 {
        var end = start
        while end < b.count && b[end] != 10 && b[end] != 13 { end += 1 }
        var i = start
        while i < end && (b[i] == 32 || b[i] == 9 || b[i] == 12) { i += 1 }
        if i < end && b[i] == UInt8(ascii: "#") {
            // search "coding" followed by ':' or '='
            let line = Array(b[i..<end])
            let pat: [UInt8] = Array("coding".utf8)
            var k = 0
            while k + pat.count < line.count {
                var hit = true
                for j in 0..<pat.count where line[k + j] != pat[j] { hit = false; break }
                if hit && (line[k + pat.count] == 58 || line[k + pat.count] == 61) {
                    var j = k + pat.count + 1
                    while j < line.count && (line[j] == 32 || line[j] == 9) { j += 1 }
                    var name: [UInt8] = []
                    while j < line.count {
                        let c = line[j]
                        if (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122) || c == 45 || c == 95 || c == 46 { name.append(c); j += 1 } else { break }
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
                k += 1
            }
        } else if i < end {
            return nil // line 1 is code: don't look at line 2
        }
        if lineNo == 0 {
            if end >= b.count { return nil }
            start = end + ((b[end] == 13 && end + 1 < b.count && b[end + 1] == 10) ? 2 : 1)
        }
    }
    return nil
}

func validateUTF8(_ b: [UInt8], filename: String) throws(SyntaxError) {
    try b.withUnsafeBufferPointer { (buf) throws(SyntaxError) in
        var i = 0
        var line = 1, lineStart = 0
        let n = buf.count
        guard let base = buf.baseAddress else { return }
        while i < n {
            // fast path: 8 ASCII bytes at a time
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = buf[i]
            if c < 0x80 { i += 1; continue }
            guard let (_, len) = decodeUTF8(buf, i, n) else {
                // slow path only on error: compute the line
                line = 1; lineStart = 0
                for k in 0..<i where buf[k] == 10 { line += 1; lineStart = k + 1 }
                let reason = (c >= 0x80 && c < 0xC2) || c > 0xF4 ? "invalid start byte" : "invalid continuation byte"
                throw SyntaxError(message: "(unicode error) 'utf-8' codec can't decode byte 0x\(String(c, radix: 16)) in position \(i - lineStart): \(reason)", filename: filename, line: line, column: i - lineStart)
            }
            i += len
        }
    }
}
