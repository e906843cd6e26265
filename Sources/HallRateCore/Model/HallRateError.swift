/// The one error type of hallrate: a stable code, a message, and where it happened.
///
/// Printed compiler-style: `Pipelines/default.yml:12:5: error: unknown key 'delimeter' (sources[0].delimeter)`.
package struct HallRateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, documented classification of what went wrong.
    package struct Code: RawRepresentable, Hashable, Sendable {
        package let rawValue: String
        package init(rawValue: String) { self.rawValue = rawValue }

        /// The pipeline file is not valid YAML, has an unknown or missing key, or a bad value.
        package static let pipeline = Code(rawValue: "pipeline")
        /// The hall registry cannot be read or has a bad row.
        package static let registry = Code(rawValue: "registry")
        /// An input file cannot be opened or read.
        package static let io = Code(rawValue: "io")
        /// An input file cannot be used at all (undecodable bytes, a runaway field, hostile XML).
        package static let fileRefused = Code(rawValue: "file_refused")
        /// An output cannot be written.
        package static let output = Code(rawValue: "output")
        /// The pipeline's store cannot be opened, migrated or written.
        package static let store = Code(rawValue: "store")
        /// Another run of the same pipeline is under way.
        package static let busy = Code(rawValue: "busy")
        /// Another run has held the lock for longer than it should: it is probably hung.
        package static let stuckRun = Code(rawValue: "stuck_run")
        /// The command line is wrong.
        package static let usage = Code(rawValue: "usage")
        /// A source that is not optional matches no file: the run would publish its halls as not reporting.
        package static let missingSource = Code(rawValue: "missing_source")
        /// A date falls in a year the working-day calendar does not cover (contract rule 19), or the
        /// calendar's data is wrong.
        package static let calendar = Code(rawValue: "calendar")
        /// A member of a federated pipeline that is not optional has not published a closed month (rule 14
        /// at member level): the run would publish its halls as not reporting.
        package static let missingMember = Code(rawValue: "missing_member")
        /// The item catalogue cannot be read or has a bad row.
        package static let catalogue = Code(rawValue: "catalogue")
        /// Publishing to PostgreSQL, or reading the members' publications, failed (the server is
        /// unreachable, refuses, or holds what a federated run cannot use).
        package static let publication = Code(rawValue: "publication")
    }

    package var code: Code
    package var message: String

    /// The command's exit status for this error, the one place it is decided (docs/operations.md):
    /// 75 (EX_TEMPFAIL) when another run holds the lock, so cron retries; 2 when the pipeline, the
    /// registry, the command line or the working-day calendar must be fixed; 1 for every other failure.
    package var exitStatus: Int32 {
        switch code {
        case .busy: return 75
        case .pipeline, .registry, .usage, .calendar, .catalogue: return 2
        default: return 1
        }
    }
    package var location: SourceLocation?
    /// The pipeline key concerned, as a path such as `sources[1].columns.txn_id`.
    package var key: String?

    package init(_ code: Code, _ message: String, at location: SourceLocation? = nil, key: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.key = key
    }

    package var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error: \(message)"
        if let key { text += " (key \(key))" }
        return text
    }
}
