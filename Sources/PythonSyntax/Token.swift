/// Token kinds. Operators and keywords each get their own kind.
enum T: UInt8 {
    case endmarker, name, number, string, newline, indent, dedent
    // operators
    case lpar, rpar, lsqb, rsqb, lbrace, rbrace, colon, comma, semi, plus, minus, star, slash, vbar, amper
    case less, greater, equal, dot, percent, eqequal, notequal, lessequal, greaterequal, tilde, circumflex
    case leftshift, rightshift, doublestar, plusequal, minequal, starequal, slashequal, percentequal, amperequal
    case vbarequal, circumflexequal, leftshiftequal, rightshiftequal, doublestarequal, doubleslash, doubleslashequal
    case at, atequal, rarrow, ellipsis, colonequal, exclamation
    /// A character CPython's tokenizer passes to the parser as a generic OP (`$`, `?`, `` ` ``).
    case errorOp
    // keywords
    case kFalse, kNone, kTrue, kAnd, kAs, kAssert, kAsync, kAwait, kBreak, kClass, kContinue, kDef, kDel
    case kElif, kElse, kExcept, kFinally, kFor, kFrom, kGlobal, kIf, kImport, kIn, kIs, kLambda, kNonlocal
    case kNot, kOr, kPass, kRaise, kReturn, kTry, kWhile, kWith, kYield
}

struct Token {
    var kind: T
    var start: Int32   // byte offsets into the buffer
    var end: Int32
    var line: Int32
    var col: Int32
    var endLine: Int32
    var endCol: Int32
    /// Bracket nesting level before this token (0 = not inside brackets).
    var level: Int32 = 0
}

@inline(__always) func keywordKind(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int) -> T {
    @inline(__always) func eq(_ lit: StaticString) -> Bool {
        guard lit.utf8CodeUnitCount == n else { return false }
        let p = lit.utf8Start
        for i in 0..<n where p[i] != b[s + i] { return false }
        return true
    }
    let c = b[s]
    switch n {
    case 2:
        switch c {
        case UInt8(ascii: "a"): if eq("as") { return .kAs }
        case UInt8(ascii: "i"): if eq("if") { return .kIf }; if eq("in") { return .kIn }; if eq("is") { return .kIs }
        case UInt8(ascii: "o"): if eq("or") { return .kOr }
        default: break
        }
    case 3:
        switch c {
        case UInt8(ascii: "a"): if eq("and") { return .kAnd }
        case UInt8(ascii: "d"): if eq("def") { return .kDef }; if eq("del") { return .kDel }
        case UInt8(ascii: "f"): if eq("for") { return .kFor }
        case UInt8(ascii: "n"): if eq("not") { return .kNot }
        case UInt8(ascii: "t"): if eq("try") { return .kTry }
        default: break
        }
    case 4:
        switch c {
        case UInt8(ascii: "N"): if eq("None") { return .kNone }
        case UInt8(ascii: "T"): if eq("True") { return .kTrue }
        case UInt8(ascii: "e"): if eq("elif") { return .kElif }; if eq("else") { return .kElse }
        case UInt8(ascii: "f"): if eq("from") { return .kFrom }
        case UInt8(ascii: "p"): if eq("pass") { return .kPass }
        case UInt8(ascii: "w"): if eq("with") { return .kWith }
        default: break
        }
    case 5:
        switch c {
        case UInt8(ascii: "F"): if eq("False") { return .kFalse }
        case UInt8(ascii: "a"): if eq("async") { return .kAsync }; if eq("await") { return .kAwait }
        case UInt8(ascii: "b"): if eq("break") { return .kBreak }
        case UInt8(ascii: "c"): if eq("class") { return .kClass }
        case UInt8(ascii: "r"): if eq("raise") { return .kRaise }
        case UInt8(ascii: "w"): if eq("while") { return .kWhile }
        case UInt8(ascii: "y"): if eq("yield") { return .kYield }
        default: break
        }
    case 6:
        switch c {
        case UInt8(ascii: "a"): if eq("assert") { return .kAssert }
        case UInt8(ascii: "e"): if eq("except") { return .kExcept }
        case UInt8(ascii: "g"): if eq("global") { return .kGlobal }
        case UInt8(ascii: "i"): if eq("import") { return .kImport }
        case UInt8(ascii: "l"): if eq("lambda") { return .kLambda }
        case UInt8(ascii: "r"): if eq("return") { return .kReturn }
        default: break
        }
    case 7:
        if eq("finally") { return .kFinally }
    case 8:
        if eq("continue") { return .kContinue }; if eq("nonlocal") { return .kNonlocal }
    default: break
    }
    return .name
}
