import PythonSyntax

/// The kinds of node a node rule looks at, so the engine hands each node only to the rules
/// that care (handing every node to every rule cost more than the rules' own work).
public struct NodeKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let call = NodeKinds(rawValue: 1 << 0)
    public static let functionDef = NodeKinds(rawValue: 1 << 1)
    public static let classDef = NodeKinds(rawValue: 1 << 2)
    /// `=`, `+=`, annotated assignment.
    public static let assignment = NodeKinds(rawValue: 1 << 3)
    /// `import` and `from … import`.
    public static let importStatement = NodeKinds(rawValue: 1 << 4)
    public static let tryStatement = NodeKinds(rawValue: 1 << 5)
    /// `for` and `while`.
    public static let loop = NodeKinds(rawValue: 1 << 6)
    public static let ifStatement = NodeKinds(rawValue: 1 << 7)
    public static let returnStatement = NodeKinds(rawValue: 1 << 8)
    public static let assertStatement = NodeKinds(rawValue: 1 << 9)
    public static let withStatement = NodeKinds(rawValue: 1 << 10)
    public static let otherStatement = NodeKinds(rawValue: 1 << 11)
    public static let compare = NodeKinds(rawValue: 1 << 12)
    public static let dict = NodeKinds(rawValue: 1 << 13)
    public static let constant = NodeKinds(rawValue: 1 << 14)
    /// Expressions of no kind below (names, subscripts, lambdas, ...): the most numerous.
    public static let otherExpression = NodeKinds(rawValue: 1 << 15)
    /// Parameters, keywords, aliases, comprehensions, patterns and the like.
    public static let otherNode = NodeKinds(rawValue: 1 << 16)
    /// `a + b`, `a % b` and the other binary operators.
    public static let binaryOperation = NodeKinds(rawValue: 1 << 17)
    /// f-strings.
    public static let formattedString = NodeKinds(rawValue: 1 << 18)
    /// `value.attr`.
    public static let attribute = NodeKinds(rawValue: 1 << 19)
    /// An `except` clause.
    public static let exceptHandler = NodeKinds(rawValue: 1 << 20)
    /// A parameter list (of a function or lambda).
    public static let arguments = NodeKinds(rawValue: 1 << 21)

    public static let statements: NodeKinds = [.functionDef, .classDef, .assignment, .importStatement, .tryStatement, .loop,
                                               .ifStatement, .returnStatement, .assertStatement, .withStatement, .otherStatement]
    public static let expressions: NodeKinds = [.call, .compare, .dict, .constant, .binaryOperation, .formattedString, .attribute, .otherExpression]
    public static let all = NodeKinds(rawValue: (1 << 22) - 1)

    static let bitCount = 22

    /// The one kind a node is.
    static func of(_ node: Node) -> NodeKinds {
        switch node {
        case .stmt(let statement): return of(statement)
        case .expr(let expression): return of(expression)
        case .exceptHandler: return .exceptHandler
        case .arguments: return .arguments
        default: return .otherNode
        }
    }

    static func of(_ statement: Stmt) -> NodeKinds {
        switch statement.kind {
        case .functionDef: return .functionDef
        case .classDef: return .classDef
        case .assign, .augAssign, .annAssign: return .assignment
        case .import, .importFrom: return .importStatement
        case .try: return .tryStatement
        case .for, .while: return .loop
        case .if: return .ifStatement
        case .return: return .returnStatement
        case .assert: return .assertStatement
        case .with: return .withStatement
        default: return .otherStatement
        }
    }

    static func of(_ expression: Expr) -> NodeKinds {
        switch expression.kind {
        case .call: return .call
        case .compare: return .compare
        case .dict: return .dict
        case .constant: return .constant
        case .binOp: return .binaryOperation
        case .joinedStr: return .formattedString
        case .attribute: return .attribute
        default: return .otherExpression
        }
    }

    /// Index of this single kind's bit.
    var bitIndex: Int { rawValue.trailingZeroBitCount }
}
