import Foundation

/// Checks a decoded ``PipelineDefinition`` value by value and builds the ``Pipeline``.
struct Validator {
    let file: String
    let root: String
    let keys: KeyLocations

    private func fail(_ key: String, _ message: String) -> HallRateError {
        HallRateError(.pipeline, message, at: keys.location(of: key), key: key)
    }

    /// The pipeline, or the first problem found.
    func validate(_ definition: PipelineDefinition) throws(HallRateError) -> Pipeline {
        let (pipeline, problems) = validateAll(definition)
        if let first = problems.first { throw first }
        guard let pipeline else { throw HallRateError(.pipeline, "the pipeline is not valid", at: SourceLocation(file: file)) }
        return pipeline
    }

    /// The pipeline when it is valid, and every problem found: each top-level setting and each source is
    /// checked on its own, so that one run of `check` lists them all.
    func validateAll(_ definition: PipelineDefinition) -> (Pipeline?, [HallRateError]) {
        var problems: [HallRateError] = []
        func attempt<T>(_ body: () throws(HallRateError) -> T) -> T? {
            do {
                return try body()
            } catch {
                problems.append(error)
                return nil
            }
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let name = attempt { () throws(HallRateError) -> String in
            let name = definition.name ?? stem
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw fail("name", "the pipeline name '\(name)' must be letters, digits, '-' or '_' (it names the output folder)")
            }
            return name
        }
        let members = definition.members.flatMap { written in attempt { () throws(HallRateError) in try validate(written) } }
        if definition.members != nil {
            // A federated pipeline's halls and rows are its members': a registry or a source here would be a second truth.
            if definition.registry != nil {
                problems.append(fail("registry", "a federated pipeline (members:) takes its registry from its members: remove registry"))
            }
            if definition.sources != nil {
                problems.append(fail("sources", "a pipeline reads either sources or members, not both: remove sources"))
            }
            if definition.output?.postgres != nil {
                problems.append(fail("output.postgres", "a federated pipeline does not publish counts itself: remove output.postgres"))
            }
        } else if let registry = definition.registry {
            if registry.isEmpty { problems.append(fail("registry", "the registry path is empty")) }
        } else {
            problems.append(fail("registry", "a registry is needed: registry: Input/halls.csv (or members: for a federated pipeline)"))
        }
        if definition.catalogue?.isEmpty == true { problems.append(fail("catalogue", "the catalogue path is empty")) }
        let targets = attempt { () throws(HallRateError) in try targetSchedule(definition.targets) }
        let minVolume = attempt { () throws(HallRateError) in try perTier(definition.minVolume, default: 30, key: "min_volume") }
        let listSize = definition.listSize ?? 5
        if listSize < 1 { problems.append(fail("list_size", "list_size must be at least 1")) }
        let listMinRanked = definition.listMinRanked ?? 3
        if listMinRanked < 1 { problems.append(fail("list_min_ranked", "list_min_ranked must be at least 1")) }
        let closeAfterDays = definition.closeAfterDays ?? 5
        if !(0...366).contains(closeAfterDays) {
            problems.append(fail("close_after_days", "close_after_days must be a whole number of days from 0 to 366"))
        }
        let earliestMonth = attempt { () throws(HallRateError) -> Period in
            guard let text = definition.earliestMonth else { return Period(year: 2000, month: 1) }
            guard let month = Period(text), month.year >= 1900 else {
                throw fail("earliest_month", "'\(text)' is not a month from 1900 on; write earliest_month: YYYY-MM, e.g. 2015-01")
            }
            return month
        }
        if definition.members == nil && definition.sources?.isEmpty != false {
            problems.append(fail("sources", "at least one source is needed"))
        }
        var sources: [Pipeline.Source] = []
        var names: Set<String> = []
        for (index, source) in (definition.sources ?? []).enumerated() {
            guard let built = attempt({ () throws(HallRateError) in try validate(source, index: index) }) else { continue }
            guard names.insert(built.name).inserted else {
                problems.append(fail("sources[\(index)].name", "two sources are named '\(built.name)'"))
                continue
            }
            sources.append(built)
        }
        let output = attempt { () throws(HallRateError) in try validate(definition.output, name: name ?? stem) }
        let publication = attempt { () throws(HallRateError) in try validate(definition.report) }
        let calendar = attempt { () throws(HallRateError) in try validate(definition.calendar) }
        var timeLimitTargets: [(key: String, targets: TargetSchedule)] = []
        for (key, written) in definition.timeLimitTargets {
            if definition.catalogue == nil && definition.members == nil {
                problems.append(fail(key, "\(key) needs the item catalogue: add catalogue: <path>"))
            } else if let targets = attempt({ () throws(HallRateError) in try targetSchedule(written, key: key) }) {
                timeLimitTargets.append((key, targets))
            }
        }
        guard problems.isEmpty, let name, let targets, let minVolume, let earliestMonth, let output, let publication, let calendar
        else {
            return (nil, problems)
        }
        var pipeline = Pipeline(
            name: name, file: file, registryPath: definition.registry.map(resolve) ?? "", sources: sources,
            targets: targets, minVolume: minVolume, listSize: listSize, listMinRanked: listMinRanked,
            closeAfterDays: closeAfterDays, earliestMonth: earliestMonth, output: output, keyLocations: keys)
        pipeline.publication = publication
        pipeline.cataloguePath = definition.catalogue.map(resolve)
        (pipeline.extraClosures, pipeline.extraWorkingDays) = calendar
        pipeline.timeLimitTargets = timeLimitTargets
        pipeline.members = members
        return (pipeline, [])
    }

