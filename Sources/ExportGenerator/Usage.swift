/// The `--help` text.
enum Usage {
    static let text = """
        usage: hallrate-gen demo [--out DIR]
               hallrate-gen bench --rows N --out FILE [--seed S] [--halls 600] [--months 24]
                                  [--format csv|xml] [--id-prefix QXG]
               hallrate-gen --help

        demo   writes the deterministic demo set of 七星关区 hall exports (2018-10 … 2019-11) to DIR
               (default Input): halls.csv, district/, township/, street/, village/, village-xml/
               and README.md.
        bench  streams N rows of district-layout CSV (UTF-8 with BOM, CRLF) to FILE, spread over
               --halls synthetic halls and --months months from 2018-01, and writes the matching
               registry to FILE.halls.csv. Same arguments, same bytes.
               --format xml writes the same records as one UTF-8 XML file instead: a
               <办件导出> root in the namespace urn:qxg:bianmin:1.0, one <办件 流水号="…"> per
               record with <大厅> (the hall code), <事项编码>, <事项>, <受理部门>, <渠道>,
               <受理时间>, <办结时间> (completed only), <状态>, <更新时间> (ISO 8601, +08:00)
               and <申请人><证件号码>. --id-prefix replaces the QXG before YYYYMM and the
               sequence of every 办件编号, so that a second file shares no id with the first.

        Exit status: 0 on success, 1 on an I/O error, 2 on a usage error.
        """
}
