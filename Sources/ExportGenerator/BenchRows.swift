/// The row source of `hallrate-gen bench`: row `i` falls in month `i × months / rows`, so the file is in
/// month order; halls, channels, statuses and times are drawn from one seeded stream. The CSV and the XML
/// format draw the same records from the same stream, so both formats of one `--rows`/`--seed` hold the
/// same transactions.
struct BenchRows {
    /// One drawn record.
    struct Record {
        var item = 0
        var hall: [UInt8] = []
        /// Index into ``BenchCatalog/channels``.
        var channel = 0
        var status = StatusKind.done
        var accepted = Stamp(seconds: 0)
        /// Set for completed records only.
        var finished: Stamp?
        var updated = Stamp(seconds: 0)
        /// The 18 bytes of the applicant's ID number.
        var applicant: [UInt8] = []
    }

    private let catalog = BenchCatalog()
    private let halls: [[[UInt8]]]
    private let rowCount: Int
    private let monthCount: Int
    private let firstMonth = Month(year: 2018, month: 1)
    private let idBase: [UInt8]
    private var rng: SplitMix64

    private var monthIndex = -1
    private var monthStart: Int64 = 0
    private var monthSeconds = 0
    private var onlinePerMille = 0
    private var idPrefix: [UInt8] = []
    private var sequence = 0
    private var record = Record()

    init(registry: HallRegistry, rowCount: Int, monthCount: Int, seed: UInt64, idPrefix: String = "QXG") {
        halls = HallTier.allCases.map { tier in registry.halls(in: tier).map { Array($0.code.utf8) } }
        self.rowCount = rowCount
        self.monthCount = monthCount
        idBase = Array(idPrefix.utf8)
        rng = SplitMix64(seed: seed, stream: 99)
        record.applicant.reserveCapacity(18)
    }

    /// Appends row `i` (CRLF-terminated) to `out`.
    mutating func append(row i: Int, to out: inout [UInt8]) {
        draw(row: i)
        out.append(contentsOf: idPrefix)
        out.appendDigits(sequence, width: 8)
        out.append(0x2C)
        out.append(contentsOf: catalog.items[record.item])
        out.append(0x2C)
        out.append(contentsOf: record.hall)
        out.append(0x2C)
        out.append(contentsOf: catalog.channels[record.channel])
        out.append(0x2C)
        DateStyle.dashed.append(record.accepted, to: &out)
        out.append(0x2C)
        if let finished = record.finished { DateStyle.dashed.append(finished, to: &out) }
        out.append(0x2C)
        out.append(contentsOf: catalog.statuses[BenchRows.statusIndex(record.status)])
        out.append(0x2C)
        DateStyle.dashed.append(record.updated, to: &out)
        out.append(0x2C)
        out.append(contentsOf: record.applicant)
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Appends row `i` as one `<办件>` element (LF line ends, two-space indent) to `out`.
    mutating func appendXML(row i: Int, to out: inout [UInt8]) {
        draw(row: i)
        out.appendText("  <办件 流水号=\"")
        out.append(contentsOf: idPrefix)
        out.appendDigits(sequence, width: 8)
        out.appendText("\">\n    <大厅>")
        out.append(contentsOf: record.hall)
        out.appendText("</大厅>\n    ")
        out.append(contentsOf: catalog.xmlItems[record.item])
        out.appendText("\n    <渠道>")
        out.append(contentsOf: catalog.channels[record.channel])
        out.appendText("</渠道>\n    <受理时间>")
        DateStyle.iso8601.append(record.accepted, to: &out)
        out.appendText("</受理时间>\n")
        if let finished = record.finished {
            out.appendText("    <办结时间>")
            DateStyle.iso8601.append(finished, to: &out)
            out.appendText("</办结时间>\n")
        }
        out.appendText("    <状态>")
        out.append(contentsOf: catalog.statuses[BenchRows.statusIndex(record.status)])
        out.appendText("</状态>\n    <更新时间>")
        DateStyle.iso8601.append(record.updated, to: &out)
        out.appendText("</更新时间>\n    <申请人><证件号码>")
        out.append(contentsOf: record.applicant)
        out.appendText("</证件号码></申请人>\n  </办件>\n")
    }

    /// Draws row `i` into `record` (and advances `sequence`), in the order the CSV writer always drew it.
    private mutating func draw(row i: Int) {
        let month = i.multipliedFullWidth(by: monthCount)
        let m = rowCount > 0 ? rowCount.dividingFullWidth(month).quotient : 0
        if m != monthIndex { enter(month: m) }
        sequence += 1

        record.item = rng.below(catalog.items.count)
        record.hall = hallCode()

        if rng.below(1000) < onlinePerMille {
            record.channel = rng.below(1000) < 400 ? 2 : 1
        } else {
            record.channel = rng.below(1000) < 850 ? 0 : 3
        }

        let roll = rng.below(1000)
        let status: StatusKind = roll < 20 ? .withdrawn : roll < 70 ? .rejected : roll < 160 ? .inProgress : .done
        record.status = status
        let accepted = Stamp(seconds: monthStart + Int64(rng.below(monthSeconds)))
        record.accepted = accepted
        var updated = accepted.adding(Int64(rng.below(172_800)))
        record.finished = nil
        if status == .done {
            let finished = accepted.adding(Int64(rng.below(259_200)))
            record.finished = finished
            updated = finished.adding(Int64(rng.below(900)))
        }
        record.updated = updated
        record.applicant.removeAll(keepingCapacity: true)
        ResidentID.append(to: &record.applicant, rng: &rng)
    }

    /// Index of `status` in ``BenchCatalog/statuses`` (done, in progress, rejected, withdrawn).
    private static func statusIndex(_ status: StatusKind) -> Int {
        status == .done ? 0 : status == .inProgress ? 1 : status == .rejected ? 2 : 3
    }

    /// District 6 %, townships 34 %, villages 60 % of rows, uniform within a tier.
    private mutating func hallCode() -> [UInt8] {
        let roll = rng.below(1000)
        let tier = roll < 60 ? 0 : roll < 400 ? 1 : 2
        let pool = halls[tier].isEmpty ? halls[0] : halls[tier]
        return pool[rng.below(pool.count)]
    }

    private mutating func enter(month m: Int) {
        monthIndex = m
        let month = firstMonth.advanced(by: m)
        monthStart = month.start.seconds
        monthSeconds = month.days * 86_400
        onlinePerMille = 350 + 450 * m / max(1, monthCount - 1)
        idPrefix = idBase
        idPrefix.appendDigits(month.year, width: 4)
        idPrefix.appendDigits(month.month, width: 2)
        sequence = 0
    }
}
