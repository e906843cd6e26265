import Foundation
import Testing

/// Runs the built `hallrate` binary, as a user would, and captures what it prints.
struct HallRateProcess {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The folder holding the built products (`.build/debug`).
    static var productsDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["HALLRATE_PRODUCTS"] {
            return URL(fileURLWithPath: override)
        }
        return Bundle.main.bundleURL
    }

    /// Runs `hallrate arguments…` in `directory`, with `environment` added to the test's own.
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        shellPrefix: String? = nil
    ) throws -> Result {
        let process = Process()
        let binary = productsDirectory.appendingPathComponent("hallrate")
        if let shellPrefix {
            // e.g. "ulimit -f 16": run through a shell that sets a limit first.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shellPrefix + "; exec \"$0\" \"$@\"", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Every CSV under `folder` (relative path → bytes), to compare two sets of outputs.
    static func csvOutputs(in folder: URL) throws -> [String: Data] {
        var outputs: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            outputs[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return outputs
    }

    /// The manifest's totals.
    static func totals(in folder: URL) throws -> [String: Int] {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        return (manifest as? [String: Any])?["totals"] as? [String: Int] ?? [:]
    }

    /// A fresh temporary copy of the fixture folder `name`.
    static func fixture(_ name: String) throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("hallrate-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// A CSV output split into rows of cells: an independent RFC 4180 reader for checking outputs.
    /// The cells as Excel shows them: a text formula `="520502001000"` (read by ``rows(of:)`` as
    /// `=520502001000`) is its text. A cell that really began with `=` would have been written `'=`.
    static func values(of url: URL) throws -> [[String]] {
        try rows(of: url).map { row in row.map { $0.hasPrefix("=") ? String($0.dropFirst()) : $0 } }
    }

    static func rows(of url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let characters = Array(text.unicodeScalars)
        var rows: [[String]] = []
        var row: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < characters.count, characters[i + 1] == "\"" {
                        cell.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(String(cell))
                cell = String.UnicodeScalarView()
            } else if c == "\r" || c == "\n" {
                if c == "\r", i + 1 < characters.count, characters[i + 1] == "\n" { i += 1 }
                row.append(String(cell))
                rows.append(row)
                row = []
                cell = String.UnicodeScalarView()
            } else {
                cell.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(String(cell))
            rows.append(row)
        }
        return rows
    }
}
