/// The `--help` text.
enum Usage {
    static let text = """
        usage: hallrate-gen demo [--out DIR]
               hallrate-gen bench --rows N --out FILE [--seed S] [--halls 600] [--months 24]
               hallrate-gen --help

        demo   writes the deterministic demo set of 七星关区 hall exports (2018-10 … 2019-11) to DIR
               (default Input): halls.csv, district/, township/, street/, village/, village-xml/
               and README.md.
        bench  streams N rows of district-layout CSV (UTF-8 with BOM, CRLF) to FILE, spread over
               --halls synthetic halls and --months months from 2018-01, and writes the matching
               registry to FILE.halls.csv. Same arguments, same bytes.

        Exit status: 0 on success, 1 on an I/O error, 2 on a usage error.
        """
}
