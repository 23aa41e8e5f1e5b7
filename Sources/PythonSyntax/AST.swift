/// Typed Python AST mirroring CPython's `ast` module (ASDL of Python 3.11, plus the
/// 3.12+ `TypeAlias` statement and type parameters).

/// Source position of a node: 1-based lines, 0-based UTF-8 byte columns (exactly as
/// CPython's `lineno`, `col_offset`, `end_lineno`, `end_col_offset`), plus the byte
/// range `startByte..<endByte` of the node in the (UTF-8 decoded) source buffer.
public struct Loc: Sendable, Hashable {
    // Stored compactly (Int32) to keep nodes and parser frames small.
    @usableFromInline var _lineno: Int32
    @usableFromInline var _colOffset: Int32
    @usableFromInline var _endLineno: Int32
    @usableFromInline var _endColOffset: Int32
    @usableFromInline var _startByte: Int32
    @usableFromInline var _endByte: Int32
    public var lineno: Int { Int(_lineno) }
    public var colOffset: Int { Int(_colOffset) }
    public var endLineno: Int { Int(_endLineno) }
    public var endColOffset: Int { Int(_endColOffset) }
    public var startByte: Int { Int(_startByte) }
    public var endByte: Int { Int(_endByte) }
    @inlinable public init(lineno: Int, colOffset: Int, endLineno: Int, endColOffset: Int, startByte: Int, endByte: Int) {
        _lineno = Int32(truncatingIfNeeded: lineno); _colOffset = Int32(truncatingIfNeeded: colOffset)
        _endLineno = Int32(truncatingIfNeeded: endLineno); _endColOffset = Int32(truncatingIfNeeded: endColOffset)
        _startByte = Int32(truncatingIfNeeded: startByte); _endByte = Int32(truncatingIfNeeded: endByte)
    }
    @inlinable init(_ l: Int32, _ c: Int32, _ el: Int32, _ ec: Int32, _ sb: Int32, _ eb: Int32) {
        _lineno = l; _colOffset = c; _endLineno = el; _endColOffset = ec; _startByte = sb; _endByte = eb
    }
    public static let zero = Loc(lineno: 1, colOffset: 0, endLineno: 1, endColOffset: 0, startByte: 0, endByte: 0)
    /// Start of `self`, end of `other`.
    @inlinable public func to(_ other: Loc) -> Loc {
        Loc(_lineno, _colOffset, other._endLineno, other._endColOffset, _startByte, other._endByte)
    }
}

/// A Python `str` value. Held as a Swift `String`; a Python string may also hold lone
/// surrogates (`"\ud800"`) that a `String` cannot represent, so those rare values keep their
/// exact code points beside it.
public struct PyStr: Sendable, Hashable, CustomStringConvertible {
    /// The text (lone surrogates read as U+FFFD).
    public let string: String
    /// Exact code points, kept only when the value holds a lone surrogate.
    private let surrogateScalars: [UInt32]?
    public init(_ s: String) { string = s; surrogateScalars = nil }
    public init(scalars: [UInt32]) {
        var view = String.UnicodeScalarView()
        var lone = false
        for v in scalars {
            if let scalar = Unicode.Scalar(v) { view.append(scalar) } else { view.append("\u{FFFD}"); lone = true }
        }
        string = String(view)
        surrogateScalars = lone ? scalars : nil
    }
    /// The code points, exactly as Python sees them.
    public var scalars: [UInt32] { surrogateScalars ?? string.unicodeScalars.map { $0.value } }
    public var isEmpty: Bool { string.isEmpty }
    public var description: String { string }
}

/// Value of a `Constant` node.
public enum ConstantValue: Sendable, Hashable {
    case none
    case bool(Bool)
    case ellipsis
    /// An int of any size: decimal digits (no sign; literals are never negative).
    case int(String)
    case float(Double)
    /// Imaginary literal `<imag>j` (real part 0).
    case complex(Double)
    case str(PyStr)
    case bytes([UInt8])
}

public enum ExprContext: String, Sendable { case load = "Load", store = "Store", del = "Del" }
public enum BoolOperator: String, Sendable { case and = "And", or = "Or" }
public enum Operator: String, Sendable {
    case add = "Add", sub = "Sub", mult = "Mult", matMult = "MatMult", div = "Div", mod = "Mod", pow = "Pow"
    case lShift = "LShift", rShift = "RShift", bitOr = "BitOr", bitXor = "BitXor", bitAnd = "BitAnd", floorDiv = "FloorDiv"
}
public enum UnaryOperator: String, Sendable { case invert = "Invert", not = "Not", uAdd = "UAdd", uSub = "USub" }
public enum CmpOperator: String, Sendable {
    case eq = "Eq", notEq = "NotEq", lt = "Lt", ltE = "LtE", gt = "Gt", gtE = "GtE", `is` = "Is", isNot = "IsNot", `in` = "In", notIn = "NotIn"
}

public struct Expr: Sendable {
    public var kind: ExprKind
    public var loc: Loc
    public init(_ kind: ExprKind, _ loc: Loc) { self.kind = kind; self.loc = loc }
}

