import PythonSyntax

/// Small helpers the data-flow rules share to name their sinks.
enum SinkMatching {
    /// `cursor.execute` whatever the receiver: the method name of a call.
    static func method(_ call: CallSite) -> String? { call.expression.calledAttribute }

    /// The first positional argument, or the keyword of that name.
    static func first(_ call: CallSite, keyword: String) -> [Expr] {
        call.argument(keyword, position: 0).map { [$0] } ?? []
    }
}
