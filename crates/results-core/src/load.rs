//! Reading results JSON: syntax and type errors with the JSON path of the bad field,
//! then the semantic checks of [`crate::validate`].

use crate::model::{ResultsFile, FORMAT_VERSION};
use crate::validate::{validate, Problem};

/// Why a results file could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// Not JSON at all (an HTML page, a truncated upload).
    #[error("the file is not valid JSON: {message} (line {line}, column {column})")]
    Syntax { message: String, line: usize, column: usize },
    /// JSON, but a field has the wrong type or is missing.
    #[error("{path}: {message}")]
    Type { path: String, message: String },
    /// A format version this code does not read.
    #[error("version: this widget reads format version {FORMAT_VERSION}, found {found}")]
    Version { found: u64 },
    /// Well-formed, but inconsistent: every problem found.
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
    // The version is read first so that a future file gets a message about its
    // version rather than about whichever field changed shape.
    #[derive(serde::Deserialize)]
    struct Header {
        version: Option<serde_json::Value>,
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Header>(&mut de) {
        Ok(Header { version: Some(serde_json::Value::Number(n)) }) => {
            if n.as_u64() != Some(u64::from(FORMAT_VERSION)) {
                return Err(LoadError::Version { found: n.as_u64().unwrap_or(0) });
            }
        }
        Ok(_) => {}
        Err(err) => return Err(convert(err)),
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let file: ResultsFile = serde_path_to_error::deserialize(&mut de).map_err(convert)?;
    de.end().map_err(|err| syntax(&err))?;
    Ok(file)
}

fn syntax(err: &serde_json::Error) -> LoadError {
    let text = err.to_string();
    let message = match text.find(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_string(),
        None => text,
    };
    LoadError::Syntax { message, line: err.line(), column: err.column() }
}

fn convert(err: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
    let path = err.path().to_string();
    let inner = err.inner();
    if inner.is_syntax() || inner.is_eof() || inner.is_io() {
        return syntax(inner);
    }
    let raw = inner.to_string();
    let raw = match raw.find(" at line ") {
        Some(at) => raw.get(..at).unwrap_or(&raw).to_string(),
        None => raw,
    };
    LoadError::Type { path: if path == "." { "(top level)".into() } else { path }, message: humanise(&raw) }
}

/// Rewrites serde's wording ("invalid type: string \"x\", expected u64") as a
/// sentence a newsroom developer can act on.
fn humanise(raw: &str) -> String {
    if let Some(field) = raw.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        return format!("the field `{field}` is required but missing");
    }
    let expected = match raw.rsplit_once(", expected ") {
        Some((_, expected)) => expected,
        None => return raw.to_string(),
    };
    let found = raw
        .split_once(": ")
        .map(|(_, rest)| rest.rsplit_once(", expected ").map_or(rest, |(found, _)| found))
        .unwrap_or("")
        .replace('`', "");
    let found = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
        .unwrap_or(&found)
        .to_string();
    let wanted = match expected {
        "u64" | "u32" => "a whole number of at least 0",
        "a string" => "text",
        "a boolean" => "true or false",
        "f64" => "a number",
        other if other.starts_with("a sequence") => "a list",
        other => other,
    };
    format!("must be {wanted}, found {found}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_error(text: &str) -> (String, String) {
        match parse_unchecked(text) {
            Err(LoadError::Type { path, message }) => (path, message),
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
