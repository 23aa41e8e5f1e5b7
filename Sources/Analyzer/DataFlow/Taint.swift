/// Where tainted data came from: a real source, or (while summarising a function) one of its
/// parameters.
enum TaintOrigin: Hashable, Sendable {
    case source
    case parameter(Int)
    /// `self.<name>` as a method found it, for an attribute a constructor fills from its
    /// parameters (while summarising the method).
    case attribute(String)
}

/// A value that carries attacker-controlled data, with the path it took.
struct Taint: Sendable, Equatable {
    var origins: Set<TaintOrigin>
    /// Source first, then the places it passed through.
    var steps: [Finding.FlowStep]
    /// CWEs for which the value has been made safe (`shlex.quote` → 78).
    var sanitized: Set<Int> = []
    /// Made safe for every sink (`int(x)`): kept, not dropped, so a sink can tell "checked
    /// and safe" from "never saw untrusted data".
    var cleaned = false

    static func source(line: Int, column: Int, _ note: String) -> Taint {
        Taint(origins: [.source], steps: [Finding.FlowStep(line: line, column: column, note: note)])
    }

    /// Adds a step, keeping paths short enough to read.
    func through(line: Int, column: Int, _ note: String) -> Taint {
        var copy = self
        if copy.steps.last?.line != line, copy.steps.count < 8 {
            copy.steps.append(Finding.FlowStep(line: line, column: column, note: note))
        }
        return copy
    }

    func sanitizing(_ cwes: Set<Int>) -> Taint {
        var copy = self
        copy.sanitized.formUnion(cwes)
        return copy
    }

    func isDangerous(for cwe: Int) -> Bool { !cleaned && !sanitized.contains(cwe) }

    var cleanedCopy: Taint {
        var copy = self
        copy.cleaned = true
        return copy
    }

    /// Either of two taints: any origin of both, safe only where both are safe.
    static func merge(_ a: Taint?, _ b: Taint?) -> Taint? {
        guard let a else { return b }
        guard let b else { return a }
        // The path kept is a real source's whenever one side has one: a finding quotes the
        // first step as where the untrusted data came from, so it must not be a parameter's.
        let aSource = a.origins.contains(.source), bSource = b.origins.contains(.source)
        var merged = aSource != bSource ? (aSource ? a : b) : (a.steps.count <= b.steps.count ? a : b)
        merged.origins = a.origins.union(b.origins)
        merged.sanitized = a.sanitized.intersection(b.sanitized)
        merged.cleaned = a.cleaned && b.cleaned
        return merged
    }
}
