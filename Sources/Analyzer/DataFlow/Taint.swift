/// Where tainted data came from: a real source, or (while summarising a function) one of its
/// parameters.
enum TaintOrigin: Hashable, Sendable {
    case source
    case parameter(Int)
    /// `self.<name>` as a method found it, for an attribute a constructor fills from its
    /// parameters (while summarising the method).
    case attribute(String)
    /// An attribute of the instance parameter `index` holds, as a function found it, for a
    /// parameter every call passes an instance of a class of this file (while summarising).
    case parameterField(Int, String)
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
    /// From a local source only (the command line, the environment, standard input, the
    /// server's own files): the operator's data, no attack on a path or a URL
    /// (`TaintSources.operatorsOwn`).
    var local = false
    /// While summarising a function: the parameters (and attribute markers) whose part of
    /// this value is safer or less safe than the whole (`PAGE.format(name=html.escape(name),
    /// body=body)`: `name` escaped, `body` not), with what their part was made safe for. The
    /// caller's argument for `name` comes back escaped. Nil when every part is exactly as safe
    /// as the whole.
    var markerSafety: [TaintOrigin: FunctionSummary.ReturnSafety]?
    /// A record's values by constant key (`{"url": u, "name": n}`): reading one key gives that
    /// value's data, not every value's. Nil when the structure is not known.
    var fields: [String: Taint]?
    /// The same for each element of a table or list of such records
    /// (`SUBSCRIPTIONS[sid] = {"url": u}`, `COMMENTS.append({...})`).
    var elementFields: [String: Taint]?
    /// A mapping built here under keys holding no untrusted data (`filters[column] = value`
    /// for `column` of a constant table): its keys are the program's own, whatever its values.
    var keysFixed = false

    static func source(line: Int, column: Int, _ note: String) -> Taint {
        Taint(origins: [.source], steps: [Finding.FlowStep(line: line, column: column, note: note)])
    }

    /// Adds a step, keeping paths short enough to read. Only a real source's path is ever
    /// shown (a merge keeps the source side's), so a parameter's marker takes no steps and
    /// its notes are not even written.
    func through(line: Int, column: Int, _ note: @autoclosure () -> String) -> Taint {
        guard origins.contains(.source), steps.last?.line != line, steps.count < 8 else { return self }
        var copy = self
        copy.steps.append(Finding.FlowStep(line: line, column: column, note: note()))
        return copy
    }

    func sanitizing(_ cwes: Set<Int>) -> Taint {
        var copy = self.withoutStructure
        copy.sanitized.formUnion(cwes)
        if let parts = markerSafety { copy.markerSafety = parts.mapValues { FunctionSummary.ReturnSafety(sanitized: $0.sanitized.union(cwes), cleaned: $0.cleaned) } }
        return copy
    }

    /// No longer safe for `cwes`, any part (percent-decoding brings line breaks back).
    func unsanitizing(_ cwes: Set<Int>) -> Taint {
        var copy = self.withoutStructure
        copy.sanitized.subtract(cwes)
        if let parts = markerSafety { copy.markerSafety = parts.mapValues { FunctionSummary.ReturnSafety(sanitized: $0.sanitized.subtracting(cwes), cleaned: $0.cleaned) } }
        return copy
    }

    /// What parameter `index`'s part of the value was made safe for.
    func safety(ofParameter index: Int) -> FunctionSummary.ReturnSafety { safety(of: .parameter(index)) }

    /// What one origin's part of the value was made safe for.
    func safety(of origin: TaintOrigin) -> FunctionSummary.ReturnSafety {
        markerSafety?[origin] ?? FunctionSummary.ReturnSafety(sanitized: sanitized, cleaned: cleaned)
    }

    func isDangerous(for cwe: Int) -> Bool { !cleaned && !sanitized.contains(cwe) && !(local && TaintSources.operatorsOwn.contains(cwe)) }

    /// The same at a sink where the operator's settings are harmless
    /// (`DataFlowRule.operatorDataIsHarmless`) when `settingsHarmless`.
    func isDangerous(for cwe: Int, settingsHarmless: Bool) -> Bool { isDangerous(for: cwe) && !(settingsHarmless && isOperatorSettings) }

