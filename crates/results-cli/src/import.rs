//! Importers: official files in, results JSON out.

pub mod hoc;

use std::path::PathBuf;

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}, line {line}: {message}")]
    Csv { path: PathBuf, line: u64, message: String },
    #[error("{path}: the column \"{column}\" is missing; found columns: {found}")]
    MissingColumn { path: PathBuf, column: String, found: String },
    #[error("unknown election id \"{id}\"; known ids: {known}")]
    UnknownElection { id: String, known: String },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("the imported data is inconsistent:\n  {}", .0.join("\n  "))]
    Invalid(Vec<String>),
}

/// Turns a csv error into a message with its line and what was expected.
pub fn csv_error(path: &std::path::Path, err: &csv::Error) -> ImportError {
    let line = err.position().map_or(0, csv::Position::line);
    let message = match err.kind() {
        csv::ErrorKind::Deserialize { err, .. } => {
            let column = err.field().map(|f| format!("column {}: ", f + 1)).unwrap_or_default();
            format!("{column}{}", err.kind())
        }
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("expected {expected_len} fields, found {len}")
        }
        csv::ErrorKind::Utf8 { err, .. } => format!("field {} is not valid UTF-8", err.field() + 1),
        _ => err.to_string(),
    };
    ImportError::Csv { path: path.to_path_buf(), line, message }
}
