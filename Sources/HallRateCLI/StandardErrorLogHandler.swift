import Foundation
import Logging

/// Log lines on standard error: for people, `hallrate: warning: source matches no file source=village`;
/// for machines (cron, `--log-format json`), one JSON object per line with time, level, message and metadata.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    let json: Bool
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let line: String
        if json {
            var object: [String: String] = [
                "time": ISO8601DateFormatter().string(from: Date()),
                "level": event.level.rawValue, "message": event.message.description,
            ]
            for (key, value) in merged { object[key] = value.description }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self) + "\n"
        } else {
            let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.visible($0.value.description))" }
                .joined(separator: " ")
            // On a terminal the progress line may be showing: clear it first, so that the two do not mix.
            let clear = isatty(STDERR_FILENO) == 1 ? "\r\u{1B}[K" : ""
            line = clear + "\(label): \(event.level): \(event.message)" + (details.isEmpty ? "" : " " + details) + "\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `text` with control characters written `\u{…}`: a file name holding a line end or an escape
    /// sequence cannot forge a log line or repaint the terminal.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                shown += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
