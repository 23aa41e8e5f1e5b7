import PythonSyntax

/// Command-line options an argparse parser restricts to fixed `choices`
/// (`parser.add_argument("--branch", choices=["main", "dev"])`): their parsed value is one of
/// those strings, so a command built from it is a fixed command.
enum ArgumentChoices {
    /// The destinations (`branch` of `--branch`, or `dest=`) added with a literal list of string
    /// choices, and never added without (a second definition could accept anything).
    static func destinations(in module: Module) -> Set<String> {
        var restricted = Set<String>(), open = Set<String>()
        module.walk { node in
            guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind,
                  case .attribute(_, "add_argument", _) = function.kind, let destination = destination(arguments, keywords) else { return true }
            if let choices = keywords.first(where: { $0.arg == "choices" })?.value, choices.stringLiterals != nil {
                restricted.insert(destination)
            } else {
                open.insert(destination)
            }
            return true
        }
        return restricted.subtracting(open)
    }

    /// `dest=` if given, else the first long option (`--dry-run` → `dry_run`), else the first
    /// name (a positional `branch`, or `-b`).
    static func destination(_ arguments: [Expr], _ keywords: [Keyword]) -> String? {
        if let dest = keywords.first(where: { $0.arg == "dest" })?.value.stringConstant { return dest }
        let names = arguments.compactMap(\.stringConstant)
        guard let name = names.first(where: { $0.hasPrefix("--") }) ?? names.first else { return nil }
        return String(name.drop { $0 == "-" }.map { $0 == "-" ? "_" : $0 })
    }
}
