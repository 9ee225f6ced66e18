//! The one CSV reader every importer goes through. It decodes the file (UTF-8, or
//! Windows-1252 where the bytes are not UTF-8: see [`read_text`]), skips title rows
//! before the header, tidies the header cells, finds columns by name, and reads cells
//! as text, whole numbers or decimals. Every error names the file and the line, and
//! a cell's error its column by number and name:
//!
//! ```text
//! ward.csv, line 4: column 14 ("votes"): "2l53" is not a whole number
//! by-election.csv, line 1: the column "party" is missing; found columns: ...
//! ```
//!
//! The official files are report-style as often as not (the Electoral Commission's
//! have title rows, header cells with line breaks and trailing spaces, figures with
//! thousands separators, blank and totals rows at the end), so cells are trimmed and
//! a figure may carry separators.

use std::path::{Path, PathBuf};

use ::csv::StringRecord;

use super::ImportError;

/// Where notes about how a file was read go (the `results` tool prints them); none
/// until set.
static NOTES: std::sync::OnceLock<fn(&str)> = std::sync::OnceLock::new();

/// Sends notes about how files were read (the encoding of one that is not UTF-8) to
/// `note`, once for the process.
pub fn notes_to(note: fn(&str)) {
    let _ = NOTES.set(note);
}

/// The text of a CSV file: UTF-8 (a byte-order mark dropped) where its bytes are
/// UTF-8, otherwise Windows-1252 (cp1252), as the Electoral Commission's older files
/// are and as a spreadsheet program on Windows saves "CSV", said in a note. CRLF line
/// ends become LF (the csv crate's line numbers lag behind in CRLF text). A file with
/// nothing but white space in it is [`ImportError::Empty`].
pub fn read_text(path: &Path) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read { path: path.to_path_buf(), source })?;
    let unmarked = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    if unmarked.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty { path: path.to_path_buf() });
    }
    let text = match std::str::from_utf8(unmarked) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            if let Some(note) = NOTES.get() {
                note(&format!("{}: not UTF-8, so read as Windows-1252 (cp1252)", path.display()));
            }
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(unmarked).0
        }
    };
    Ok(if text.contains("\r\n") { text.replace("\r\n", "\n") } else { text.into_owned() })
}

/// A csv error (a field that is not UTF-8, a quote left open) with its file and line.
fn csv_error(path: &Path, err: &::csv::Error) -> ImportError {
    let line = err.position().map_or(0, ::csv::Position::line);
    let message = match err.kind() {
        ::csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!("expected {expected_len} fields, found {len}"),
        ::csv::ErrorKind::Utf8 { err, .. } => format!("field {} is not valid UTF-8", err.field() + 1),
        _ => err.to_string(),
    };
    ImportError::Csv { path: path.to_path_buf(), line, message }
}

/// A CSV file read whole: its header row, tidied, and the records after it.
pub struct Table {
    path: PathBuf,
    /// The line the header row starts on.
    header_line: u64,
    /// Header cells with runs of white space (line breaks too) made single spaces.
    headers: Vec<String>,
    /// Each record with the line it starts on.
    records: Vec<(u64, StringRecord)>,
}

/// Turns the byte offsets of records, in order, into line numbers. The csv crate's own
/// line numbers lag behind in files with CRLF line endings (a record's position is
/// the "\n" ending the line before it), so lines are counted here: a record starts at
/// the first byte at or after its offset that is not a line ending.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: u64,
}

impl LineCounter {
    fn line_at(&mut self, text: &[u8], byte: u64) -> u64 {
        let byte = usize::try_from(byte).unwrap_or(usize::MAX).max(self.offset);
        let start = text.iter().skip(byte).position(|&b| b != b'\r' && b != b'\n').map_or(text.len(), |p| byte + p);
        self.newlines += text.iter().skip(self.offset).take(start.saturating_sub(self.offset)).filter(|&&b| b == b'\n').count() as u64;
        self.offset = self.offset.max(start);
        self.newlines + 1
    }
}

