@testable import Analyzer
import PythonSyntax
import Testing

/// `Module.forEachBinding` has a walk of its own (it runs on every file and many functions);
/// these tests hold it to what the generic walk finds, binding for binding.
@Suite("Bindings walk")
struct BindingWalkTests {
    /// The bindings as the generic walk finds them: the definition the dedicated walk replaced.
    func reference(_ module: Module, intoNestedScopes nested: Bool) -> [String: Int] {
        var counts: [String: Int] = [:]
        func bound(_ name: String) { counts[name, default: 0] += 1 }
        module.walk { node in
            switch node {
            case .stmt(let statement):
                switch statement.kind {
                case .functionDef(let name, _, _, _, _, _, _), .classDef(let name, _, _, _, _, _):
                    bound(name)
                    return nested
                case .global(let names), .nonlocal(let names):
                    names.forEach(bound)
                default:
                    break
                }
            case .expr(let expression):
                if case .lambda = expression.kind, !nested { return false }
                if case .name(let id, let context) = expression.kind, context != .load { bound(id) }
            case .alias(let alias):
                bound(alias.asname ?? String(alias.name.split(separator: ".").first ?? ""))
            case .exceptHandler(let handler):
                if let name = handler.name { bound(name) }
            case .arg(let argument):
                bound(argument.arg)
            case .pattern(let pattern):
                switch pattern.kind {
                case .matchAs(_, let name?), .matchStar(let name?), .matchMapping(_, _, let name?): bound(name)
                default: break
                }
            default:
                break
            }
            return true
        }
        return counts
    }

    func counts(_ module: Module, intoNestedScopes nested: Bool) -> [String: Int] {
        var counts: [String: Int] = [:]
        module.forEachBinding(intoNestedScopes: nested) { counts[$0, default: 0] += 1 }
        return counts
    }

    /// Every place Python binds a name, in and out of nested scopes.
    @Test func everyKindOfBindingIsCounted() throws {
        let source = #"""
        import os.path, json as j
        from x import (a as b, c)
        from y import *
        A = B = 1
        (C, [D, *E]) = F.g[0] = 2
        H += 1
        I: int = 3
        del J
        global K
        for L, M in N:
            pass
        else:
            O = 4
        while (P := 5):
            break
        with Q() as R, S as (T, U):
            pass
        try:
            pass
        except V as W:
            pass
        finally:
            Y = 6
        try:
            pass
        except* X as XS:
            pass
        match Z:
            case [1, *rest, {"k": kv, **others}] if (g := 1):
                pass
            case Point(x=px, y=[py]) | None as bound:
                pass
            case _:
                pass
        @decorator(dflt := 7)
        def f(p, /, q: (ann := int) = (dv := 1), *args, kw=(kd := 2), **kwargs) -> (ret := None):
            nonlocal_name = [comp for comp in range(3) if (inner := comp)]
            lam = lambda la, lb=(ld := 1): (lw := la)
            class Inner(Base, metaclass=(mc := type)):
                attr = {k2: v2 for k2, v2 in {}.items()}
                def method(self):
                    global G
                    G = 1
            return {s for s in ()}, (gen for gen in ())
        class Outer[T: (tb := int)]:
            pass
        type Alias[P2] = list[P2]
        """#
        let module = try PythonSyntax.parse(Array(source.utf8), filename: "t.py").module
        for nested in [true, false] {
            let found = counts(module, intoNestedScopes: nested)
            #expect(found == reference(module, intoNestedScopes: nested))
            // Spot checks, so that both walks missing a kind would show.
            #expect(found["os"] == 1 && found["j"] == 1 && found["b"] == 1 && found["*"] == 1)
            #expect(found["P"] == 1 && found["W"] == 1 && found["rest"] == 1 && found["others"] == 1 && found["bound"] == 1)
            // A nested scope left out takes its decorators and defaults along (as the generic walk did).
            #expect(found["f"] == 1 && found["Outer"] == 1 && found["dflt"] == (nested ? 1 : nil))
            #expect(found["p"] == (nested ? 1 : nil) && found["comp"] == (nested ? 1 : nil) && found["G"] == (nested ? 2 : nil))
            #expect(found["la"] == (nested ? 1 : nil) && found["kd"] == (nested ? 1 : nil))
        }
    }

    /// Deeper than the walk's recursion limit, the generic walk takes the subtree over: the
    /// binding 800 levels down is counted once.
    @Test func bindingsDeepInATreeAreCountedOnce() throws {
        let sum = Array(repeating: "1", count: 800).joined(separator: " + ")
        let source = "x = \(sum) + (deep := 2) + [y for y in z]\n"
        let module = try PythonSyntax.parse(Array(source.utf8), filename: "t.py").module
        let found = counts(module, intoNestedScopes: true)
        #expect(found == ["x": 1, "deep": 1, "y": 1])
        #expect(found == reference(module, intoNestedScopes: true))
    }
}
