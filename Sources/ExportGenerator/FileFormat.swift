/// How the records of an export file are laid out.
enum FileFormat {
    /// RFC 4180 CSV: comma-separated, fields quoted where needed.
    case commaSeparated
    /// Excel's "Unicode text": TAB-separated, never quoted (values hold no tab, quote or line break).
    case tabSeparated
    /// One XML document per station and month, records as `<办件>` elements.
    case xml
}