impl Table {
    /// Reads `path`, taking record `header_row` (counting from 0) as the header and
    /// skipping the title rows before it. Every record after it must have as many
    /// fields as the header.
    pub fn read(path: &Path, header_row: usize) -> Result<Table, ImportError> {
        let text = read_text(path)?;
        let mut reader =
            ::csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(::csv::Trim::All).from_reader(text.as_bytes());
        let mut records = Vec::new();
        let mut lines = LineCounter::default();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, &e))?;
            let line = lines.line_at(text.as_bytes(), record.position().map_or(0, ::csv::Position::byte));
            records.push((line, record));
        }
        if records.len() <= header_row {
            return Err(ImportError::Csv {
                path: path.to_path_buf(),
                line: records.len() as u64 + 1,
                message: format!("the file ends before its header row (record {})", header_row + 1),
            });
        }
        let mut records = records.split_off(header_row).into_iter();
        let (header_line, headers) = records
            .next()
            .map(|(line, header)| (line, header.iter().map(super::names::tidy).collect()))
            .unwrap_or_default();
        let table = Table { path: path.to_path_buf(), header_line, headers, records: records.collect() };
        for (line, record) in &table.records {
            if record.len() != table.headers.len() {
                return Err(table.error(*line, format!("expected {} fields, found {}", table.headers.len(), record.len())));
            }
        }
        Ok(table)
    }

    /// The file read.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The index of the first column named any of `names` (without regard to case),
    /// or an error naming the first of them and the columns the file has.
    pub fn column(&self, names: &[&str]) -> Result<usize, ImportError> {
        names.iter().find_map(|name| self.optional_column(name)).ok_or_else(|| ImportError::MissingColumn {
            path: self.path.clone(),
            line: self.header_line,
            column: names.first().copied().unwrap_or_default().to_string(),
            found: self.headers.iter().filter(|h| !h.is_empty()).cloned().collect::<Vec<_>>().join(", "),
        })
    }

    /// The index of the column named `name` (without regard to case), where there is one.
    pub fn optional_column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The records after the header, in order.
    pub fn rows(&self) -> impl Iterator<Item = Cells<'_>> {
        self.records.iter().map(move |(line, record)| Cells { table: self, line: *line, record })
    }

    /// The values of `value` over the rows, each once, in the order they first
    /// appear; rows where it is `None` are passed over.
    pub fn distinct<T: PartialEq>(&self, value: impl Fn(&Cells<'_>) -> Option<T>) -> Vec<T> {
        let mut seen: Vec<T> = Vec::new();
        for row in self.rows() {
            if let Some(value) = value(&row) {
                if !seen.contains(&value) {
                    seen.push(value);
                }
            }
        }
        seen
    }

    /// An error at `line` of the file.
    pub fn error(&self, line: u64, message: String) -> ImportError {
        ImportError::Csv { path: self.path.clone(), line, message }
    }
}

/// One record of a [`Table`], with its line for error messages.
pub struct Cells<'a> {
    table: &'a Table,
    /// The line the record starts on.
    pub line: u64,
    record: &'a StringRecord,
}

