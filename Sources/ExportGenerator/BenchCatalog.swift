/// Pre-encoded district-layout fields for the benchmark writer, so the hot loop only copies bytes.
struct BenchCatalog {
    /// `事项编码,事项名称,受理部门` of each item, RFC 4180 quoted where needed, padded to realistic lengths.
    let items: [[UInt8]]
    /// The same items for `--format xml`: `<事项编码>…</事项编码><事项>…</事项><受理部门>…</受理部门>`, escaped.
    let xmlItems: [[UInt8]]
    /// Channel words in `ChannelKind` order (window, online, mobile, kiosk).
    let channels: [[UInt8]]
    /// Status words in `StatusKind` order.
    let statuses: [[UInt8]]

    /// Item-name suffixes that pad names the way real catalogs qualify them (none on every other item);
    /// with them an average row is about 213 bytes.
    private static let qualifiers = ["即办件", "", "承诺件", "", "全程网办", "", "最多跑一次", "", "跨省通办", "", "告知承诺制"]

    init() {
        let layout = ExportLayout.district
        let names = Catalog.items.enumerated().map { index, item in
            let qualifier = BenchCatalog.qualifiers[index % BenchCatalog.qualifiers.count]
            return qualifier.isEmpty ? item.name : item.name + "（" + qualifier + "）"
        }
        xmlItems = zip(Catalog.items, names).map { item, name in
            Array(
                ("<事项编码>" + XMLEscape.text(item.code) + "</事项编码><事项>" + XMLEscape.text(name)
                    + "</事项><受理部门>" + XMLEscape.text(item.department) + "</受理部门>").utf8)
        }
        items = zip(Catalog.items, names).map { item, name in
            var bytes: [UInt8] = []
            bytes.appendText(CSVLine.encode(item.code))
            bytes.append(0x2C)
            bytes.appendText(CSVLine.encode(name))
            bytes.append(0x2C)
            bytes.appendText(CSVLine.encode(item.department))
            return bytes
        }
        channels = [ChannelKind.window, .online, .mobile, .kiosk].map { Array((layout.word(for: $0) ?? "").utf8) }
        statuses = StatusKind.allCases.map { Array(layout.word(for: $0).utf8) }
    }
}
