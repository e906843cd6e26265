/// A validated pipeline, ready to run: paths resolved, words mapped to typed values.
public struct Pipeline: Sendable {
    /// One validated source of exports.
    public struct Source: Sendable {
        public enum Format: String, Sendable { case csv, xml }

        public let index: Int
        public let name: String
        /// The glob as written, and resolved against the root (`{hall_code}` may name the hall).
        public let glob: String
        let paths: PathTemplate
        /// The glob resolved against the root, for finding files.
        public var resolvedGlob: String { paths.glob }
        public let format: Format
        public let encoding: TextEncoding
        public let delimiter: UInt8
        /// Canonical field → source column name.
        public let columns: [CanonicalField: String]
        public let channels: [String: Channel]
        public let statuses: [String: Status]
        public let dateFormats: [DateFormat]
        /// XML only: the record element and the distinct field paths (what a CSV header would be).
        let xml: XMLFileReader.Layout?

        /// The key path of this source in the pipeline file, e.g. `sources[1]`.
        public var keyPath: String { "sources[\(index)]" }
    }

    /// Output options.
    public struct Output: Sendable {
        public enum Language: String, Sendable { case zh, en }
        public enum Encoding: String, Sendable {
            case utf8BOM = "utf-8-bom"
            case utf8 = "utf-8"
            case gb18030
        }
        public var folder: String
        /// The store (SQLite database); by default `hallrate.sqlite` in the output folder.
        public var store: String
        /// True when the pipeline names the store (`output.store`); otherwise it follows the output folder.
        public var storeIsNamed: Bool

        /// Moves the outputs to `folder`, and the store with them unless the pipeline names one.
        public mutating func move(to folder: String) {
            if !storeIsNamed { store = folder + "/hallrate.sqlite" }
            self.folder = folder
        }
        public var language: Language
        public var encoding: Encoding
    }

    public let name: String
    /// The pipeline file, as given.
    public let file: String
    public let registryPath: String
    public let sources: [Source]
    public let targets: [Tier: Fraction]
    public let minVolume: Int
    public let listSize: Int
    public var output: Output
    /// Where each key of the file was written, for messages.
    public let keyLocations: KeyLocations

    /// The location of `keyPath`, or of its nearest written parent.
    public func location(of keyPath: String) -> SourceLocation { keyLocations.location(of: keyPath) }
}
