/// One station-month file of the XML layout (UTF-8, LF): a `<办件导出>` root in the default namespace
/// `urn:qxg:bianmin:1.0`, one `<办件>` per record. Records take ``ExportLayout/villageXML``'s field order.
struct XMLExportDocument {
    static let namespace = "urn:qxg:bianmin:1.0"

    /// 站点: the station's name.
    let stationName: String
    /// 月份: the month of the file.
    let month: Month
    let records: [[String]]
    /// When true, the last record is cut off inside its 更新时间 element and the file ends there.
    let truncatesLastRecord: Bool

    /// Lines 1 and 2 are the declaration and the root's start tag; records follow from line 3.
    static let firstRecordLine = 3

    var text: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<办件导出 xmlns=\"" + XMLExportDocument.namespace + "\" 站点=\"" + XMLEscape.attribute(stationName)
            + "\" 月份=\"" + month.label + "\">\n"
        for (index, record) in records.enumerated() {
            let lines = XMLExportDocument.lines(of: record)
            if truncatesLastRecord && index == records.count - 1 {
                // Through 状态, then the 更新时间 start tag and the first 13 characters of its value: no newline,
                // no closing tag, the file just stops.
                for line in lines.prefix(4) { out += line + "\n" }
                out += "    <更新时间>" + String(record[4].prefix(13))
                return out
            }
            for line in lines { out += line + "\n" }
        }
        return out + "</办件导出>\n"
    }

    /// The line each record's `<办件` start tag is on.
    static func startLines(of records: [[String]]) -> [Int] {
        var line = firstRecordLine
        return records.map { record in
            defer { line += lines(of: record).count }
            return line
        }
    }

    /// The lines of one record, without line ends. An empty 流水号 leaves the attribute out; an empty 备注 leaves
    /// the element out. 事项 goes into CDATA unless it holds an ASCII double quote, which is then written as
    /// escaped text (with `&quot;`, to exercise entities).
    static func lines(of record: [String]) -> [String] {
        let id = record[0]
        var lines = [id.isEmpty ? "  <办件>" : "  <办件 流水号=\"" + XMLEscape.attribute(id) + "\">"]
        lines.append("    <渠道>" + XMLEscape.text(record[1]) + "</渠道>")
        lines.append("    <受理时间>" + XMLEscape.text(record[2]) + "</受理时间>")
        lines.append("    <状态>" + XMLEscape.text(record[3]) + "</状态>")
        lines.append("    <更新时间>" + XMLEscape.text(record[4]) + "</更新时间>")
        lines.append(
            "    <申请人><姓名>" + XMLEscape.text(record[5]) + "</姓名><证件号码>" + XMLEscape.text(record[6])
                + "</证件号码></申请人>")
        let item = record[7]
        if item.contains("\"") || !XMLEscape.fitsCDATA(item) {
            lines.append("    <事项>" + XMLEscape.attribute(item) + "</事项>")
        } else {
            lines.append("    <事项><![CDATA[" + item + "]]></事项>")
        }
        if !record[8].isEmpty { lines.append("    <备注>" + XMLEscape.text(record[8]) + "</备注>") }
        lines.append("  </办件>")
        return lines
    }
}
