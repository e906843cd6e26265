/// A pipeline file (`Pipelines/*.yml`) as written: decoded from YAML, unknown keys refused.
///
/// Every key is documented in `docs/pipeline-format.md`. Semantic checks (tiers, canonical values,
/// date formats) happen in ``PipelineLoader``, which turns this into a ``Pipeline``.
package struct PipelineDefinition: Decodable, Sendable {
    package var name: String?
    /// Required with `sources`; a federated pipeline (`members`) has its members' registries instead.
    package var registry: String?
    /// The item catalogue (事项目录), a CSV path; optional.
    package var catalogue: String?
    package var sources: [SourceDefinition]?
    /// A federated pipeline's members (issue 15): read from PostgreSQL instead of `sources`.
    package var members: MembersDefinition?
    package var targets: TargetsDefinition
    /// Targets of the time-limit ratios (rule 21: `on_time_targets`, `instant_share_targets`,
    /// `fully_online_share_targets`, `compression_targets`), each of which then is ranked and flagged like
    /// the online rate; optional. By key, in the order of ``Metric/timeLimitFamily``.
    package var timeLimitTargets: [(key: String, targets: TargetsDefinition)] = []
    package var minVolume: PerTier<Int>?
    package var listSize: Int?
    package var listMinRanked: Int?
    package var closeAfterDays: Int?
    package var earliestMonth: String?
    package var output: OutputDefinition?
    package var report: PublicationDefinition?
    package var calendar: CalendarDefinition?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, registry, catalogue, sources, members, targets, output, report, calendar
        case minVolume = "min_volume"
        case onTimeTargets = "on_time_targets"
        case instantShareTargets = "instant_share_targets"
        case fullyOnlineShareTargets = "fully_online_share_targets"
        case compressionTargets = "compression_targets"
        case listSize = "list_size"
        case listMinRanked = "list_min_ranked"
        case closeAfterDays = "close_after_days"
        case earliestMonth = "earliest_month"
    }

    package init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        registry = try c.decodeIfPresent(String.self, forKey: .registry)
        catalogue = try c.decodeIfPresent(String.self, forKey: .catalogue)
        sources = try c.decodeIfPresent([SourceDefinition].self, forKey: .sources)
        members = try c.decodeIfPresent(MembersDefinition.self, forKey: .members)
        targets = try c.decode(TargetsDefinition.self, forKey: .targets)
        for (key, _) in Metric.timeLimitFamily {
            if let codingKey = CodingKeys(rawValue: key), let targets = try c.decodeIfPresent(TargetsDefinition.self, forKey: codingKey) {
                timeLimitTargets.append((key, targets))
            }
        }
        minVolume = try c.decodeIfPresent(PerTier<Int>.self, forKey: .minVolume)
        listSize = try c.decodeIfPresent(Int.self, forKey: .listSize)
        listMinRanked = try c.decodeIfPresent(Int.self, forKey: .listMinRanked)
        closeAfterDays = try c.decodeIfPresent(Int.self, forKey: .closeAfterDays)
        earliestMonth = try c.decodeIfPresent(String.self, forKey: .earliestMonth)
        output = try c.decodeIfPresent(OutputDefinition.self, forKey: .output)
        report = try c.decodeIfPresent(PublicationDefinition.self, forKey: .report)
        calendar = try c.decodeIfPresent(CalendarDefinition.self, forKey: .calendar)
    }
}

/// One kind of export: which files, how their bytes are laid out, and how their columns map.
package struct SourceDefinition: Decodable, Sendable {
    package var name: String
    package var glob: String
    package var format: String
    package var encoding: String?
    package var delimiter: String?
    /// Canonical field → source column name.
    package var columns: [String: String]
    package var values: ValueMaps
    package var dateFormats: [String]
    /// XML only: the repeating record element, e.g. `办件` or `b:办件`.
    package var record: String?
    /// XML only: prefix → namespace URI, for the prefixes used in `record` and `columns`.
    package var namespaces: [String: String]?
    /// True when the run may go on although the glob matches no file (contract rule 14).
    package var optional: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, glob, format, encoding, delimiter, columns, values, record, namespaces, optional
        case dateFormats = "date_formats"
    }

    package init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        glob = try c.decode(String.self, forKey: .glob)
        format = try c.decodeIfPresent(String.self, forKey: .format) ?? "csv"
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
        delimiter = try c.decodeIfPresent(String.self, forKey: .delimiter)
        columns = try c.decode([String: String].self, forKey: .columns)
        values = try c.decode(ValueMaps.self, forKey: .values)
        dateFormats = try c.decode([String].self, forKey: .dateFormats)
        record = try c.decodeIfPresent(String.self, forKey: .record)
        namespaces = try c.decodeIfPresent([String: String].self, forKey: .namespaces)
        optional = try c.decodeIfPresent(Bool.self, forKey: .optional) ?? false
    }
}

/// `targets:` as written: one value per tier for all time, or a schedule of changes, each from a month.
///
/// ```yaml
/// targets: {district: 0.70, township: 0.50, village: 0.30}
/// targets:
///   - {district: 0.60, township: 0.40, village: 0.25}
///   - {from: 2019-01, district: 0.70, township: 0.50, village: 0.30}
/// ```
package enum TargetsDefinition: Decodable, Sendable {
    /// Tier → value.
    case constant([String: String])
    /// Each step: an optional `from` (`YYYY-MM`) and tier → value.
    case schedule([[String: String]])

    package init(from decoder: Decoder) throws {
        if let steps = try? [[String: String]](from: decoder) {
            self = .schedule(steps)
        } else if let constant = try? [String: String](from: decoder) {
            self = .constant(constant)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a mapping of tier: target, or a list of such mappings each with 'from: YYYY-MM'"))
        }
    }
}

