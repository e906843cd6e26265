import Foundation
import Testing

/// Issue 15 against a real PostgreSQL server (scripts/test.sh starts a throw-away one and sets
/// `HALLRATE_TEST_POSTGRES`): counties publish their counts, a federated pipeline ranks them all.
///
/// Serialized: one test stops the server. Each test has a schema of its own.
@Suite(
    .serialized,
    .enabled(
        if: ProcessInfo.processInfo.environment["HALLRATE_TEST_POSTGRES"] != nil,
        "needs a PostgreSQL server in HALLRATE_TEST_POSTGRES (scripts/test.sh starts one)"))
struct FederationTests {
    static let server = ProcessInfo.processInfo.environment["HALLRATE_TEST_POSTGRES"]
    static let asOf = "2019-12-06"

    /// A fresh schema name, so that tests never see each other's rows.
    static func schema() -> String { "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16) }

    /// One value per line of a query's rows, fields joined by `|` (psql's unaligned output).
    static func query(_ sql: String) throws -> [String] {
        let result = try WorkbookTests.run(["psql", try #require(server), "-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql])
        try #require(result.status == 0, "psql: \(result.errors)")
        return String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Runs a pg_ctl command line holding no descriptor of this process beyond 0–2, all /dev/null: a server
    /// started with one (Foundation's own, which tell it the child ended) would keep it open, and the wait
    /// would never end. Returns its exit status.
    static func serverControl(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let closeAll = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; "
        process.arguments = ["-c", closeAll + "exec " + command]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    // MARK: The demo as three counties

    /// The three member counties of the split demo and the demo sources each one runs.
    static let counties: [(name: String, sources: [String])] = [
        ("city", ["district", "street"]), ("towns", ["township", "village"]), ("villages", ["village-xml"]),
    ]

    /// The county a registry row belongs to: the district centre and the 街道 (001–009) to the city, the
    /// towns' centres (010–016) and the villages of 001–008 to the towns, the villages of 009–016 (XML) to villages.
    static func county(of row: [String]) -> String {
        func number(_ code: String) -> Int { Int(code.dropFirst(6).prefix(3)) ?? 0 }
        switch row[2] {
        case "district": return "city"
        case "township": return number(row[0]) <= 9 ? "city" : "towns"
        default: return (9...16).contains(number(row[3])) ? "villages" : "towns"
        }
    }

    /// The demo's pipeline text split into what precedes `sources:`, each source's lines by name, and what follows.
    static func pipelineParts(_ text: String) throws -> (head: String, sources: [String: String], tail: String) {
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "sources:"))
        let end = try #require(lines.firstIndex(of: "output:"))
        var sources: [String: String] = [:]
        var current: String?
        for line in lines[(start + 1)..<end] {
            if line.hasPrefix("  - name: ") { current = String(line.dropFirst("  - name: ".count)) }
            guard let name = current, !line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), !line.isEmpty else { continue }
            sources[name, default: ""] += line + "\n"
        }
        return (lines[..<start].joined(separator: "\n") + "\n", sources, lines[end...].joined(separator: "\n"))
    }

    /// A folder with the demo's inputs, a registry per county, a pipeline per county publishing to
    /// `schema`, a single pipeline over all inputs (the three registries together) and a federated one.
    static func splitDemo(schema: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hallrate-federation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Pipelines"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: DemoTests.repository.appendingPathComponent("Input"), to: folder.appendingPathComponent("Input"))
        let registry = try String(contentsOf: folder.appendingPathComponent("Input/halls.csv"), encoding: .utf8)
        var lines = registry.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst()
        var byCounty: [String: [String]] = [:]
        for line in lines { byCounty[county(of: line.components(separatedBy: ",")), default: []].append(line) }
        for (name, _) in counties {
            try ([header] + (byCounty[name] ?? []) + [""]).joined(separator: "\n")
                .write(to: folder.appendingPathComponent("Input/\(name).csv"), atomically: true, encoding: .utf8)
        }
        let together = [header] + counties.flatMap { byCounty[$0.name] ?? [] } + [""]
        try together.joined(separator: "\n").write(to: folder.appendingPathComponent("Input/all.csv"), atomically: true, encoding: .utf8)

        let demo = try String(contentsOf: DemoTests.repository.appendingPathComponent("Pipelines/default.yml"), encoding: .utf8)
        let (head, sources, tail) = try pipelineParts(demo)
        #expect(Set(sources.keys) == Set(counties.flatMap(\.sources)))
        for (name, names) in counties {
            let text =
                head.replacingOccurrences(of: "name: default", with: "name: \(name)")
                .replacingOccurrences(of: "registry: Input/halls.csv", with: "registry: Input/\(name).csv")
                + "sources:\n" + names.compactMap { sources[$0] }.joined()
                + tail.replacingOccurrences(of: "folder: Output/default", with: "folder: Output/\(name)")
                .replacingOccurrences(
                    of: "output:\n", with: "output:\n  postgres: {url: \"\(server ?? "")\", schema: \(schema), member: \(name)}\n")
            try text.write(to: folder.appendingPathComponent("Pipelines/\(name).yml"), atomically: true, encoding: .utf8)
        }
        try
            (head.replacingOccurrences(of: "name: default", with: "name: single")
            .replacingOccurrences(of: "registry: Input/halls.csv", with: "registry: Input/all.csv")
            + "sources:\n" + counties.flatMap(\.sources).compactMap { sources[$0] }.joined()
            + tail.replacingOccurrences(of: "folder: Output/default", with: "folder: Output/single"))
            .write(to: folder.appendingPathComponent("Pipelines/single.yml"), atomically: true, encoding: .utf8)
        try federated(head: head, tail: tail, schema: schema, expect: counties.map(\.name))
            .write(to: folder.appendingPathComponent("Pipelines/federation.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The federated pipeline: the demo's settings, `members:` instead of a registry and sources.
    static func federated(head: String, tail: String, schema: String, expect: [String], optional: [String] = []) -> String {
        head.replacingOccurrences(of: "name: default", with: "name: federation")
            .replacingOccurrences(of: "registry: Input/halls.csv\n", with: "")
            + "members:\n  url: \"\(server ?? "")\"\n  schema: \(schema)\n  expect: [\(expect.joined(separator: ", "))]\n"
            + (optional.isEmpty ? "" : "  optional: [\(optional.joined(separator: ", "))]\n")
            + tail.replacingOccurrences(of: "folder: Output/default", with: "folder: Output/federation")
    }

    static func run(
        _ pipeline: String, in folder: URL, _ more: [String] = [], environment: [String: String] = [:]
    ) throws
        -> HallRateProcess.Result
    {
        try HallRateProcess.run(
            ["run", "Pipelines/\(pipeline).yml", "--as-of", asOf, "--no-xlsx", "--no-html"] + more, in: folder, environment: environment)
    }

    /// The CSVs a federated run writes as a single run would: all but the rejects and the exception
    /// lists, which name rows and cases and stay with each member.
    static func comparable(_ folder: URL) throws -> [String: Data] {
        try HallRateProcess.csvOutputs(in: folder).filter { name, _ in name != "rejects.csv" && !name.hasPrefix("overdue_") }
    }

    // MARK: Tests

    @Test func threeCountiesPublishAndTheFederatedRunEqualsOneRunOverAllTheirInputs() throws {
        let schema = Self.schema()
        let folder = try Self.splitDemo(schema: schema)
        // Kept when the outputs differ (or with HALLRATE_TEST_KEEP set), for a look at both.
        var differs = ProcessInfo.processInfo.environment["HALLRATE_TEST_KEEP"] != nil
        defer { if !differs { try? FileManager.default.removeItem(at: folder) } }
        for (name, _) in Self.counties {
            let result = try Self.run(name, in: folder)
            #expect(result.status == 0, "\(name): \(result.standardError)")
            #expect(result.standardOutput.contains("published to PostgreSQL at"), "\(name): \(result.standardOutput)")
        }
        let single = try Self.run("single", in: folder)
        #expect(single.status == 0, "\(single.standardError)")
        let federated = try Self.run("federation", in: folder)
        #expect(federated.status == 0, "\(federated.standardError)")
        #expect(federated.standardOutput.contains("members: 3 of 3 published"), "\(federated.standardOutput)")
        #expect(federated.standardOutput.components(separatedBy: "(reconciled)").count - 1 >= 3, "\(federated.standardOutput)")

        let expected = try Self.comparable(folder.appendingPathComponent("Output/single"))
        let actual = try Self.comparable(folder.appendingPathComponent("Output/federation"))
        #expect(expected.count > 40 && expected["hall_months.csv"] != nil && expected["time_limits.csv"] != nil)
        #expect(Set(actual.keys) == Set(expected.keys))
        // No empty lists that would read "no case": the cases stay with each county, and the outputs say so.
        let written = try HallRateProcess.csvOutputs(in: folder.appendingPathComponent("Output/federation")).keys
        #expect(!written.contains { $0.hasPrefix("overdue_") } && written.contains("rejects.csv"))
        let folders = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Output/federation").path)
        #expect(!folders.contains { $0.hasPrefix("overdue_") }, "empty list folders: \(folders)")
        for (name, bytes) in expected.sorted(by: { $0.key < $1.key }) where actual[name] != bytes {
            // Lines split as bytes: for a Swift string "\r\n" is one character, not a "\n".
            let single = bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            let federation = (actual[name] ?? Data()).split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            let line =
                zip(single, federation).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(single.count, federation.count)
            let one = line < single.count ? String(single[line]) : "(end)"
            let other = line < federation.count ? String(federation[line]) : "(end)"
            Issue.record("\(name) differs from line \(line + 1): single run '\(one)', federated '\(other)' (in \(folder.path))")
            differs = true
        }
        // check and report know a federated pipeline too; the month's report has the halls of all three.
        let check = try HallRateProcess.run(["check", "Pipelines/federation.yml"], in: folder)
        #expect(check.status == 0 && check.standardOutput.contains("federated: 3 members expected"), "\(check.standardError)")
        let report = try HallRateProcess.run(["report", "Pipelines/federation.yml", "--as-of", Self.asOf], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        let html = try String(contentsOf: folder.appendingPathComponent("Output/federation/report_2019-11.html"), encoding: .utf8)
        for name in ["七星关区政务服务中心", "撒拉溪镇政务服务中心", "柏杨林街道开行社区便民服务站"] {
            #expect(html.contains(name), "\(name) is not in the federated report")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/federation/report_2019-11.xlsx").path))
        #expect(html.contains("逐件名单保存在各县(区)自己的输出中"))

        // The server holds counts, never a transaction: Σ total and Σ online equal the single run's long table.
        let sums = try Self.query("SELECT sum(total), sum(online), count(*) FROM \(schema).hall_months")
        let long = try HallRateProcess.values(of: folder.appendingPathComponent("Output/single/hall_months.csv")).dropFirst()
        let total = long.reduce(0) { $0 + (Int($1[4]) ?? 0) }
        let online = long.reduce(0) { $0 + (Int($1[5]) ?? 0) }
        #expect(sums == ["\(total)|\(online)|\(long.count)"])
        let columns = try Self.query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = '\(schema)' AND column_name ~ '(txn|applicant|id_)'")
        #expect(columns.isEmpty, "\(columns)")
    }

    @Test func publishingTwiceChangesNothingAndACorrectionReplacesTheMonth() throws {
        let schema = Self.schema()
        let folder = try Self.splitDemo(schema: schema)
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = """
            SELECT hall_code, period, total, online, closed FROM \(schema).hall_months WHERE member = 'city' ORDER BY 1, 2
            """
        #expect(try Self.run("city", in: folder).status == 0)
        let first = try Self.query(snapshot)
        #expect(first.count > 100)
        #expect(try Self.run("city", in: folder).status == 0)
        #expect(try Self.query(snapshot) == first)
        #expect(try Self.query("SELECT count(*) FROM \(schema).publications") == ["1"])

        // A correction: the district centre's November export is re-sent with every 窗口 row as 网上申报.
        let november = folder.appendingPathComponent("Input/district/district_2019-11.csv")
        let text = try String(contentsOf: november, encoding: .utf8)
        try text.replacingOccurrences(of: ",窗口,", with: ",网上申报,").write(to: november, atomically: true, encoding: .utf8)
        #expect(try Self.run("city", in: folder).status == 0)
        let corrected = try Self.query(snapshot)
        // The server now holds exactly the county's new figures, and only the district centre's changed.
        let local = try HallRateProcess.values(of: folder.appendingPathComponent("Output/city/hall_months.csv")).dropFirst()
        #expect(
            corrected.map { $0.split(separator: "|").prefix(4).joined(separator: "|") }
                == local.map { "\($0[0])|\($0[3])|\($0[4])|\($0[5])" })
        let changed = zip(first, corrected).filter { $0 != $1 }
        #expect(!changed.isEmpty && changed.allSatisfy { $0.0.hasPrefix("520502000000|") }, "\(changed)")
        func online(_ rows: [String]) -> Int? {
            rows.first { $0.hasPrefix("520502000000|2019-11|") }.flatMap { Int($0.split(separator: "|")[3]) }
        }
        #expect((online(corrected) ?? 0) > (online(first) ?? .max), "more of November is online after the correction")
        #expect(try Self.query("SELECT count(*) FROM \(schema).publications") == ["1"])
    }

    @Test func aServerThatIsDownCostsTheExitStatusOnlyAndTheNextRunPublishes() throws {
        let schema = Self.schema()
        let folder = try Self.splitDemo(schema: schema)
        defer { try? FileManager.default.removeItem(at: folder) }
        let control = try #require(ProcessInfo.processInfo.environment["HALLRATE_TEST_PG_CTL"])
        #expect(try Self.serverControl(control + " -m fast stop") == 0)
        let down = try Self.run("towns", in: folder)
        try #require(try Self.serverControl(control + " start") == 0, "the server did not start again")
        #expect(down.status == 1)
        #expect(down.standardError.contains("cannot connect to PostgreSQL at \(Self.server ?? "")"), "\(down.standardError)")
        #expect(down.standardError.contains("local outputs are written"), "\(down.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/towns/hall_months.csv").path))
        let again = try Self.run("towns", in: folder)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try Self.query("SELECT member FROM \(schema).publications") == ["towns"])
    }

    @Test func aPublicationKilledHalfWayLeavesTheEarlierOne() throws {
        let schema = Self.schema()
        let folder = try Self.splitDemo(schema: schema)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run("villages", in: folder).status == 0)
        let snapshot = "SELECT hall_code, period, total, online FROM \(schema).hall_months ORDER BY 1, 2"
        let before = try Self.query(snapshot)
        #expect(before.count > 50)
        // A station's folder is archived: the next publication would have fewer hall-months.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/village-xml/520502009201"))
        let listing = try Self.run("villages", in: folder, ["--prune-missing"], environment: ["HALLRATE_KILL_AT": "list"])
        let points = listing.standardError.split(separator: "\n").filter { $0.contains("checkpoint") }
        let point = try #require(points.firstIndex { $0.hasSuffix(": publication copied, not committed") })
        // The listing run published; put the earlier publication back by running on the full inputs again.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Output/villages"))
        try FileManager.default.copyItem(
            at: DemoTests.repository.appendingPathComponent("Input/village-xml/520502009201"),
            to: folder.appendingPathComponent("Input/village-xml/520502009201"))
        #expect(try Self.run("villages", in: folder).status == 0)
        #expect(try Self.query(snapshot) == before)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Input/village-xml/520502009201"))
        let killed = try Self.run("villages", in: folder, ["--prune-missing"], environment: ["HALLRATE_KILL_AT": "\(point + 1)"])
        #expect(killed.status != 0)
        #expect(try Self.query(snapshot) == before, "a killed publication must leave the earlier one")
        let next = try Self.run("villages", in: folder, ["--prune-missing"])
        #expect(next.status == 0, "\(next.standardError)")
        let after = try Self.query(snapshot)
        #expect(after.count < before.count && !after.contains { $0.hasPrefix("520502009201|") })
    }

    @Test func aMissingMemberFailsTheRunUnlessOptionalAndCollidingCodesAreNamed() throws {
        let schema = Self.schema()
        let folder = try Self.splitDemo(schema: schema)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run("city", in: folder).status == 0)
        #expect(try Self.run("towns", in: folder).status == 0)
        let missing = try Self.run("federation", in: folder)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("member 'villages' has not published"), "\(missing.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/federation/hall_months.csv").path))

        let demo = try String(contentsOf: DemoTests.repository.appendingPathComponent("Pipelines/default.yml"), encoding: .utf8)
        let (head, _, tail) = try Self.pipelineParts(demo)
        try Self.federated(head: head, tail: tail, schema: schema, expect: Self.counties.map(\.name), optional: ["villages"])
            .write(to: folder.appendingPathComponent("Pipelines/federation.yml"), atomically: true, encoding: .utf8)
        let optional = try Self.run("federation", in: folder)
        #expect(optional.status == 0, "\(optional.standardError)")
        #expect(optional.standardOutput.contains("villages: NOT PUBLISHED (optional"), "\(optional.standardOutput)")

        // A member that stopped publishing: the months closed since its last run are named.
        _ = try Self.query("UPDATE \(schema).publications SET as_of = '2019-11-20' WHERE member = 'towns'")
        _ = try Self.query("UPDATE \(schema).periods SET closed = false WHERE member = 'towns' AND period = '2019-11'")
        let stale = try Self.run("federation", in: folder)
        #expect(stale.status == 1)
        #expect(stale.standardError.contains("member 'towns' has not published the closed month 2019-11"), "\(stale.standardError)")

        // The villages county publishing the district centre too: one code, two members.
        #expect(try Self.run("towns", in: folder).status == 0)
        let villages = folder.appendingPathComponent("Input/villages.csv")
        let district = "520502000000,七星关区政务服务中心,district,520502,\n"
        try (String(contentsOf: villages, encoding: .utf8) + district).write(to: villages, atomically: true, encoding: .utf8)
        #expect(try Self.run("villages", in: folder).status == 0)
        let collision = try Self.run("federation", in: folder)
        #expect(collision.status == 2)
        #expect(
            collision.standardError.contains("hall code 520502000000 is published by two members, 'city' and 'villages'"),
            "\(collision.standardError)")
    }

    @Test func aPublicationWhoseCountsDoNotAddUpIsNamedAndFailsTheRun() throws {
        let schema = Self.schema()
        let folder = try Self.splitDemo(schema: schema)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, _) in Self.counties { #expect(try Self.run(name, in: folder).status == 0, "\(name)") }
        #expect(try Self.run("federation", in: folder).status == 0)

        // A publication edited by hand (or written by a broken client): one accepted row more than its counts hold.
        _ = try Self.query(
            "UPDATE \(schema).publications SET accepted = accepted + 1, rows_read = rows_read + 1 WHERE member = 'towns'")
        let forged = try Self.run("federation", in: folder)
        #expect(forged.status == 1, "\(forged.standardOutput)")
        let lines = forged.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.contains("towns:") && $0.contains("DOES NOT RECONCILE with its published counts") }, "\(lines)")
        #expect(lines.contains { $0.contains("city:") && $0.contains("(reconciled)") }, "\(lines)")
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("Output/federation/manifest.json")))
        let members = try #require((manifest as? [String: Any])?["members"] as? [[String: Any]])
        #expect(members.first { $0["member"] as? String == "towns" }?["reconciles"] as? Bool == false, "\(members)")
        #expect(members.first { $0["member"] as? String == "city" }?["reconciles"] as? Bool == true, "\(members)")
    }

    @Test func aCountyRoleWritesOnlyItsOwnRows() throws {
        let schema = Self.schema()
        let folder = try Self.splitDemo(schema: schema)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try #require(Self.server)
        // The owner's first publication creates the tables; then the roles of docs/operations.md.
        #expect(try Self.run("city", in: folder).status == 0)
        let script = WorkbookTests.packageRoot.appendingPathComponent("scripts/postgres-roles.sql").path
        let county = schema + "_towns"  // roles are per cluster: a name of this test's own
        for variables in [["-v", "schema=\(schema)"], ["-v", "schema=\(schema)", "-v", "member=\(county)"]] {
            let result = try WorkbookTests.run(["psql", server, "-X", "-q"] + variables + ["-f", script])
            try #require(result.status == 0, "postgres-roles.sql: \(result.errors)")
        }
        let asCounty = server.replacingOccurrences(of: "//hallrate@", with: "//\(county)@")
        let pipeline = folder.appendingPathComponent("Pipelines/towns.yml")
        let text = try String(contentsOf: pipeline, encoding: .utf8)
        try text.replacingOccurrences(of: "url: \"\(server)\"", with: "url: \"\(asCounty)\"")
            .replacingOccurrences(of: "member: towns", with: "member: \(county)")
            .write(to: pipeline, atomically: true, encoding: .utf8)
        let own = try Self.run("towns", in: folder)
        #expect(own.status == 0, "\(own.standardError)")
        #expect(try Self.run("towns", in: folder).status == 0, "its own publication it may replace")
        // Another county's rows it may neither delete nor write.
        let delete = try WorkbookTests.run(["psql", asCounty, "-X", "-c", "DELETE FROM \(schema).publications WHERE member = 'city'"])
        #expect(delete.status != 0 && delete.errors.contains("may write only its own publication"), "\(delete.errors)")
        try text.replacingOccurrences(of: "url: \"\(server)\"", with: "url: \"\(asCounty)\"")
            .replacingOccurrences(of: "member: towns", with: "member: city")
            .write(to: pipeline, atomically: true, encoding: .utf8)
        let impostor = try Self.run("towns", in: folder)
        #expect(impostor.status == 1)
        #expect(impostor.standardError.contains("may write only its own publication"), "\(impostor.standardError)")
        #expect(
            try Self.query("SELECT member, halls FROM (SELECT member, count(*) AS halls FROM \(schema).halls GROUP BY 1) c ORDER BY 1")
                == ["city|10", "\(county)|26"])

        // The province's role only reads (hallrate_reader): the federated run over both, as that role.
        let reader = schema + "_reader"
        _ = try Self.query("CREATE ROLE \(reader) LOGIN IN ROLE hallrate_reader")
        let asReader = server.replacingOccurrences(of: "//hallrate@", with: "//\(reader)@")
        let demo = try String(contentsOf: DemoTests.repository.appendingPathComponent("Pipelines/default.yml"), encoding: .utf8)
        let (head, _, tail) = try Self.pipelineParts(demo)
        try Self.federated(head: head, tail: tail, schema: schema, expect: ["city", county])
            .replacingOccurrences(of: "url: \"\(server)\"", with: "url: \"\(asReader)\"")
            .write(to: folder.appendingPathComponent("Pipelines/federation.yml"), atomically: true, encoding: .utf8)
        let federated = try Self.run("federation", in: folder)
        #expect(federated.status == 0, "\(federated.standardError)")
        #expect(federated.standardOutput.contains("members: 2 of 2 published"), "\(federated.standardOutput)")
    }

    @Test func twoCountiesPublishingAtOnceOnAFreshSchemaBothLand() throws {
        let schema = Self.schema()
        let folder = try Self.splitDemo(schema: schema)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Both find no tables and migrate at once; each replaces only its own rows.
        let results = try [Self.counties[0].name, Self.counties[1].name].map { name in
            let process = Process()
            process.executableURL = HallRateProcess.productsDirectory.appendingPathComponent("hallrate")
            process.arguments = ["run", "Pipelines/\(name).yml", "--as-of", Self.asOf, "--no-xlsx", "--no-html", "-q"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }.map { process in
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(results == [0, 0])
        #expect(try Self.query("SELECT member FROM \(schema).publications ORDER BY 1") == ["city", "towns"])
        #expect(try Self.query("SELECT count(*) FROM \(schema).schema_migrations") == ["1"])
    }
}
