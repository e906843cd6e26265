extension Pipeline.Source {
    /// The reader of a file of this source, from its layout: the one place an input format is chosen.
    func recordSource(at path: String) -> any RecordSource {
        if let xml { return XMLRecordSource(path: path, layout: xml) }
        return CSVRecordSource(path: path, layout: CSVFileReader.Layout(encoding: encoding, delimiter: delimiter))
    }
}