public indirect enum ExprKind: Sendable {
    case boolOp(op: BoolOperator, values: [Expr])
    case namedExpr(target: Expr, value: Expr)
    case binOp(left: Expr, op: Operator, right: Expr)
    case unaryOp(op: UnaryOperator, operand: Expr)
    case lambda(args: Arguments, body: Expr)
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// `keys[i] == nil` for `**mapping` entries.
    case dict(keys: [Expr?], values: [Expr])
    case set(elts: [Expr])
    case listComp(elt: Expr, generators: [Comprehension])
    case setComp(elt: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(elt: Expr, generators: [Comprehension])
    case await(value: Expr)
    case yield(value: Expr?)
    case yieldFrom(value: Expr)
    case compare(left: Expr, ops: [CmpOperator], comparators: [Expr])
    case call(func: Expr, args: [Expr], keywords: [Keyword])
    /// conversion: -1, 115 ('s'), 114 ('r'), 97 ('a').
    case formattedValue(value: Expr, conversion: Int, formatSpec: Expr?)
    case joinedStr(values: [Expr])
    /// kind is "u" for u-prefixed strings.
    case constant(value: ConstantValue, kind: String?)
    case attribute(value: Expr, attr: String, ctx: ExprContext)
    case `subscript`(value: Expr, slice: Expr, ctx: ExprContext)
    case starred(value: Expr, ctx: ExprContext)
    case name(id: String, ctx: ExprContext)
    case list(elts: [Expr], ctx: ExprContext)
    case tuple(elts: [Expr], ctx: ExprContext)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
}

public struct Comprehension: Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
}

public struct Arguments: Sendable {
    public var posonlyargs: [Arg] = []
    public var args: [Arg] = []
    public var vararg: Arg? = nil
    public var kwonlyargs: [Arg] = []
    /// `nil` entries for keyword-only parameters without default.
    public var kwDefaults: [Expr?] = []
    public var kwarg: Arg? = nil
    public var defaults: [Expr] = []
    public init() {}
}

public struct Arg: Sendable {
    public var arg: String
    public var annotation: Expr?
    public var loc: Loc
}

public struct Keyword: Sendable {
    /// `nil` for `**kwargs`.
    public var arg: String?
    public var value: Expr
    public var loc: Loc
    public init(arg: String?, value: Expr, loc: Loc) { self.arg = arg; self.value = value; self.loc = loc }
}

public struct Alias: Sendable {
    public var name: String
    public var asname: String?
    public var loc: Loc
}

public struct WithItem: Sendable {
    public var contextExpr: Expr
    public var optionalVars: Expr?
}

public struct ExceptHandler: Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var loc: Loc
}

public struct MatchCase: Sendable {
    public var pattern: Pattern
    public var guardExpr: Expr?
    public var body: [Stmt]
}

public struct Pattern: Sendable {
    public var kind: PatternKind
    public var loc: Loc
    public init(_ kind: PatternKind, _ loc: Loc) { self.kind = kind; self.loc = loc }
}

public indirect enum PatternKind: Sendable {
    case matchValue(value: Expr)
    case matchSingleton(value: ConstantValue)
    case matchSequence(patterns: [Pattern])
    case matchMapping(keys: [Expr], patterns: [Pattern], rest: String?)
    case matchClass(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
    case matchStar(name: String?)
    case matchAs(pattern: Pattern?, name: String?)
    case matchOr(patterns: [Pattern])
}

/// PEP 695 type parameter (3.12+); `defaultValue` is PEP 696 (3.13).
public struct TypeParam: Sendable {
    public enum Kind: Sendable { case typeVar(bound: Expr?), paramSpec, typeVarTuple }
    public var kind: Kind
    public var name: String
    public var defaultValue: Expr?
    public var loc: Loc
}

public struct Stmt: Sendable {
    public var kind: StmtKind
    public var loc: Loc
    public init(_ kind: StmtKind, _ loc: Loc) { self.kind = kind; self.loc = loc }
}

public indirect enum StmtKind: Sendable {
    /// `typeParams` is nil when the definition has no `[...]` (3.11 dump has no such field).
    case functionDef(name: String, args: Arguments, body: [Stmt], decoratorList: [Expr], returns: Expr?, typeParams: [TypeParam]?, isAsync: Bool)
    case classDef(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decoratorList: [Expr], typeParams: [TypeParam]?)
    case `return`(value: Expr?)
    case delete(targets: [Expr])
    case assign(targets: [Expr], value: Expr)
    case typeAlias(name: Expr, typeParams: [TypeParam], value: Expr)
    case augAssign(target: Expr, op: Operator, value: Expr)
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool)
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case with(items: [WithItem], body: [Stmt], isAsync: Bool)
    case match(subject: Expr, cases: [MatchCase])
    case raise(exc: Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt], isStar: Bool)
    case assert(test: Expr, msg: Expr?)
    case `import`(names: [Alias])
    case importFrom(module: String?, names: [Alias], level: Int)
    case global(names: [String])
    case nonlocal(names: [String])
    case expr(value: Expr)
    case pass
    case `break`
    case `continue`
}

public struct Module: Sendable {
    public var body: [Stmt]
    public init(body: [Stmt]) { self.body = body }
}
