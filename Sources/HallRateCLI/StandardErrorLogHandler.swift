import Foundation
import Logging

/// Log lines on standard error: `hallrate: warning: source matches no file source=village glob=…`.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let line = "\(label): \(event.level): \(event.message)" + (details.isEmpty ? "" : " " + details) + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
