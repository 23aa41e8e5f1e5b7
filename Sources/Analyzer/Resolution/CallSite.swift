import PythonSyntax

/// A call with its resolved name and easy access to its arguments by position or keyword.
public struct CallSite: Sendable {
    public let expression: Expr
    public let qualifiedName: String
    public let function: Expr
    public let arguments: [Expr]
    public let keywords: [Keyword]

    init?(_ expression: Expr, imports: ImportTable) {
        guard case .call(let function, let arguments, let keywords) = expression.kind,
              let name = imports.qualifiedName(of: function) else { return nil }
        self.expression = expression
        self.qualifiedName = name
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
    }

    /// The same call under another name: a method of an object whose type the caller knows
    /// (`session.get` for a `requests.Session()`).
    init(_ site: CallSite, renamed name: String) {
        expression = site.expression
        qualifiedName = name
        function = site.function
        arguments = site.arguments
        keywords = site.keywords
    }

    /// The same call with other argument expressions (what a name passed stands for).
    init(_ site: CallSite, arguments: [Expr], keywords: [Keyword]) {
        expression = site.expression
        qualifiedName = site.qualifiedName
        function = site.function
        self.arguments = arguments
        self.keywords = keywords
    }

    /// A call whose target cannot be resolved to an imported name (`db.execute` on a local
    /// object): named `?.execute`, so method-based sinks still see it while name-based rules
    /// never match it.
    init?(unresolved expression: Expr) {
        guard case .call(let function, let arguments, let keywords) = expression.kind else { return nil }
        let method: String
        switch function.kind {
        case .attribute(_, let attr, _): method = attr
        case .name(let id, _): method = id
        default: method = "call"
        }
        self.expression = expression
        self.qualifiedName = "?." + method
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
    }

    /// The argument passed by keyword `name`, or else at `position` (0-based), if given.
    public func argument(_ name: String?, position: Int? = nil) -> Expr? {
        if let name, let keyword = keywords.first(where: { $0.arg == name }) { return keyword.value }
        if let position, position < arguments.count {
            // A `*args` before the position makes positions unknowable.
            if arguments[..<position].contains(where: { if case .starred = $0.kind { return true } else { return false } }) { return nil }
            if case .starred = arguments[position].kind { return nil }
            return arguments[position]
        }
        return nil
    }

    /// True when the call passes `**kwargs`, so any keyword may be present.
    public var hasKeywordSplat: Bool { keywords.contains { $0.arg == nil } }
}

extension Expr {
    /// The value of a constant `True`/`False`.
    public var boolConstant: Bool? {
        if case .constant(.bool(let value), _) = kind { return value }
        return nil
    }

    /// The text of a string constant.
    public var stringConstant: String? {
        if case .constant(.str(let value), _) = kind { return value.string }
        return nil
    }

    /// An integer constant that fits in `Int` (a leading `-` is handled).
    public var intConstant: Int? {
        switch kind {
        case .constant(.int(let digits), _): return Int(digits)
        case .unaryOp(.uSub, let operand): return operand.intConstant.map { -$0 }
        default: return nil
        }
    }

    public var isNoneConstant: Bool {
        if case .constant(.none, _) = kind { return true }
        return false
    }

    /// `False` or `None`: what a check returns for bad input.
    public var isFalsyConstant: Bool {
        switch kind {
        case .constant(.none, _), .constant(.bool(false), _): return true
        default: return false
        }
    }

    /// A literal whose value is fixed in the source: constants and containers of constants.
    public var isLiteral: Bool {
        switch kind {
        case .constant: return true
        case .list(let elements, _), .tuple(let elements, _), .set(let elements): return elements.allSatisfy(\.isLiteral)
        case .dict(let keys, let values): return keys.allSatisfy { $0?.isLiteral ?? false } && values.allSatisfy(\.isLiteral)
        case .unaryOp(_, let operand): return operand.isLiteral
        case .binOp(let left, _, let right): return left.isLiteral && right.isLiteral
        default: return false
        }
    }
}
