/// Turns planned counts into transactions with plausible channels, statuses, items, times and applicants.
struct TransactionFactory {
    let layout: ExportLayout
    let months: [Month]

    /// The transactions of one hall in month `t`: exactly `counts.online` online among `counts.counted`
    /// counted ones, plus `counts.withdrawn` withdrawn ones, in random order.
    func make(hall: HallRecord, period t: Int, counts: HallMonthCounts, rng: inout SplitMix64) -> [Transaction] {
        var slots: [(ChannelKind, StatusKind)] = []
        for _ in 0..<counts.online { slots.append((onlineChannel(t, &rng), countedStatus(t, &rng))) }
        for _ in counts.online..<max(counts.online, counts.counted) {
            slots.append((offlineChannel(&rng), countedStatus(t, &rng)))
        }
        for _ in 0..<counts.withdrawn {
            slots.append((rng.chance(perMille: 400) ? onlineChannel(t, &rng) : offlineChannel(&rng), .withdrawn))
        }
        rng.shuffle(&slots)
        return slots.map { make(hall: hall, period: t, channel: $0.0, status: $0.1, rng: &rng) }
    }

    /// A typical transaction of `hall` in month `t` (half of them online), as used for defect rows.
    func makeTypical(hall: HallRecord, period t: Int, rng: inout SplitMix64) -> Transaction {
        let channel = rng.chance(perMille: 500) ? onlineChannel(t, &rng) : offlineChannel(&rng)
        return make(hall: hall, period: t, channel: channel, status: countedStatus(t, &rng), rng: &rng)
    }

    func make(
        hall: HallRecord, period t: Int, channel: ChannelKind, status: StatusKind,
        rng: inout SplitMix64
    ) -> Transaction {
        let month = months[t]
        let accepted = acceptTime(in: month, online: channel.isOnline, rng: &rng)
        var finished: Stamp?
        var updated: Stamp
        switch status {
        case .done:
            let sameDay = !channel.isOnline && rng.chance(perMille: 600)
            let done = accepted.adding(sameDay ? rng.seconds(in: 300...10_800) : rng.seconds(in: 3600...432_000))
            finished = min(done, month.end)
            updated = min(done.adding(rng.seconds(in: 0...900)), month.end)
        case .inProgress:
            updated = min(accepted.adding(rng.seconds(in: 0...10_800)), month.end)
        case .rejected:
            updated = min(accepted.adding(rng.seconds(in: 1800...172_800)), month.end)
        case .withdrawn:
            updated = min(accepted.adding(rng.seconds(in: 600...259_200)), month.end)
        }
        let item: CatalogItem?
        switch layout {
        case .district: item = rng.pick(Catalog.items)
        case .township, .villageXML: item = rng.pick(Catalog.townshipItems)
        case .street, .village: item = nil
        }
        return Transaction(
            hall: hall, item: item, channel: channel, status: status, accepted: accepted,
            finished: finished, updated: updated, person: ResidentID.make(&rng), period: t,
            fileMonth: t)
    }

    /// Window work happens on weekdays 08:30–17:30; online submissions any day, mostly 08:00–22:00.
    private func acceptTime(in month: Month, online: Bool, rng: inout SplitMix64) -> Stamp {
        var day = month.start.adding(Int64(rng.below(month.days)) * 86_400)
        if !online {
            var tries = 0
            while day.weekday >= 5 && tries < 8 {
                day = month.start.adding(Int64(rng.below(month.days)) * 86_400)
                tries += 1
            }
            return day.adding(rng.seconds(in: 30_600...62_999))
        }
        return day.adding(rng.chance(perMille: 800) ? rng.seconds(in: 28_800...79_199) : rng.seconds(in: 0...86_399))
    }

    /// Mobile takes a growing part of online submissions (25 % → 55 %).
    private func onlineChannel(_ t: Int, _ rng: inout SplitMix64) -> ChannelKind {
        let mobile = 250 + 300 * t / max(1, months.count - 1)
        return rng.chance(perMille: mobile) ? .mobile : .online
    }

    private func offlineChannel(_ rng: inout SplitMix64) -> ChannelKind {
        var roll = rng.below(1000)
        for entry in layout.offlineChannels {
            if roll < entry.perMille { return entry.channel }
            roll -= entry.perMille
        }
        return .window
    }

    /// Mostly completed; more still in progress in the last month; about 5 % refused.
    private func countedStatus(_ t: Int, _ rng: inout SplitMix64) -> StatusKind {
        let inProgress = t == months.count - 1 ? 200 : 80
        let roll = rng.below(1000)
        if roll < 50 { return .rejected }
        if roll < 50 + inProgress { return .inProgress }
        return .done
    }
}