impl Cells<'_> {
    /// The cell, trimmed; empty where the record has no such field.
    pub fn text(&self, column: usize) -> &str {
        self.record.get(column).unwrap_or_default()
    }

    /// Whether all these cells are empty.
    pub fn is_blank(&self, columns: &[usize]) -> bool {
        columns.iter().all(|&c| self.text(c).is_empty())
    }

    /// An error at this row's line.
    pub fn error(&self, message: String) -> ImportError {
        self.table.error(self.line, message)
    }

    /// An error in one cell of this row: `column 8 ("Votes"): <message>`.
    pub fn column_error(&self, column: usize, message: &str) -> ImportError {
        let name = self.table.headers.get(column).map_or("", String::as_str);
        self.error(format!("column {} (\"{name}\"): {message}", column + 1))
    }

    /// The cell, which must not be empty.
    pub fn required(&self, column: usize) -> Result<&str, ImportError> {
        match self.text(column) {
            "" => Err(self.column_error(column, "is empty")),
            text => Ok(text),
        }
    }

    /// A whole number, perhaps with thousands separators ("1,234") or non-breaking
    /// spaces (`"\u{a0}1,171"`, as in the London 2018 file).
    pub fn count(&self, column: usize) -> Result<u64, ImportError> {
        self.optional_count(column)?.ok_or_else(|| self.column_error(column, "is empty; expected a whole number"))
    }

    /// A whole number as [`Cells::count`] reads it, or `None` for an empty cell.
    pub fn optional_count(&self, column: usize) -> Result<Option<u64>, ImportError> {
        let text = self.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        let digits: String = text.chars().filter(|&c| c != ',' && c != '\u{a0}').collect();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.column_error(column, &format!("\"{text}\" is not a whole number")));
        }
        digits.parse().map(Some).map_err(|_| self.column_error(column, &format!("\"{text}\" is too large")))
    }

    /// A decimal number, or `None` for an empty cell.
    pub fn number(&self, column: usize) -> Result<Option<f64>, ImportError> {
        let text = self.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(Some(number)),
            _ => Err(self.column_error(column, &format!("\"{text}\" is not a number"))),
        }
    }

    /// "yes", "true", "1", "elected" or "no", "false", "0", "not elected" (without
    /// regard to case); `None` for an empty cell.
    pub fn yes_no(&self, column: usize) -> Result<Option<bool>, ImportError> {
        let text = super::names::tidy(self.text(column)).to_ascii_lowercase();
        match text.as_str() {
            "" => Ok(None),
            "yes" | "y" | "true" | "1" | "elected" => Ok(Some(true)),
            "no" | "n" | "false" | "0" | "not elected" => Ok(Some(false)),
            _ => Err(self.column_error(column, &format!("\"{}\" is not yes or no", self.text(column)))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::Temp;
    use super::*;

    const FILE: &str = "Title of the report\n\
        seat,\"Valid\n votes \",share\n\
        A,\"1,234\",12.5\n\
        B,56,\n";

    #[test]
    fn columns_are_found_by_name_after_title_rows() {
        let file = Temp::new("csv-good.csv", FILE);
        let table = Table::read(&file.0, 1).unwrap();
        let votes = table.column(&["votes", "valid votes"]).unwrap();
        let share = table.column(&["Share"]).unwrap();
        let rows: Vec<_> = table.rows().map(|row| (row.line, row.count(votes).unwrap(), row.number(share).unwrap())).collect();
        assert_eq!(rows, [(4, 1234, Some(12.5)), (5, 56, None)]);
        assert_eq!(table.optional_column("electorate"), None);
    }

    #[test]
    fn a_missing_column_names_the_file_the_header_line_and_the_column() {
        let file = Temp::new("csv-missing.csv", FILE);
        let err = Table::read(&file.0, 1).unwrap().column(&["Electorate", "electors"]).unwrap_err();
        assert!(matches!(&err, ImportError::MissingColumn { line: 2, column, .. } if column == "Electorate"), "{err}");
        assert_eq!(err.to_string(), format!("{}, line 2: the column \"Electorate\" is missing; found columns: seat, Valid votes, share", file.0.display()));
    }

    #[test]
    fn a_bad_number_names_the_file_the_line_and_the_column() {
        let file = Temp::new("csv-bad.csv", FILE.replace("B,56,", "B,5b,").replace("12.5", "12..5"));
        let table = Table::read(&file.0, 1).unwrap();
        let mut rows = table.rows();
        let first = rows.next().unwrap();
        let err = first.number(2).unwrap_err().to_string();
        assert_eq!(err, format!("{}, line 4: column 3 (\"share\"): \"12..5\" is not a number", file.0.display()));
        let err = rows.next().unwrap().count(1).unwrap_err().to_string();
        assert_eq!(err, format!("{}, line 5: column 2 (\"Valid votes\"): \"5b\" is not a whole number", file.0.display()));
        let err = first.yes_no(0).unwrap_err().to_string();
        assert!(err.ends_with("line 4: column 1 (\"seat\"): \"A\" is not yes or no"), "{err}");
    }

    #[test]
    fn a_short_row_and_a_short_file_are_errors_with_their_line() {
        let short = Temp::new("csv-short.csv", format!("{FILE}C,7\n"));
        let err = Table::read(&short.0, 1).err().unwrap().to_string();
        assert_eq!(err, format!("{}, line 6: expected 3 fields, found 2", short.0.display()));
        let title = Temp::new("csv-title.csv", "Title of the report\n");
        let err = Table::read(&title.0, 1).err().unwrap().to_string();
        assert!(err.ends_with("line 2: the file ends before its header row (record 2)"), "{err}");
    }

    #[test]
    fn crlf_lines_are_counted_as_the_file_has_them() {
        let file = Temp::new("csv-crlf.csv", FILE.replace('\n', "\r\n").replace("B,56,", "B,5b,"));
        let table = Table::read(&file.0, 1).unwrap();
        let err = table.rows().nth(1).unwrap().count(1).unwrap_err().to_string();
        assert!(err.contains("line 5:"), "{err}");
    }
}
