import Foundation
import Testing

@testable import HallRateCore

/// Mapping, validation and deduplication of rows, through the real reader and pipeline loader.
@Suite struct MappingTests {
    static let pipelineText = """
        registry: halls.csv
        targets: {district: 0.7, township: 0.5, village: 0.3}
        sources:
          - name: s
            glob: "*.csv"
            columns: {txn_id: id, hall_code: hall, channel: ch, accepted_at: at, status: st, updated_at: up, applicant_id: pid}
            values:
              channel: {网上: online, 窗口: window, 'ＡＰＰ': mobile}
              status: {办结: completed, 撤件: withdrawn}
            date_formats: ["yyyy-MM-dd HH:mm"]
        """

    /// Maps every row of `body` (after the header `id,hall,ch,at,st,up,pid`).
    func map(_ body: String) throws -> [Result<Transaction, Reject>] {
        let folder = try TestSupport.temporaryFolder()
        try Self.pipelineText.write(to: folder.appendingPathComponent("p.yml"), atomically: true, encoding: .utf8)
        let pipeline = try PipelineLoader(root: folder.path).load(folder.appendingPathComponent("p.yml").path)
        let registry = HallRegistry(halls: [Hall(code: "520502001000", name: "市西", tier: .township, parentCode: "")])
        let path = folder.appendingPathComponent("x.csv").path
        try ("id,hall,ch,at,st,up,pid\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        var mapper: RecordMapper?
        var results: [Result<Transaction, Reject>] = []
        _ = try CSVFileReader(path: path, layout: .init()).read(
            header: { header in
                mapper = try RecordMapper(
                    source: pipeline.sources[0], pipeline: pipeline, header: header, registry: registry, file: "x.csv")
            },
            record: { record in
                if let mapper { results.append(mapper.map(record)) }
            })
        return results
    }

    func reject(_ result: Result<Transaction, Reject>?) -> Reject? {
        if case .failure(let reject) = result { return reject }
        return nil
    }

    /// completed_at is never a reject (contract rule 21): read to the minute, or why it cannot be used.
    @Test func completedAtIsReadOrMarkedUntimedNeverRejected() throws {
        let folder = try TestSupport.temporaryFolder()
        let text = Self.pipelineText.replacingOccurrences(of: "applicant_id: pid}", with: "applicant_id: pid, completed_at: done}")
        try text.write(to: folder.appendingPathComponent("p.yml"), atomically: true, encoding: .utf8)
        let pipeline = try PipelineLoader(root: folder.path).load(folder.appendingPathComponent("p.yml").path)
        let registry = HallRegistry(halls: [Hall(code: "520502001000", name: "市西", tier: .township, parentCode: "")])
        let path = folder.appendingPathComponent("x.csv").path
        try """
        id,hall,ch,at,st,up,pid,done
        1,520502001000,网上,2019-09-27 10:00,办结,,,2019-10-10 23:59
        2,520502001000,网上,2019-09-27 10:00,办结,,,
        3,520502001000,网上,2019-09-27 10:00,办结,,,soon
        4,520502001000,网上,2019-09-27 10:00,办结,,,2019-09-27 09:59
        5,520502001000,网上,2019-09-27 10:00,办结,,,2019-09-27 10:00
        """.write(toFile: path, atomically: true, encoding: .utf8)
        var mapper: RecordMapper?
        var completions: [Transaction.Completion?] = []
        _ = try CSVFileReader(path: path, layout: .init()).read(
            header: {
                mapper = try RecordMapper(source: pipeline.sources[0], pipeline: pipeline, header: $0, registry: registry, file: "x.csv")
            },
            record: { record in completions.append(try? mapper?.map(record).get().completed) })
        let minute = { (text: String) -> Transaction.Completion in
            let time = pipeline.sources[0].dateFormats.first?.parse(text)
            return .at(minute: Int32((time?.seconds ?? 0) / 60))
        }
        #expect(
            completions == [
                minute("2019-10-10 23:59"), Transaction.Completion.none, .unreadable, .beforeAcceptance, minute("2019-09-27 10:00"),
            ])
    }

    @Test func normalisesSpacesAndFullWidthCharacters() throws {
        let results = try map("\u{3000} T1 ,５２０５０２００１０００, ＡＰＰ ,２０１９-０１-０２ ０９:００,办结,,\n")
        guard case .success(let transaction) = results.first else {
            Issue.record("expected a transaction, got \(String(describing: results.first))")
            return
        }
        #expect(transaction.key == TransactionKey("T1"))
        #expect(transaction.channel == .mobile)
        #expect(transaction.period.description == "2019-01")
    }

    @Test(arguments: [
        (",520502001000,网上,2019-01-02 09:00,办结,,", Reject.Reason.missingField, "txn_id (column id) is empty"),
        ("T,520502009000,网上,2019-01-02 09:00,办结,,", .unknownHall, "'520502009000'"),
        ("T,520502001000,网上,2019-02-29 09:00,办结,,", .badDate, "'2019-02-29 09:00'"),
        ("T,520502001000,传真,2019-01-02 09:00,办结,,", .unmappedChannel, "'传真'"),
        ("T,520502001000,网上,2019-01-02 09:00,挂起,,", .unmappedStatus, "'挂起'"),
        ("T,520502001000,网上,2019-01-02 09:00,办结,later,", .badDate, "updated_at 'later'"),
        ("T,520502001000,网上,2019-01-02 09:00,办结", .fieldCount, "expected 7 fields, found 5"),
    ])
    func rejectsSayWhy(row: String, reason: Reject.Reason, detail: String) throws {
        let rejected = try #require(reject(try map(row + "\n").first))
        #expect(rejected.reason == reason)
        #expect(rejected.detail.contains(detail), "\(rejected.detail)")
        #expect(rejected.file == "x.csv")
        #expect(rejected.line == 2)
    }

