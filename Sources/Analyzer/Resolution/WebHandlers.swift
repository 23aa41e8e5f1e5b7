import PythonSyntax

/// Web handlers: functions routed by a decorator (`@app.route`, `@router.get`) or taking the
/// request as their first parameter (Django views).
enum WebHandlers {
    static let decorators: Set<String> = ["route", "get", "post", "put", "delete", "patch", "api_route", "head", "options", "view_config"]

    static func isHandler(arguments: Arguments, decorators: [Expr]) -> Bool {
        let routed = decorators.contains { decorator in
            if case .call(let function, _, _) = decorator.kind, case .attribute(_, let attr, _) = function.kind {
                return Self.decorators.contains(attr)
            }
            return false
        }
        if routed { return true }
        let count = arguments.posonlyargs.count + arguments.args.count
        func parameter(_ index: Int) -> String? {
            guard index < count else { return nil }
            return index < arguments.posonlyargs.count ? arguments.posonlyargs[index].arg : arguments.args[index - arguments.posonlyargs.count].arg
        }
        let first = parameter(0) == "self" ? parameter(1) : parameter(0)
        return first == "request"
    }
}
