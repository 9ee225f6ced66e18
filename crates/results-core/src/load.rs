//! Reading results JSON: syntax and type errors with the JSON path of the bad field,
//! then the semantic checks of [`crate::validate`].

use crate::json;
use crate::model::{Index, ResultsFile, FORMAT_VERSION};
pub use crate::validate::Problem;
use crate::validate::validate;

/// Why a results file could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// Not JSON at all (an HTML page, a truncated upload).
    #[error("the file is not valid JSON: {message} (line {line}, column {column})")]
    Syntax { message: String, line: usize, column: usize },
    /// A format version this code does not read.
    #[error("version: this widget reads format version {FORMAT_VERSION}, found {found}")]
    Version { found: u64 },
    /// JSON, but with fields of the wrong type, missing, or inconsistent: every
    /// problem found, each with its path.
    #[error("{}", list(.0))]
    Invalid(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Parses and validates a results file.
pub fn parse_results(text: &str) -> Result<ResultsFile, LoadError> {
    let file = parse_unchecked(text)?;
    let problems = validate(&file);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Parses a results file, checking types and version but not consistency.
pub fn parse_unchecked(text: &str) -> Result<ResultsFile, LoadError> {
    json::results_file(&parse_json(text)?)
}

/// Parses and checks a results directory's index: its types and version, and what
/// its types do not say (its colours are colours; they become style rules).
pub fn parse_index(text: &str) -> Result<Index, LoadError> {
    let index = json::index(&parse_json(text)?)?;
    let problems = crate::validate::validate_index(&index);
    if problems.is_empty() {
        Ok(index)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Parses a JSON object of label texts (the widget's `data-labels`).
pub fn parse_labels(text: &str) -> Result<crate::model::TextMap, LoadError> {
    json::labels(&parse_json(text)?)
}

/// Parses JSON text, with the line and column of a syntax error.
pub(crate) fn parse_json(text: &str) -> Result<json::Value<'_>, LoadError> {
    json::parse(text).map_err(|err| {
        let (line, column) = line_and_column(text, err.offset);
        LoadError::Syntax { message: err.message.to_string(), line, column }
    })
}

/// The 1-based line and column (in characters) of a byte offset into `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    // One pass over the characters: smaller code than a search for line ends
    // forwards and then backwards.
    before.chars().fold((1, 1), |(line, column), c| if c == '\n' { (line + 1, 1) } else { (line, column + 1) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_errors(text: &str) -> Vec<String> {
        match parse_unchecked(text) {
            Err(LoadError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
            other => panic!("expected type errors, got {other:?}"),
        }
    }

    fn type_error(text: &str) -> (String, String) {
        match parse_unchecked(text) {
            Err(LoadError::Invalid(problems)) => (problems[0].path.clone(), problems[0].message.clone()),
            other => panic!("expected a type error, got {other:?}"),
        }
    }

    const SEAT: &str = r#"{"code":"E1","name":"A","election":"ge","candidates":[{"name":"X","party":"p","votes":VOTES}]}"#;

    fn file_with_votes(votes: &str) -> String {
        format!(
            r#"{{"version":1,"elections":[],"parties":[],"constituencies":[{}]}}"#,
            SEAT.replace("VOTES", votes)
        )
    }

    #[test]
    fn negative_votes_name_the_path_and_the_value() {
        let (path, message) = type_error(&file_with_votes("-5"));
        assert_eq!(path, "constituencies[0].candidates[0].votes");
        assert_eq!(message, "must be a whole number of at least 0, found -5");
    }

    #[test]
    fn fractional_and_textual_votes_are_refused() {
        assert_eq!(type_error(&file_with_votes("1.5")).1, "must be a whole number of at least 0, found 1.5");
        assert_eq!(type_error(&file_with_votes("\"many\"")).1, "must be a whole number of at least 0, found string \"many\"");
    }

    #[test]
    fn missing_fields_are_named() {
        let (path, message) = type_error(r#"{"version":1,"constituencies":[{"code":"E1"}]}"#);
        assert_eq!(path, "constituencies[0]");
        assert!(message.contains("`name`"), "{message}");
    }

    #[test]
    fn every_type_error_is_reported_at_once() {
        let text = r##"{"version":1,
          "elections":[{"id":"ge","name":"GE","date":"2024-07-04","kind":"landslide"}],
          "parties":[{"id":"lab","name":"Labour","abbreviation":"Lab"}],
          "attribution":5,
        "constituencies":[
            {"code":"E1","name":"A","election":"ge","electorate":"lots","candidates":[
              {"name":"X","party":"lab","votes":-5},{"name":"Y","party":"lab","votes":7},{"name":"Z","party":"lab","votes":1.5}]},
            {"code":"E2","name":"B","election":"ge","candidates":{}}]}"##;
        let errors = type_errors(text);
        assert_eq!(
            errors,
            vec![
                "attribution: must be text, found 5",
                "elections[0].kind: must be one of general, by-election, local, mayoral, other, found \"landslide\"",
                "parties[0]: the field `colour` is required but missing",
                "constituencies[0].electorate: must be a whole number of at least 0, found string \"lots\"",
                "constituencies[0].candidates[0].votes: must be a whole number of at least 0, found -5",
                "constituencies[0].candidates[2].votes: must be a whole number of at least 0, found 1.5",
                "constituencies[1].candidates: must be a list, found map",
            ]
        );
    }

    #[test]
    fn html_instead_of_json_is_a_syntax_error() {
        let err = parse_unchecked("<!doctype html><p>Not found</p>").unwrap_err();
        assert!(matches!(err, LoadError::Syntax { line: 1, column: 1, .. }), "{err:?}");
    }

    #[test]
    fn truncated_json_reports_where_it_stopped() {
        let text = file_with_votes("10");
        let cut = text.get(..text.len() - 10).unwrap();
        assert!(matches!(parse_unchecked(cut), Err(LoadError::Syntax { .. })));
    }

    #[test]
    fn other_versions_are_refused_by_version() {
        let err = parse_unchecked(r#"{"version":2,"constituencies":"whatever"}"#).unwrap_err();
        assert_eq!(err, LoadError::Version { found: 2 });
        assert_eq!(err.to_string(), "version: this widget reads format version 1, found 2");
    }

    #[test]
    fn trailing_garbage_is_a_syntax_error() {
        let text = format!("{} x", file_with_votes("1"));
        assert!(matches!(parse_unchecked(&text), Err(LoadError::Syntax { .. })));
    }
}
