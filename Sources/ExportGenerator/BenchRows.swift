/// The row source of `hallrate-gen bench`: row `i` falls in month `i × months / rows`, so the file is in
/// month order; halls, channels, statuses and times are drawn from one seeded stream.
struct BenchRows {
    private let catalog = BenchCatalog()
    private let halls: [[[UInt8]]]
    private let rowCount: Int
    private let monthCount: Int
    private let firstMonth = Month(year: 2018, month: 1)
    private var rng: SplitMix64

    private var monthIndex = -1
    private var monthStart: Int64 = 0
    private var monthSeconds = 0
    private var onlinePerMille = 0
    private var idPrefix: [UInt8] = []
    private var sequence = 0

    init(registry: HallRegistry, rowCount: Int, monthCount: Int, seed: UInt64) {
        halls = HallTier.allCases.map { tier in registry.halls(in: tier).map { Array($0.code.utf8) } }
        self.rowCount = rowCount
        self.monthCount = monthCount
        rng = SplitMix64(seed: seed, stream: 99)
    }

    /// Appends row `i` (CRLF-terminated) to `out`.
    mutating func append(row i: Int, to out: inout [UInt8]) {
        let month = i.multipliedFullWidth(by: monthCount)
        let m = rowCount > 0 ? rowCount.dividingFullWidth(month).quotient : 0
        if m != monthIndex { enter(month: m) }
        sequence += 1

        out.append(contentsOf: idPrefix)
        out.appendDigits(sequence, width: 8)
        out.append(0x2C)
        out.append(contentsOf: catalog.items[rng.below(catalog.items.count)])
        out.append(0x2C)
        out.append(contentsOf: hallCode())
        out.append(0x2C)

        let channel: Int
        if rng.below(1000) < onlinePerMille {
            channel = rng.below(1000) < 400 ? 2 : 1
        } else {
            channel = rng.below(1000) < 850 ? 0 : 3
        }
        out.append(contentsOf: catalog.channels[channel])
        out.append(0x2C)

        let roll = rng.below(1000)
        let status: StatusKind = roll < 20 ? .withdrawn : roll < 70 ? .rejected : roll < 160 ? .inProgress : .done
        let accepted = Stamp(seconds: monthStart + Int64(rng.below(monthSeconds)))
        DateStyle.dashed.append(accepted, to: &out)
        out.append(0x2C)
        var updated = accepted.adding(Int64(rng.below(172_800)))
        if status == .done {
            let finished = accepted.adding(Int64(rng.below(259_200)))
            DateStyle.dashed.append(finished, to: &out)
            updated = finished.adding(Int64(rng.below(900)))
        }
        out.append(0x2C)
        out.append(contentsOf: catalog.statuses[status == .done ? 0 : status == .inProgress ? 1 : status == .rejected ? 2 : 3])
        out.append(0x2C)
        DateStyle.dashed.append(updated, to: &out)
        out.append(0x2C)
        ResidentID.append(to: &out, rng: &rng)
        out.append(0x0D)
        out.append(0x0A)
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
        idPrefix = Array("QXG".utf8)
        idPrefix.appendDigits(month.year, width: 4)
        idPrefix.appendDigits(month.month, width: 2)
        sequence = 0
    }
}
