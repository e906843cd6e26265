/// The one error type of hallrate: a stable code, a message, and where it happened.
///
/// Printed compiler-style: `Pipelines/default.yml:12:5: error: unknown key 'delimeter' (sources[0].delimeter)`.
public struct HallRateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, documented classification of what went wrong.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The pipeline file is not valid YAML, has an unknown or missing key, or a bad value.
        public static let pipeline = Code(rawValue: "pipeline")
        /// The hall registry cannot be read or has a bad row.
        public static let registry = Code(rawValue: "registry")
        /// An input file cannot be opened or read.
        public static let io = Code(rawValue: "io")
        /// An input file cannot be used at all (undecodable bytes, a runaway field, hostile XML).
        public static let fileRefused = Code(rawValue: "file_refused")
        /// An output cannot be written.
        public static let output = Code(rawValue: "output")
        /// The pipeline's store cannot be opened, migrated or written.
        public static let store = Code(rawValue: "store")
        /// Another run of the same pipeline is under way.
        public static let busy = Code(rawValue: "busy")
        /// Another run has held the lock for longer than it should: it is probably hung.
        public static let stuckRun = Code(rawValue: "stuck_run")
        /// The command line is wrong.
        public static let usage = Code(rawValue: "usage")
        /// A source that is not optional matches no file: the run would publish its halls as not reporting.
        public static let missingSource = Code(rawValue: "missing_source")
    }

    public var code: Code
    public var message: String
    public var location: SourceLocation?
    /// The pipeline key concerned, as a path such as `sources[1].columns.txn_id`.
    public var key: String?

    public init(_ code: Code, _ message: String, at location: SourceLocation? = nil, key: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.key = key
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error: \(message)"
        if let key { text += " (key \(key))" }
        return text
    }
}
