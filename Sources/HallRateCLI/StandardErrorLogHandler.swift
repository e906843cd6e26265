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
            var object: [String: String] = ["time": ISO8601DateFormatter().string(from: Date()),
                                            "level": event.level.rawValue, "message": event.message.description]
            for (key, value) in merged { object[key] = value.description }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self) + "\n"
        } else {
            let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            line = "\(label): \(event.level): \(event.message)" + (details.isEmpty ? "" : " " + details) + "\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
