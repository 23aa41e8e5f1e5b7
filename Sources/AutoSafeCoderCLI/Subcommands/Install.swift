import ArgumentParser
import Foundation
import LibGit
import Pipeline

struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Install the pre-commit hook into the hooks directory git uses.",
        discussion: """
        Respects core.hooksPath. An existing hook that is not ours is never overwritten:
        --chain keeps it and runs it first, --force replaces it and keeps a backup.

        Examples:
          autosafecoder install
          autosafecoder install --chain
        """
    )

    @Flag(help: "Keep an existing hook and run it before autosafecoder.")
    var chain = false

    @Flag(help: "Replace an existing hook (a backup is kept as pre-commit.autosafecoder-backup).")
    var force = false

    func validate() throws {
        if chain && force { throw ValidationError("choose one of --chain and --force") }
    }

    func run() throws {
        let repository = try Repository.open(containing: FileManager.default.currentDirectoryPath)
        let directory = try repository.hooksDirectory()
        let note = try HookInstaller.install(into: directory, mode: chain ? .chain : (force ? .force : .safe))
        Terminal.standardOutput.writeLine("autosafecoder: \(note)")
    }
}

struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove the pre-commit hook and restore the one it replaced or chained.",
        discussion: """
        Example:
          autosafecoder uninstall
        """
    )

    func run() throws {
        let repository = try Repository.open(containing: FileManager.default.currentDirectoryPath)
        let note = try HookInstaller.uninstall(from: try repository.hooksDirectory())
        Terminal.standardOutput.writeLine("autosafecoder: \(note)")
    }
}