    @Test func applicantIDsNeverReachARejectUnmasked() throws {
        let rejected = try #require(reject(try map("T,1,网上,x,办结,,52050219880315001X\nU,1,网上,x,办结,,E12345678\n").first))
        #expect(rejected.raw.contains("520502********001X"))
        let passport = try #require(reject(try map("U,1,网上,x,办结,,E12345678\n").first))
        #expect(!passport.raw.contains("E12345678"))
        #expect(IDMasker.mask("身份证520502198803150012，电话13800000000") == "身份证520502********0012，电话13800000000")
        // Glued to other digits an ID cannot be told apart: the whole run is masked.
        #expect(IDMasker.mask("T-1520502198803150012") == "T-152050*********0012")
        #expect(IDMasker.mask("单号 20190412000000000001 与 12345678901234567") == "单号 201904**********0001 与 12345678901234567")
    }

    /// M6 (issue 16): an ID in full-width digits, or cut by spaces, dashes or a zero-width space, used to
    /// reach `rejects.csv` whole.
    @Test(arguments: [
        ("５２０５０２１９８８０３１５００１２", "５２０５０２********００１２"),
        ("520502 19880315 0012", "520502 ******** 0012"),
        ("520502-1988-0315-001X", "520502-****-****-001X"),
        ("520502\u{200B}198803150012", "520502\u{200B}********0012"),
        ("５２０５０２１９８８０３１５００１ｘ", "５２０５０２********００１ｘ"),
        ("电话 138 0000 0000，日期 2019-04-05 10:00:00", "电话 138 0000 0000，日期 2019-04-05 10:00:00"),  // 11 and 14 digits
    ])
    func idsAreMaskedWhateverTheirDigitsAndSeparators(text: String, masked: String) {
        #expect(IDMasker.mask(text) == masked)
    }

    @Test func duplicatesKeepTheLatestUpdateThenTheLastRead() throws {
        let results = try map(
            """
            A,520502001000,网上,2019-01-02 09:00,办结,2019-01-05 10:00,
            A,520502001000,窗口,2019-01-02 09:00,办结,2019-01-03 10:00,
            B,520502001000,网上,2019-01-02 09:00,办结,,
            B,520502001000,窗口,2019-01-02 09:00,办结,,
            C,520502001000,网上,2019-01-02 09:00,办结,2019-01-03 10:00,
            C,520502001000,窗口,2019-01-02 09:00,办结,2019-01-03 10:00,

            """)
        // The store hands rows over grouped by key, in reading order within a key.
        var deduplicator = Deduplicator(files: 1)
        var winners: [TransactionKey: Channel] = [:]
        func keep(_ winner: Deduplicator.Candidate?) {
            if let winner { winners[TransactionKey(rawValue: winner.row.key)] = winner.row.channel }
        }
        for case .success(let transaction) in results {
            let row = CompactTransaction(
                key: transaction.key, updatedAt: transaction.updatedAt, period: transaction.period,
                hall: 0, channel: transaction.channel, status: transaction.status)
            deduplicator.add(.init(row: row, file: 0, hall: transaction.hall), winner: keep)
        }
        keep(deduplicator.finish())
        #expect(winners[TransactionKey("A")] == .online)  // later updated_at, read first
        #expect(winners[TransactionKey("B")] == .window)  // no updated_at: the last read wins
        #expect(winners[TransactionKey("C")] == .window)  // equal updated_at: the last read wins
        #expect(deduplicator.duplicatesByFile[0] == 3)
        #expect(winners.count == 3)
    }

    /// The word-at-a-time checks of the normaliser against byte-by-byte definitions, on random fields
    /// rich in the bytes that matter (EF BC BD, spaces, E3 80 80).
    @Test func normaliserFastPathsAgreeWithTheirDefinitions() {
        var generator = SplitMix64(seed: 7)
        let alphabet: [UInt8] = [0xEF, 0xBC, 0xBD, 0x81, 0x20, 0x09, 0x0D, 0x0A, 0xE3, 0x80, 0x41, 0x31, 0xE7, 0x7F]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &generator)
            var field: [UInt8] = []
            for _ in 0..<length { field.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
            field.withUnsafeBufferPointer { bytes in
                var expected = false
                for i in 0..<max(0, bytes.count - 1) where bytes[i] == 0xEF && (bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBD) {
                    expected = true
                }
                #expect(TextNormalizer.containsFullWidth(bytes) == expected, "\(field)")
                var start = 0
                var end = bytes.count
                let spaces: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A]
                let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
                while start < end {
                    if spaces.contains(bytes[start]) {
                        start += 1
                    } else if end - start >= 3, Array(bytes[start..<start + 3]) == ideographicSpace {
                        start += 3
                    } else {
                        break
                    }
                }
                while end > start {
                    if spaces.contains(bytes[end - 1]) {
                        end -= 1
                    } else if end - start >= 3, Array(bytes[end - 3..<end]) == ideographicSpace {
                        end -= 3
                    } else {
                        break
                    }
                }
                #expect(Array(TextNormalizer.trim(bytes)) == Array(bytes[start..<end]), "\(field)")
            }
        }
    }
}