    /// Whether a sink of `cwe` reached here matters to a caller: some parameter's (or
    /// attribute's) part is not made safe for it. Whether the sources' part is the operator's
    /// own (`local`) has no say: what the caller passes decides.
    func reachesCallersSink(for cwe: Int) -> Bool {
        origins.contains { origin in
            switch origin {
            case .parameter, .attribute, .parameterField: return !safety(of: origin).covers(cwe)
            case .source: return false
            }
        }
    }

    /// Whether a sink of `cwe` saw it made safe (not merely the operator's own data).
    func wasMadeSafe(for cwe: Int) -> Bool { cleaned || sanitized.contains(cwe) }

    /// Spliced into a URL after a fixed scheme and host (`"https://api.example.com/u/" + x`):
    /// it picks a page of that host, not the host (no SSRF, as Semgrep's `tainted-url-host`
    /// rules also judge it), and a redirect to it stays there (no open redirect).
    var withHostFixed: Taint { sanitizing([601, 918]) }

    /// From the operator's settings only (the command line, the environment): standard input
    /// is local but not this.
    var isOperatorSettings: Bool { local && settings }
    /// See `isOperatorSettings`; joined as `local` is.
    var settings = false

    var asLocal: Taint {
        var copy = self
        copy.local = true
        return copy
    }

    /// The operator's settings: local, and `settings`.
    var asOperatorSettings: Taint {
        var copy = asLocal
        copy.settings = true
        return copy
    }

    var cleanedCopy: Taint {
        var copy = self.withoutStructure
        copy.cleaned = true
        copy.markerSafety = nil
        return copy
    }

    /// The value with no record structure known (what a conversion or check made of it).
    var withoutStructure: Taint {
        guard fields != nil || elementFields != nil || keysFixed else { return self }
        var copy = self
        copy.fields = nil
        copy.elementFields = nil
        copy.keysFixed = false
        return copy
    }

    /// The field name standing for a mapping's keys in a parameter's or attribute's marker
    /// (`TaintOrigin.parameterField(0, "[keys]")`).
    static let keysField = "[keys]"

    /// What iterating this mapping's keys gives (`for column in filters`, `filters.items()`):
    /// nothing dangerous from a record whose keys are the program's own (`{"name": name}`); a
    /// marker for a parameter's or attribute's keys, which the caller knows; else the whole.
    var keysOfMapping: Taint? {
        // Kept as checked-and-safe, so a sink knows it saw the record's keys (see `cleaned`).
        // Not a spread record's, nor a tuple's positions (`parts = ("ls", d)`: joining it
        // joins its values).
        let ownKeys = fields.map { fields in
            fields[Taint.otherKeys] == nil && !fields.keys.contains(where: { TaintInterpreter.tuplePosition($0) != nil })
        } ?? false
        if ownKeys || keysFixed { return cleanedCopy }
        guard isParameterOrAttributeMarker else { return self }
        var copy = withoutStructure
        copy.markerSafety = nil
        copy.origins = Set(origins.map { origin in
            switch origin {
            case .parameter(let index): return .parameterField(index, Taint.keysField)
            case .attribute(let name): return .attribute(name + Taint.keysField)
            default: return origin
            }
        })
        return copy
    }

    /// Only a parameter's or an attribute's marker: what it holds is the caller's to say.
    var isParameterOrAttributeMarker: Bool {
        !origins.isEmpty && origins.allSatisfy { origin in
            switch origin {
            case .parameter, .attribute: return true
            default: return false
            }
        }
    }

    /// Any value of this record (in key order, so the path kept does not vary from run to run);
    /// the whole, structure aside, when the record's keys are not known.
    var anyValue: Taint {
        guard let fields else { return withoutStructure }
        return fields.sorted { $0.key < $1.key }.reduce(nil as Taint?) { Taint.merge($0, $1.value.data) } ?? withoutStructure
    }

    /// What a mapping's keys hold, given what the mapping holds (see `keysOfMapping`).
    static func keys(of mapping: Taint?) -> Taint? { mapping?.keysOfMapping }

