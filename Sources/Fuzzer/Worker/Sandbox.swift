import Foundation

/// How the worker is confined. The audit guard and resource limits always apply; bubblewrap
/// adds a read-only root, a private /tmp, no network and a pid namespace that dies with us.
public enum SandboxMode: String, Sendable, CaseIterable {
    case auto, bwrap, audit
}

public struct SandboxError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The resolved sandbox: what the report says ran.
public enum Sandbox: String, Sendable {
    case bwrap, audit

    /// `bwrap` when asked for or (auto) when it works here; `audit` otherwise.
    public static func resolve(_ mode: SandboxMode) throws(SandboxError) -> Sandbox {
        switch mode {
        case .audit: return .audit
        case .bwrap:
            guard bubblewrapWorks else {
                throw SandboxError(description: "sandbox: bwrap was asked for but bubblewrap is not installed or cannot create namespaces here (install the `bubblewrap` package, or use --sandbox audit)")
            }
            return .bwrap
        case .auto: return bubblewrapWorks ? .bwrap : .audit
        }
    }

    static let bubblewrapPath: String? = Executables.find("bwrap")

    /// bwrap may be installed but unusable (no user namespaces in a container): try it once.
    static let bubblewrapWorks: Bool = {
        guard let path = bubblewrapPath else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-all", "--die-with-parent", "--new-session", "--", "/bin/true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// The command line that starts `python -I -B worker.py` in `workDirectory`.
    /// `visible` are directories that must stay readable although the sandbox mounts a private
    /// /tmp (a project or a virtualenv that lives under /tmp).
    func command(python: String, worker: String, workDirectory: String, visible: [String] = []) -> (executable: String, arguments: [String]) {
        switch self {
        case .audit:
            return (python, ["-I", "-B", worker])
        case .bwrap:
            return (Self.bubblewrapPath ?? "bwrap", [
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
            ] + Self.underTmp(visible).flatMap { ["--ro-bind", $0, $0] } + [
                "--bind", workDirectory, workDirectory,
                "--unshare-all", "--die-with-parent", "--new-session", "--chdir", workDirectory,
                "--", python, "-I", "-B", worker,
            ])
        }
    }
}

extension Sandbox {
    /// The given directories that lie under /tmp and exist (bwrap refuses to bind a missing
    /// one), without ones inside another.
    static func underTmp(_ directories: [String]) -> [String] {
        let candidates = Set(directories.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            .filter { $0.hasPrefix("/tmp/") && FileManager.default.fileExists(atPath: $0) })
        return candidates.filter { path in !candidates.contains { $0 != path && path.hasPrefix($0 + "/") } }.sorted()
    }
}

enum Executables {
    /// The interpreter `python3` really is (pyenv and asdf put shell-script shims on PATH that
    /// need the PATH the worker does not get), and its version; nil when it does not run.
    static func resolvePython(_ name: String) -> (path: String, version: [Int])? {
        // Asked for every campaign and every replay of the patch checks: ask python once.
        resolvedLock.lock()
        defer { resolvedLock.unlock() }
        if let known = resolved[name] { return known }
        let answer = askPython(name)
        resolved[name] = answer
        return answer
    }

    private nonisolated(unsafe) static var resolved: [String: (path: String, version: [Int])?] = [:]
    private static let resolvedLock = NSLock()

    private static func askPython(_ name: String) -> (path: String, version: [Int])? {
        guard let found = find(name) else { return nil }
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: found)
        process.arguments = ["-c", "import sys; print(sys.executable); print(*sys.version_info[:3])"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard process.terminationStatus == 0, lines.count >= 2, lines[0].hasPrefix("/") else { return nil }
        return (lines[0], lines[1].split(separator: " ").compactMap { Int($0) })
    }

    /// An executable on PATH, as an absolute path (the worker itself runs with an empty PATH).
    static func find(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
