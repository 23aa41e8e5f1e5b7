import Analyzer
import PythonSyntax

/// A mechanical, safe edit for the findings of some rules. One fix per file; `BuiltinFixes.all`
/// lists them.
protocol BuiltinFix: Sendable {
    /// Rule codes whose findings this fix can repair.
    static var codes: Set<String> { get }
    static func plan(for finding: Finding, in context: FixContext) -> FixPlan?
    /// Whether the fix is worth making even for a low-severity finding.
    static var fixesLowSeverity: Bool { get }
    /// Whether the fix changes what the function returns on purpose (another digest, a secret
    /// read from the environment): the differential check does not apply to it.
    static var changesResults: Bool { get }
}

extension BuiltinFix {
    static var fixesLowSeverity: Bool { false }
    static var changesResults: Bool { false }
}

enum BuiltinFixes {
    static let all: [any BuiltinFix.Type] = [
        YAMLSafeLoadFix.self, LiteralEvalFix.self, StrongHashFix.self, VerifyTLSFix.self, RequestTimeoutFix.self,
        FlaskDebugOffFix.self, JinjaAutoescapeFix.self, ArgumentListCommandFix.self, ParameterisedQueryFix.self,
        DefusedXMLFix.self, SecretFromEnvironmentFix.self, OwnerOnlyPermissionsFix.self, SecretsRandomFix.self, SecureTempFileFix.self,
        TLSVerificationValueFix.self, KeySizeFix.self, LoopbackBindFix.self, LXMLSafeParserFix.self, RequestValueSanitiserFix.self, LocalRedirectFix.self, LXMLRequestParserFix.self, JWTVerificationFix.self, GenericErrorMessageFix.self,
        HeaderLineBreakFix.self, LDAPEscapeFix.self, XPathVariableFix.self, PyOpenSSLVerifyFix.self,
    ]

    static func fix(for code: String) -> (any BuiltinFix.Type)? { all.first { $0.codes.contains(code) } }
}

extension Expr {
    /// The byte range of a call's function part (`yaml.load` in `yaml.load(x)`).
    var calleeLoc: Loc? {
        if case .call(let function, _, _) = kind { return function.loc }
        return nil
    }

    /// For `a.b.c`, the location of the last name `c`.
    var attributeNameRange: (start: Int, end: Int)? {
        guard case .attribute(_, let attr, _) = kind else { return nil }
        return (loc.endByte - attr.utf8.count, loc.endByte)
    }
}