    /// What an instance's attribute `name` holds, given its attributes (`self.x` keys, `*` for
    /// any): a `[keys]` marker reads the keys of the mapping held.
    static func attribute(_ name: String, in attributes: [String: Taint], orAny: Bool = true) -> Taint? {
        if name.hasSuffix(keysField) {
            // Only the attribute's own value has its keys; the instance as a whole says nothing of them.
            if let held = attributes["self." + name.dropLast(keysField.count)] { return keys(of: held) }
            return orAny ? attributes["*"]?.withoutStructure : nil
        }
        return attributes["self.\(name)"] ?? (orAny ? attributes["*"] : nil)
    }

    /// An element of this table or list: a record with `elementFields` when known.
    var element: Taint {
        var copy = self
        copy.fields = elementFields
        copy.elementFields = nil
        return copy
    }

    /// The value of key `key` of this record: that value's data when the record's structure
    /// is known (nil when it holds none under that key), else the whole. A key not listed in
    /// a record built by spreading another (`{**order, "total": t}`) reads as the spread's.
    func field(_ key: String) -> Taint? {
        guard let fields else { return self }
        if let value = fields[key] { return value.data }
        return fields[Taint.otherKeys]
    }

    /// The key standing, in `fields`, for every key not listed: what a record spread into
    /// this one (`{**order, "total": str(t)}`) holds under the keys it brought.
    static let otherKeys = "[other keys]"
    /// A listed key holding no data beside `otherKeys` (`"total": str(t)` after `**order`):
    /// read as nothing, not as the other keys' data.
    static let noData = Taint(origins: [], steps: [])
    /// This value, or nil for the `noData` placeholder.
    var data: Taint? { self == Taint.noData ? nil : self }

    /// The fields of a record after `spread` was spread into it (`{**order, ...}`, at this
    /// point of the display): the spread's own fields replace those listed so far; a spread
    /// whose keys are not known may replace any of them, and holds every other key.
    static func spreading(_ spread: Taint?, into fields: [String: Taint]?) -> [String: Taint]? {
        guard var fields else { return nil }
        guard let spread else { return fields }
        let known = spread.fields ?? [otherKeys: spread.withoutStructure]
        if let rest = known[otherKeys] {
            for (key, value) in fields where known[key] == nil {
                fields[key] = merge(value.data, rest)
            }
        }
        fields.merge(known) { _, new in new }
        return fields
    }

    /// This table or list after `element` was added to it (`t[k] = e`, `t.append(e)`).
    static func adding(_ element: Taint?, to table: Taint?) -> Taint? {
        guard let element else { return table }
        var merged = merge(table, element.withoutStructure)!
        merged.fields = table?.fields
        merged.elementFields = table == nil || table?.elementFields != nil ? mergeFields(table?.elementFields, element.fields, bothKnown: table != nil) : nil
        return merged
    }

    /// This record after `value` was stored under `key`.
    static func storing(_ value: Taint?, under key: String, in record: Taint?) -> Taint? {
        guard let value else { return record }
        var merged = merge(record, value.withoutStructure)!
        merged.elementFields = record?.elementFields
        if record == nil || record?.fields != nil {
            var fields = record?.fields ?? [:]
            fields[key] = value
            merged.fields = fields
        } else {
            merged.fields = nil
        }
        return merged
    }

    /// Two records' fields joined key by key; nil when either side's structure is unknown.
    static func mergeFields(_ a: [String: Taint]?, _ b: [String: Taint]?, bothKnown: Bool = true) -> [String: Taint]? {
        if !bothKnown { return b }
        guard let a, let b else { return nil }
        guard a[otherKeys] != nil || b[otherKeys] != nil else { return a.merging(b) { merge($0, $1)! } }
        // A key one side does not list holds, on that side, its other keys' data.
        var merged: [String: Taint] = [:]
        for key in Set(a.keys).union(b.keys) {
            func read(_ side: [String: Taint]) -> Taint? { (side[key] ?? side[otherKeys])?.data }
            merged[key] = merge(read(a), read(b)) ?? noData
        }
        if merged[otherKeys] == noData { merged[otherKeys] = nil }
        return merged
    }

