import Foundation

/// The short Python that shows a finding again, and the pytest file that keeps it fixed.
public enum Reproducer {
    /// The dotted module name of a file and the directory it is importable from: packages
    /// (directories with `__init__.py`) are walked up, as the worker does.
    static func module(of path: String) -> (name: String, directory: String) {
        var url = URL(fileURLWithPath: path)
        var parts = [url.deletingPathExtension().lastPathComponent]
        url.deleteLastPathComponent()
        while FileManager.default.fileExists(atPath: url.appendingPathComponent("__init__.py").path), url.path != "/" {
            parts.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        return (parts.joined(separator: "."), url.path)
    }

    static func imports(function: String, input: FuzzInput, modulePath: String) -> [String] {
        let module = module(of: modulePath).name
        var names = Set([String(function.split(separator: ".").first ?? Substring(function))])
        var usesPath = false, usesNesting = false
        for value in input.args + input.kwargs.map(\.value) {
            PythonLiteral.classNames(in: value, into: &names)
            if containsPath(value) { usesPath = true }
            if PythonLiteral.render(value).contains("functools.reduce(") { usesNesting = true }
        }
        var lines = ["from \(module) import \(names.sorted().joined(separator: ", "))"]
        if usesPath { lines.insert("import pathlib", at: 0) }
        if usesNesting { lines.insert("import functools", at: 0) }
        return lines
    }

    static func script(function: String, input: FuzzInput, modulePath: String, outcome: String) -> String {
        (imports(function: function, input: input, modulePath: modulePath) + [PythonLiteral.call(function, input) + "  # " + outcome]).joined(separator: "\n")
    }

    /// A pytest file: the call must not crash, hang or reach the sink once fixed. It fails
    /// until the bug is fixed; rejecting the input with another exception counts as fixed.
    public static func regressionTest(_ finding: FuzzFinding, modulePath: String, index: Int, marker: String) -> String {
        let safeName = finding.function.replacingOccurrences(of: ".", with: "_")
        let call = PythonLiteral.call(finding.function, finding.input)
        var lines = [
            "# Regression test written by `autosafecoder fuzz`: \(finding.kind.rawValue) in \(finding.function).",
            "# \(finding.exception.map { "\($0): " } ?? "")\(finding.message.prefix(160))",
            "import signal",
            "import sys",
            "",
        ]
        lines += imports(function: finding.function, input: finding.input, modulePath: modulePath)
        lines += ["", ""]
        switch finding.kind {
        case .security:
            lines += [
                "def _planted_text_reached_a_sink(event, args):",
                "    if event in ('os.system', 'subprocess.Popen', 'os.exec', 'os.posix_spawn', 'open', 'import', 'pickle.find_class'):",
                "        if \(PythonLiteral.render(.string(marker))) in repr(args):",
                "            raise RuntimeError('planted text reached ' + event)",
                "",
                "",
                "def test_\(safeName)_security_\(index)():",
                "    sys.addaudithook(_planted_text_reached_a_sink)",
                "    try:",
                "        \(call)",
                "    except RuntimeError as error:",
                "        assert not str(error).startswith('planted text reached'), error",
                "    except Exception:",
                "        pass  # rejecting the input is the fix",
                "",
            ]
        default:
            let reported = finding.exception.map { String($0.split(separator: ".").last ?? "") } ?? ""
            lines += [
                "def _timeout(signum, frame):",
                "    raise TimeoutError('the call did not return within 10 s')",
                "",
                "",
                "def test_\(safeName)_\(finding.kind.rawValue)_\(index)():",
                "    signal.signal(signal.SIGALRM, _timeout)",
                "    signal.alarm(10)",
                "    try:",
                "        \(call)",
                "    except Exception as error:",
                "        assert type(error).__name__ not in (\(PythonLiteral.render(.string(reported))), 'TimeoutError', 'MemoryError'), error",
                "    finally:",
                "        signal.alarm(0)",
                "",
            ]
        }
        return lines.joined(separator: "\n")
    }

    private static func containsPath(_ value: FuzzValue) -> Bool {
        switch value {
        case .path: return true
        case .list(let items), .tuple(let items), .set(let items), .frozenset(let items): return items.contains(where: containsPath)
        case .dict(let pairs): return pairs.contains { containsPath($0.key) || containsPath($0.value) }
        case .object(_, _, let fields): return fields.contains { containsPath($0.value) }
        default: return false
        }
    }
}