/// A setting given once for every tier (`min_volume: 30`) or per tier (`min_volume: {district: 30, …}`).
package enum PerTier<Value: Decodable & Sendable>: Decodable, Sendable {
    case all(Value)
    case each([String: Value])

    package init(from decoder: Decoder) throws {
        if let value = try? Value(from: decoder) {
            self = .all(value)
        } else if let each = try? [String: Value](from: decoder) {
            self = .each(each)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected one whole number for every tier, or a mapping of tier: whole number"))
        }
    }
}

/// Raw source words → canonical values, for `channel` and `status`.
package struct ValueMaps: Decodable, Sendable {
    package var channel: [String: String]
    package var status: [String: String]
    /// The name of a built-in vocabulary written instead of the channel map (`channel: gbt39046`).
    package var channelVocabulary: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case channel, status }

    package init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let name = try? c.decode(String.self, forKey: .channel) {
            channel = [:]
            channelVocabulary = name
        } else {
            channel = try c.decode([String: String].self, forKey: .channel)
        }
        status = try c.decode([String: String].self, forKey: .status)
    }

    /// Built-in channel vocabularies: GB/T 39046's 申报来源 codes (1 窗口, 2 电脑端网上, 3 移动端,
    /// 4 快递申请, 9 其他); a 快递 (mailed) application is not handled online.
    package static let channelVocabularies: [String: [String: String]] = [
        "gbt39046": ["1": "window", "2": "online", "3": "mobile", "4": "other", "9": "other"]
    ]
}

/// Where and how results are written.
package struct OutputDefinition: Decodable, Sendable {
    package var folder: String?
    package var language: String?
    package var encoding: String?
    package var store: String?
    package var percent: Bool?
    package var csvCodes: String?
    /// Where the run publishes its counts (`output.postgres`); optional.
    package var postgres: PostgresDefinition?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case folder, language, encoding, store, percent, postgres
        case csvCodes = "csv_codes"
    }

    package init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        folder = try c.decodeIfPresent(String.self, forKey: .folder)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
        store = try c.decodeIfPresent(String.self, forKey: .store)
        percent = try c.decodeIfPresent(Bool.self, forKey: .percent)
        csvCodes = try c.decodeIfPresent(String.self, forKey: .csvCodes)
        postgres = try c.decodeIfPresent(PostgresDefinition.self, forKey: .postgres)
    }
}

/// `output.postgres`: the PostgreSQL server a member publishes its counts to, as written.
package struct PostgresDefinition: Decodable, Sendable {
    package var url: String
    package var schema: String?
    package var member: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case url, schema, member
    }

    package init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decode(String.self, forKey: .url)
        schema = try c.decodeIfPresent(String.self, forKey: .schema)
        member = try c.decodeIfPresent(String.self, forKey: .member)
    }
}

/// `members:` of a federated pipeline, as written: the server the members publish to and who is expected.
package struct MembersDefinition: Decodable, Sendable {
    package var url: String
    package var schema: String?
    /// The members (counties) the run expects, by the name they publish as.
    package var expect: [String]
    /// Those of them whose missing months do not fail the run.
    package var optional: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case url, schema, expect, optional
    }

    package init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decode(String.self, forKey: .url)
        schema = try c.decodeIfPresent(String.self, forKey: .schema)
        expect = try c.decode([String].self, forKey: .expect)
        optional = try c.decodeIfPresent([String].self, forKey: .optional)
    }
}

/// Who issues the report and how it is headed (`report:`): the leader-facing identity of the 通报.
package struct PublicationDefinition: Decodable, Sendable {
    package var region: String?
    package var issuer: String?
    package var issueNumber: String?
    package var contact: String?
    package var pdf: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case region, issuer, contact, pdf
        case issueNumber = "issue_number"
    }

    package init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        issueNumber = try c.decodeIfPresent(String.self, forKey: .issueNumber)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        pdf = try c.decodeIfPresent(Bool.self, forKey: .pdf)
    }
}

/// `calendar:`: a district's own changes to the official working days (contract rule 19).
package struct CalendarDefinition: Decodable, Sendable {
    package var extraClosures: [String]?
    package var extraWorkingDays: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case extraClosures = "extra_closures"
        case extraWorkingDays = "extra_working_days"
    }

    package init(from decoder: Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        extraClosures = try c.decodeIfPresent([String].self, forKey: .extraClosures)
        extraWorkingDays = try c.decodeIfPresent([String].self, forKey: .extraWorkingDays)
    }
}

/// A coding key for any string, used to list the keys a mapping really has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// Throws a `DecodingError` at the first key of this mapping that `Keys` does not name.
    func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !known.contains(key.stringValue) {
            let guess = KeyGuess.closest(to: key.stringValue, among: known).map { "did you mean '\($0)'? " } ?? ""
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: codingPath + [key],
                    debugDescription: "unknown key '\(key.stringValue)'; \(guess)expected one of: \(known.sorted().joined(separator: ", "))"
                ))
        }
    }
}