    /// Either of two taints: any origin of both, safe only where both are safe.
    static func merge(_ a: Taint?, _ b: Taint?) -> Taint? {
        guard let a else { return b }
        guard let b else { return a }
        // The path kept is a real source's whenever one side has one: a finding quotes the
        // first step as where the untrusted data came from, so it must not be a parameter's.
        let aSource = a.origins.contains(.source), bSource = b.origins.contains(.source)
        // Of two sources, the one still dangerous (not the number `int(x)` made of the other),
        // and from outside rather than the operator's own.
        var merged = aSource != bSource ? (aSource ? a : b)
            : a.cleaned != b.cleaned ? (a.cleaned ? b : a)
            : a.local != b.local ? (a.local ? b : a) : (a.steps.count <= b.steps.count ? a : b)
        // Joins run at every branch of every function: build no new sets when nothing changes.
        if a.origins != b.origins { merged.origins = a.origins.union(b.origins) }
        // A side holding only parameters' or attributes' data (while summarising) has its own
        // safety in `markerSafety`, decided by what callers pass: what the real source's part
        // was made safe for stays (`os.path.join(extract_dir, checked_name)`,
        // `self._cmds(self.root, checked_ref)`).
        if aSource != bSource {
            let source = aSource ? a : b
            merged.sanitized = source.sanitized
            merged.cleaned = source.cleaned
        } else {
            // A cleaned side is safe for every sink: what the merge is safe for is the other's.
            if a.cleaned != b.cleaned {
                merged.sanitized = a.cleaned ? b.sanitized : a.sanitized
            } else {
                merged.sanitized = a.sanitized.isEmpty || b.sanitized.isEmpty ? [] : a.sanitized.intersection(b.sanitized)
            }
            merged.cleaned = a.cleaned && b.cleaned
        }
        // One side the operator's own (safe for a path), the other made safe for it
        // (`os.path.join(ENV_ROOT, secure_filename(x))`): the whole is safe for it too.
        if a.local != b.local {
            for cwe in TaintSources.operatorsOwn where !merged.sanitized.contains(cwe)
                && (a.wasMadeSafe(for: cwe) || a.local) && (b.wasMadeSafe(for: cwe) || b.local) {
                merged.sanitized.insert(cwe)
            }
        }
        // Local only if every side holding a real source is (a parameter's marker has no say,
        // nor a side made safe for every sink: `os.path.join(ENV_ROOT, uuid.UUID(x).hex)` is
        // as local as ENV_ROOT).
        let aLive = aSource && !a.cleaned, bLive = bSource && !b.cleaned
        merged.local = aLive || bLive ? (!aLive || a.local) && (!bLive || b.local)
            : aSource || bSource ? (!aSource || a.local) && (!bSource || b.local) : a.local && b.local
        merged.settings = aLive || bLive ? (!aLive || a.settings) && (!bLive || b.settings)
            : aSource || bSource ? (!aSource || a.settings) && (!bSource || b.settings) : a.settings && b.settings
        merged.keysFixed = a.keysFixed && b.keysFixed
        // Record structure survives a join only where both sides have it.
        if a.fields != nil || b.fields != nil || a.elementFields != nil || b.elementFields != nil {
            merged.fields = mergeFields(a.fields, b.fields)
            merged.elementFields = mergeFields(a.elementFields, b.elementFields)
        }
        // Parts of differing safety: each marker's part keeps its own (joins of equally safe
        // values, nearly all, skip this).
        merged.markerSafety = nil
        if a.markerSafety != nil || b.markerSafety != nil || a.cleaned != b.cleaned || a.sanitized != b.sanitized,
           merged.origins.contains(where: { $0 != .source }) {
            var parts: [TaintOrigin: FunctionSummary.ReturnSafety] = [:]
            func add(_ side: Taint) {
                for origin in side.origins where origin != .source {
                    let safety = side.safety(of: origin)
                    parts[origin] = parts[origin]?.meet(safety) ?? safety
                }
            }
            add(a)
            add(b)
            merged.markerSafety = parts
        }
        return merged
    }
}
