import Foundation

/// Prints a report's HTML to PDF with headless Chromium: A4 as the page's `@page` rule asks, without
/// the browser's own header and footer (date, file URL).
///
/// Chromium is found on `PATH` (`chromium`, `chromium-browser`, `google-chrome`), or named by the
/// `HALLRATE_CHROMIUM` environment variable. When none is there, ``find(environment:)`` fails with the
/// package to install; hallrate never downloads a browser itself.
package struct PDFPrinter {
    /// The browser's executable.
    let browser: String
    /// How long one page may take to print before the browser is stopped.
    var timeout: TimeInterval = 180

    /// The browser to print with.
    /// - Throws: ``HallRateError`` `.output` naming the Debian package when no Chromium is installed.
    package static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(HallRateError) -> PDFPrinter {
        if let named = environment["HALLRATE_CHROMIUM"], !named.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: named) else {
                throw HallRateError(.output, "HALLRATE_CHROMIUM names \(named), which is not an executable file")
            }
            return PDFPrinter(browser: named)
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return PDFPrinter(browser: "\(folder)/\(name)")
            }
        }
        throw HallRateError(
            .output,
            "PDF needs Chromium, which is not installed: install Debian's package chromium "
                + "(sudo apt-get install chromium fonts-noto-cjk), or name a Chromium or Chrome executable in HALLRATE_CHROMIUM")
    }

    /// The PDF of `html`, printed from a private temporary folder.
    /// - Throws: ``HallRateError`` `.output` when the browser fails, times out or writes nothing.
    func pdf(of html: String) throws(HallRateError) -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        let log = folder.appendingPathComponent("chromium.log")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        } catch {
            throw HallRateError(.output, "cannot prepare the page for printing in \(folder.path): \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--user-data-dir=\(folder.path)/profile",
            "--no-pdf-header-footer", "--print-to-pdf=\(output.path)", page.absoluteString,
        ]
        let logHandle = try? FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw HallRateError(.output, "cannot start \(browser) to print the PDF: \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw HallRateError(.output, "\(browser) did not finish printing the PDF within \(Int(timeout)) s")
        }
        try? logHandle?.close()
        guard let bytes = try? Data(contentsOf: output), bytes.starts(with: Array("%PDF".utf8)) else {
            let message = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").suffix(3).joined(separator: " | ") ?? ""
            throw HallRateError(
                .output, "\(browser) (exit \(process.terminationStatus)) wrote no PDF\(message.isEmpty ? "" : ": \(message)")")
        }
        return Array(bytes)
    }
}
