import Crypto

extension Pipeline.Source {
    /// A digest of everything that decides how this source's files turn into rows: layout, mapping,
    /// value maps, date formats, and the registry's content. A file read under another fingerprint
    /// is read again.
    /// - Parameter earliestMonth: the pipeline's `earliest_month` (it decides which rows are `bad_date`).
    func fingerprint(registrySHA: String, earliestMonth: Period) -> String {
        // Bump the version string when reading the same bytes could give other rows (2: rows keep the
        // day of acceptance; 3: completed_at, the item and the department; 4: the ids an exception list may
        // name, TransactionIDBlob).
        var parts: [String] = ["hallrate-fingerprint-4", name, glob, format.rawValue]
        if format == .csv { parts += [encoding.rawValue, String(delimiter)] }
        parts += columns.map { "column \($0.key.rawValue)=\($0.value)" }.sorted()
        parts += channels.map { "channel \($0.key)=\($0.value.rawValue)" }.sorted()
        parts += statuses.map { "status \($0.key)=\($0.value.rawValue)" }.sorted()
        parts += dateFormats.map { "date \($0.description)" }
        if let xml {
            parts.append("record \(xml.record.namespace) \(xml.record.local)")
            parts += xml.fields.map { "path \($0.description) \($0.elements.map(\.namespace)) \($0.attribute?.namespace ?? "")" }
        }
        parts.append("earliest \(earliestMonth)")
        parts.append("registry \(registrySHA)")
        let digest = SHA256.hash(data: Array(parts.joined(separator: "\n").utf8))
        return digest.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}
