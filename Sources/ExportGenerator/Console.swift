import Foundation

/// Messages for the user: progress on stdout, errors on stderr.
enum Console {
    static func info(_ message: String) { print(message) }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
