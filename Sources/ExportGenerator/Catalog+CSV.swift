/// `catalogue.csv`, the demo's item catalogue (事项目录, docs/pipeline-format.md "The item catalogue"): UTF-8
/// without BOM, LF, RFC 4180 quoted, one row per item that has terms, in catalog order.
extension Catalog {
    static let catalogueHeader = "item_code,item_name,kind,promised_limit,legal_limit,limit_unit,online_capable,fully_online"

    /// The items the catalogue leaves out: their transactions are "uncatalogued".
    static var uncataloguedItems: [CatalogItem] { items.filter { $0.terms == nil } }

    static func catalogueBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        CSVLine.append(catalogueHeader.split(separator: ",").map(String.init), lineEnding: "\n", to: &bytes)
        for item in items {
            guard let terms = item.terms else { continue }
            let fields = [
                item.code, item.name, terms.kindWord, String(terms.promisedLimit), String(terms.legalLimit), terms.unitWord,
                ItemTerms.yesNo(terms.onlineCapable), ItemTerms.yesNo(terms.fullyOnline),
            ]
            CSVLine.append(fields, lineEnding: "\n", to: &bytes)
        }
        return bytes
    }
}