    private func validate(_ source: SourceDefinition, index: Int) throws(HallRateError) -> Pipeline.Source {
        let key = "sources[\(index)]"
        guard !source.name.isEmpty else { throw fail("\(key).name", "a source needs a name") }
        guard !source.glob.isEmpty else { throw fail("\(key).glob", "a source needs a glob such as Input/district/*.csv") }
        guard let format = Pipeline.Source.Format(rawValue: source.format.lowercased()) else {
            throw fail("\(key).format", "format '\(source.format)' is not supported; use csv or xml")
        }
        let encoding: TextEncoding
        if let name = source.encoding {
            guard let known = TextEncoding(name: name) else {
                throw fail("\(key).encoding", "unknown encoding '\(name)'; use utf-8, gb18030, utf-16, utf-16le, utf-16be or auto")
            }
            encoding = known
        } else {
            encoding = .utf8
        }
        let delimiter = try parseDelimiter(source.delimiter ?? ",", key: "\(key).delimiter")

        var columns: [CanonicalField: String] = [:]
        for (field, column) in source.columns {
            guard let canonical = CanonicalField(rawValue: field) else {
                throw fail(
                    "\(key).columns.\(field)",
                    "unknown field '\(field)'; fields are \(CanonicalField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let trimmed = TextNormalizer.normalize(column)
            guard !trimmed.isEmpty else { throw fail("\(key).columns.\(field)", "the column name for '\(field)' is empty") }
            columns[canonical] = trimmed
        }
        let paths = PathTemplate(resolve(source.glob))
        let hallWays = [columns[.hallCode] != nil, columns[.hallName] != nil, paths.capturesHall].filter { $0 }.count
        guard hallWays <= 1 else {
            throw fail("\(key).columns", "name the hall one way only: hall_code, hall_name, or {hall_code} in the glob")
        }
        for field in CanonicalField.required where columns[field] == nil && !(field == .hallCode && hallWays == 1) {
            throw fail(
                "\(key).columns",
                "missing the mapping of required field '\(field.rawValue)'"
                    + (field == .hallCode ? " (or hall_name, or {hall_code} in the glob)" : ""))
        }
        var channelWords = source.values.channel
        if let name = source.values.channelVocabulary {
            guard let words = ValueMaps.channelVocabularies[name.lowercased()] else {
                throw fail(
                    "\(key).values.channel",
                    "'\(name)' is not a built-in vocabulary (\(ValueMaps.channelVocabularies.keys.sorted().joined(separator: ", "))); "
                        + "or write the map, e.g. {窗口: window, 网上: online}")
            }
            channelWords = words
        }
        let channels = try valueMap(channelWords, Channel.self, key: "\(key).values.channel", noun: "channel")
        let statuses = try valueMap(source.values.status, Status.self, key: "\(key).values.status", noun: "status")
        guard !channels.isEmpty else { throw fail("\(key).values.channel", "the channel value map is empty") }
        guard !statuses.isEmpty else { throw fail("\(key).values.status", "the status value map is empty") }
        guard !source.dateFormats.isEmpty else { throw fail("\(key).date_formats", "at least one date format is needed") }
        var formats: [DateFormat] = []
        for (i, pattern) in source.dateFormats.enumerated() {
            guard let format = DateFormat(pattern) else {
                throw fail(
                    "\(key).date_formats[\(i)]",
                    "'\(pattern)' is not a date format; use letters yyyy M MM d dd H HH m mm s ss, or iso8601, or excel")
            }
            formats.append(format)
        }
        let xml = try xmlLayout(source, format: format, columns: columns, key: key)
        return Pipeline.Source(
            index: index, name: source.name, glob: source.glob, paths: paths,
            format: format, encoding: encoding, delimiter: delimiter, columns: columns,
            channels: channels, statuses: statuses, dateFormats: formats, xml: xml,
            optional: source.optional)
    }

    /// One tier's target from its text at `key`.
    private func target(_ text: String, key: String) throws(HallRateError) -> Fraction {
        guard let target = Fraction(decimal: text), target.numerator <= target.denominator else {
            throw fail(key, "the target '\(text)' must be a ratio between 0 and 1 (e.g. 0.6) or a percentage (60%)")
        }
        return target
    }

    /// `targets:` as one value per tier, or as a schedule whose first step holds every tier and whose
    /// later steps each start at a later month (`from: YYYY-MM`).
    private func targetSchedule(_ definition: TargetsDefinition, key root: String = "targets") throws(HallRateError) -> TargetSchedule {
        let steps: [[String: String]]
        let isSchedule: Bool
        switch definition {
        case .constant(let values): (steps, isSchedule) = ([values], false)
        case .schedule(let values): (steps, isSchedule) = (values, true)
        }
        guard !steps.isEmpty else { throw fail(root, "the target schedule is empty") }
        var built: [TargetSchedule.Step] = []
        for (index, step) in steps.enumerated() {
            let key = isSchedule ? "\(root)[\(index)]" : root
            var targets: [Tier: Fraction] = [:]
            var from: Period?
            for (name, value) in step.sorted(by: { $0.key < $1.key }) {
                if isSchedule, name == "from" {
                    guard let month = Period(value) else {
                        throw fail("\(key).from", "'\(value)' is not a month; write from: YYYY-MM, e.g. from: 2019-01")
                    }
                    from = month
                    continue
                }
                guard let tier = Tier(rawValue: name) else {
                    throw fail(
                        "\(key).\(name)",
                        "unknown tier '\(name)'; tiers are district, township, village"
                            + (isSchedule ? ", and 'from' gives the month a step takes effect" : ""))
                }
                targets[tier] = try target(value, key: "\(key).\(name)")
            }
            if index == 0 {
                if from != nil {
                    throw fail("\(key).from", "the first step of the schedule is in force from the beginning and takes no 'from'")
                }
                for tier in Tier.allCases where targets[tier] == nil {
                    throw fail(key, "missing target for tier '\(tier.rawValue)'")
                }
            } else {
                guard let month = from else {
                    throw fail(key, "every step of the schedule after the first needs 'from: YYYY-MM', the month it takes effect")
                }
                if let previous = built.last?.from, month <= previous {
                    throw fail("\(key).from", "the steps must take effect in order: \(month) is not after \(previous)")
                }
                guard !targets.isEmpty else { throw fail(key, "the step from \(month) changes no tier's target") }
            }
            built.append(TargetSchedule.Step(from: from, targets: targets))
        }
        return TargetSchedule(steps: built)
    }

    /// A whole number ≥ 1 for every tier, from one number or a mapping naming all three tiers.
    private func perTier(_ definition: PerTier<Int>?, default value: Int, key: String) throws(HallRateError) -> [Tier: Int] {
        var values: [Tier: Int] = [:]
        switch definition {
        case nil:
            for tier in Tier.allCases { values[tier] = value }
        case .all(let number):
            guard number >= 1 else { throw fail(key, "\(key) must be at least 1") }
            for tier in Tier.allCases { values[tier] = number }
        case .each(let byTier):
            for (name, number) in byTier.sorted(by: { $0.key < $1.key }) {
                guard let tier = Tier(rawValue: name) else {
                    throw fail("\(key).\(name)", "unknown tier '\(name)'; tiers are district, township, village")
                }
                guard number >= 1 else { throw fail("\(key).\(name)", "\(key) must be at least 1") }
                values[tier] = number
            }
            for tier in Tier.allCases where values[tier] == nil {
                throw fail(key, "missing \(key) for tier '\(tier.rawValue)' (give all three, or one number for every tier)")
            }
        }
        return values
    }

    /// For an XML source, the record element and field paths; for a CSV source, a check that no XML key is set.
    private func xmlLayout(
        _ source: SourceDefinition, format: Pipeline.Source.Format, columns: [CanonicalField: String],
        key: String
    ) throws(HallRateError) -> XMLFileReader.Layout? {
        guard format == .xml else {
            if source.record != nil { throw fail("\(key).record", "record applies to xml sources only") }
            if source.namespaces != nil { throw fail("\(key).namespaces", "namespaces apply to xml sources only") }
            return nil
        }
        let namespaces = source.namespaces ?? [:]
        for (prefix, uri) in namespaces where prefix.isEmpty || prefix.contains(":") || uri.isEmpty {
            throw fail("\(key).namespaces.\(prefix)", "a namespace needs a prefix without ':' and a URI")
        }
        guard let recordName = source.record else {
            throw fail(key, "an xml source needs 'record': the name of its repeating record element")
        }
        let record: XMLPath
        do {
            record = try XMLPath.parse(recordName, namespaces: namespaces)
        } catch {
            throw fail("\(key).record", "record '\(recordName)': \(error.reason)")
        }
        guard record.elements.count == 1, record.attribute == nil, let element = record.elements.first else {
            throw fail("\(key).record", "record must be one element name, such as 办件 or b:办件")
        }
        var paths: Set<XMLPath> = []
        for (field, text) in columns {
            do {
                paths.insert(try XMLPath.parse(text, namespaces: namespaces))
            } catch {
                throw fail("\(key).columns.\(field.rawValue)", "path '\(text)': \(error.reason)")
            }
        }
        return XMLFileReader.Layout(record: element, fields: paths.sorted { $0.description < $1.description })
    }

    /// Source words (normalised) → canonical values; every value must be one of `Value`'s.
    private func valueMap<Value: RawRepresentable & CaseIterable>(
        _ words: [String: String], _: Value.Type, key: String, noun: String
    ) throws(HallRateError) -> [String: Value] where Value.RawValue == String {
        var map: [String: Value] = [:]
        var writtenAs: [String: String] = [:]  // normalised word → the word as written
        // The decoder does not keep the order of keys: sorted, so an error names the same pair every time.
        for (word, name) in words.sorted(by: { $0.key < $1.key }) {
            guard let value = Value(rawValue: name) else {
                let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("\(key).\(word)", "'\(name)' is not a \(noun); use one of: \(allowed)")
            }
            let normalized = TextNormalizer.normalize(word)
            if let other = writtenAs[normalized], map[normalized]?.rawValue != value.rawValue {
                throw fail(
                    "\(key).\(word)",
                    "'\(word)' and '\(other)' are the same word once trimmed and normalised, "
                        + "but map to different \(noun) values (\(name), \(map[normalized]?.rawValue ?? "?")): keep one")
            }
            writtenAs[normalized] = word
            map[normalized] = value
        }
        return map
    }

    private func parseDelimiter(_ text: String, key: String) throws(HallRateError) -> UInt8 {
        switch text.lowercased() {
        case ",", "comma": return UInt8(ascii: ",")
        case "\t", "tab", "\\t": return UInt8(ascii: "\t")
        case ";", "semicolon": return UInt8(ascii: ";")
        case "|", "pipe": return UInt8(ascii: "|")
        default: throw fail(key, "delimiter '\(text)' is not supported; use ',', tab, ';' or '|'")
        }
    }

    private func validate(_ output: OutputDefinition?, name: String) throws(HallRateError) -> Pipeline.Output {
        let folder = output?.folder ?? "Output/\(name)"
        let languageName = output?.language ?? "zh"
        guard let language = Pipeline.Output.Language(rawValue: languageName.lowercased()) else {
            throw fail("output.language", "language '\(languageName)' is not supported; use zh or en")
        }
        let encodingName = output?.encoding ?? "utf-8-bom"
        guard let encoding = Pipeline.Output.Encoding(rawValue: encodingName.lowercased()) else {
            throw fail("output.encoding", "output encoding '\(encodingName)' is not supported; use utf-8-bom, utf-8 or gb18030")
        }
        let store = output?.store.map(resolve) ?? resolve(folder) + "/hallrate.sqlite"
        var validated = Pipeline.Output(
            folder: resolve(folder), store: store, storeIsNamed: output?.store != nil,
            language: language, encoding: encoding)
        // Supervisors open the Chinese CSVs in Excel; programs read the English ones, named as the contract's columns.
        validated.csvCodes = language == .zh ? .excel : .plain
        if let codes = output?.csvCodes {
            guard let style = Pipeline.Output.CSVCodes(rawValue: codes.lowercased()) else {
                throw fail("output.csv_codes", "csv_codes '\(codes)' is not supported; use excel (=\"…\", kept as text by Excel) or plain")
            }
            validated.csvCodes = style
        }
        validated.percent = output?.percent ?? false
        if let postgres = output?.postgres { validated.postgres = try validate(postgres, name: name) }
        return validated
    }

    /// `output.postgres`: a URL without a password, and names that are plain SQL identifiers.
    private func validate(_ postgres: PostgresDefinition, name: String) throws(HallRateError) -> Pipeline.Output.PostgresTarget {
        let url = postgres.url.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty else {
            throw fail("output.postgres.url", "a URL such as postgresql://hallrate@db.example/supervision is needed")
        }
        guard PostgresConnection.withoutPassword(url) == url else {
            throw fail(
                "output.postgres.url",
                "the URL holds a password: pipeline files are shared, so give it in PGPASSWORD or ~/.pgpass instead")
        }
        let schema = postgres.schema ?? "hallrate"
        guard Self.isIdentifier(schema) else {
            throw fail(
                "output.postgres.schema", "schema '\(schema)' must be a lower-case SQL name: a–z, 0–9 and _, not starting with a digit")
        }
        let member = postgres.member ?? name
        guard !member.isEmpty, member.count <= 63, !member.contains(where: { $0.isNewline || $0 == "\t" }) else {
            throw fail("output.postgres.member", "member '\(member)' must be one line of 1 to 63 characters")
        }
        return Pipeline.Output.PostgresTarget(url: url, schema: schema, member: member)
    }

    /// `members:`: a URL without a password, a schema name, and at least one member, each named once.
    private func validate(_ members: MembersDefinition) throws(HallRateError) -> Pipeline.Members {
        let url = members.url.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty else { throw fail("members.url", "a URL such as postgresql://reader@db.example/supervision is needed") }
        guard PostgresConnection.withoutPassword(url) == url else {
            throw fail(
                "members.url", "the URL holds a password: pipeline files are shared, so give it in PGPASSWORD or ~/.pgpass instead")
        }
        let schema = members.schema ?? "hallrate"
        guard Self.isIdentifier(schema) else {
            throw fail("members.schema", "schema '\(schema)' must be a lower-case SQL name: a–z, 0–9 and _, not starting with a digit")
        }
        guard !members.expect.isEmpty else {
            throw fail("members.expect", "name the members the run expects: expect: [county-a, county-b]")
        }
        var seen: Set<String> = []
        for member in members.expect where !seen.insert(member).inserted {
            throw fail("members.expect", "member '\(member)' is named twice")
        }
        let optional = Set(members.optional ?? [])
        if let stranger = (members.optional ?? []).first(where: { !seen.contains($0) }) {
            throw fail("members.optional", "member '\(stranger)' is optional but not expected: add it to members.expect")
        }
        return Pipeline.Members(url: url, schema: schema, expected: members.expect, optional: optional)
    }

    /// A name PostgreSQL takes unquoted: `[a-z_][a-z0-9_]*`, at most 63 bytes.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 63, first == 0x5F || (0x61...0x7A).contains(first) else { return false }
        return text.utf8.allSatisfy { $0 == 0x5F || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
    }

    private func validate(_ report: PublicationDefinition?) throws(HallRateError) -> Pipeline.Publication {
        guard let report else { return Pipeline.Publication() }
        for (key, value) in [
            ("region", report.region), ("issuer", report.issuer), ("issue_number", report.issueNumber),
            ("contact", report.contact),
        ] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty || value.count > 200 || value.contains(where: \.isNewline) {
                throw fail("report.\(key)", "report.\(key) must be one line of 1 to 200 characters")
            }
        }
        if let pattern = report.issueNumber {
            var rest = pattern
            for placeholder in Pipeline.Publication.issuePlaceholders { rest = rest.replacingOccurrences(of: placeholder, with: "") }
            if rest.contains("{") || rest.contains("}") {
                throw fail(
                    "report.issue_number",
                    "issue_number '\(pattern)' may use only {year} and {month}, e.g. \"{year}年第{month}期\"")
            }
        }
        return Pipeline.Publication(
            region: report.region, issuer: report.issuer, issueNumber: report.issueNumber,
            contact: report.contact, pdf: report.pdf ?? false)
    }

    /// The district's closures and extra working days, each a `YYYY-MM-DD`, no day in both lists.
    private func validate(_ calendar: CalendarDefinition?) throws(HallRateError) -> (closures: [CalendarDate], workingDays: [CalendarDate])
    {
        func days(_ texts: [String]?, _ key: String) throws(HallRateError) -> [CalendarDate] {
            var days: [CalendarDate] = []
            for (index, text) in (texts ?? []).enumerated() {
                guard let day = CalendarDate(text.trimmingCharacters(in: .whitespaces)) else {
                    throw fail("calendar.\(key)[\(index)]", "'\(text)' is not a date YYYY-MM-DD")
                }
                days.append(day)
            }
            return days
        }
        let closures = try days(calendar?.extraClosures, "extra_closures")
        let workingDays = try days(calendar?.extraWorkingDays, "extra_working_days")
        if let both = workingDays.firstIndex(where: closures.contains) {
            throw fail("calendar.extra_working_days[\(both)]", "\(workingDays[both]) is also in calendar.extra_closures")
        }
        return (closures, workingDays)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: root).appendingPathComponent(path).path
    }
}
