//! Reading results JSON: syntax and type errors with the JSON path of the bad field,
//! then the semantic checks of [`crate::validate`].

use crate::model::{ResultsFile, FORMAT_VERSION};
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
    // The version is read first so that a future file gets a message about its
    // version rather than about whichever field changed shape.
    #[derive(serde::Deserialize)]
    struct Header {
        version: Option<serde_json::Value>,
    }
    match serde_json::from_str::<Header>(text) {
        Ok(Header { version: Some(serde_json::Value::Number(n)) }) => {
            if n.as_u64() != Some(u64::from(FORMAT_VERSION)) {
                return Err(LoadError::Version { found: n.as_u64().unwrap_or(0) });
            }
        }
        Ok(_) => {}
        Err(err) => return Err(convert(&err, text)),
    }
    match serde_json::from_str::<ResultsFile>(text) {
        Ok(file) => Ok(file),
        Err(err) => match convert(&err, text) {
            // A type error stops serde at the first bad field; go back over the
            // document element by element so that every bad field is reported.
            LoadError::Invalid(first) => {
                let all = type_problems(text);
                Err(LoadError::Invalid(if all.is_empty() { first } else { all }))
            }
            other => Err(other),
        },
    }
}

/// Parses `text` as a `T`, adding its problems, under the path `at`, to `out`.
/// Every check reads text with the same deserializer, so the wasm build carries
/// one copy of each type's parsing code.
fn check<T: serde::de::DeserializeOwned>(text: &str, at: &str, out: &mut Vec<Problem>) -> bool {
    match serde_json::from_str::<T>(text) {
        Ok(_) => true,
        Err(err) => {
            if let LoadError::Invalid(problems) = convert(&err, text) {
                out.extend(problems.into_iter().map(|p| Problem {
                    path: match (p.path.as_str(), at) {
                        ("(top level)", _) => at.to_string(),
                        (inner, "") => inner.to_string(),
                        (inner, at) => format!("{at}.{inner}"),
                    },
                    message: p.message,
                }));
            }
            false
        }
    }
}

/// Every type problem in a document, found by reading each list element on its own.
fn type_problems(text: &str) -> Vec<Problem> {
    use crate::model::{Candidate, Constituency, Election, Party};

    #[derive(serde::Deserialize)]
    #[allow(dead_code)] // read only to check their types
    struct TopLevel {
        version: u32,
        #[serde(default)]
        attribution: Option<String>,
    }

    let mut out = Vec::new();
    check::<TopLevel>(text, "", &mut out);
    let lists = ["elections", "parties", "constituencies"].map(|key| split::member_elements(text, key));
    if lists.iter().any(Option::is_none) {
        // A list is not a list: the whole-document message says which.
        check::<ResultsFile>(text, "", &mut out);
        return out;
    }
    let [elections, parties, seats] = lists.map(Option::unwrap_or_default);
    for (i, item) in elections.iter().enumerate() {
        check::<Election>(item, &format!("elections[{i}]"), &mut out);
    }
    for (i, item) in parties.iter().enumerate() {
        check::<Party>(item, &format!("parties[{i}]"), &mut out);
    }
    for (i, seat) in seats.iter().enumerate() {
        let at = format!("constituencies[{i}]");
        let before = out.len();
        for (j, candidate) in split::member_elements(seat, "candidates").unwrap_or_default().iter().enumerate() {
            check::<Candidate>(candidate, &format!("{at}.candidates[{j}]"), &mut out);
        }
        let found_in_candidates = out.len() > before;
        let mut seat_problems = Vec::new();
        check::<Constituency>(seat, &at, &mut seat_problems);
        let candidates_path = format!("{at}.candidates[");
        out.extend(seat_problems.into_iter().filter(|p| !(found_in_candidates && p.path.starts_with(&candidates_path))));
    }
    out
}

/// Splitting JSON text into the elements of an object's list member, without
/// parsing them. Used only on text serde has already read as valid JSON; it is
/// hand-written because serde_json's `RawValue` costs the widget more code.
mod split {
    /// The byte offset of a 1-based line and column (of the last character read).
    /// Where serde stopped just before a value (a map where a list belongs), the
    /// offset moves on to the value.
    pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
        let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
        let mut offset = (line_start + column).saturating_sub(1).min(text.len());
        let bytes = text.as_bytes();
        while bytes.get(offset).is_some_and(|b| b.is_ascii_whitespace() || *b == b':') {
            offset += 1;
        }
        offset
    }

    /// The JSON path (`constituencies[12].candidates[3].votes`) of the innermost
    /// value of `text` that spans byte `offset`; empty for the top level.
    pub fn path_at(text: &str, offset: usize) -> String {
        let bytes = text.as_bytes();
        let mut path = String::new();
        let mut start = skip_space(bytes, 0);
        loop {
            let open = bytes.get(start).copied();
            if open != Some(b'{') && open != Some(b'[') {
                return path;
            }
            let mut i = start + 1;
            let mut index = 0_usize;
            let mut inner = None;
            loop {
                i = skip_space(bytes, i);
                match bytes.get(i) {
                    Some(b',') => {
                        i += 1;
                        continue;
                    }
                    Some(b'}' | b']') | None => break,
                    Some(_) => {}
                }
                let mut name = None;
                if open == Some(b'{') {
                    let Some(key_end) = value_end(bytes, i) else { break };
                    name = text.get(i..key_end).and_then(|key| serde_json::from_str::<String>(key).ok());
                    i = skip_space(bytes, key_end);
                    if bytes.get(i) != Some(&b':') {
                        break;
                    }
                    i = skip_space(bytes, i + 1);
                }
                let end = value_end(bytes, i).unwrap_or(bytes.len());
                if (i..end.max(i + 1)).contains(&offset) {
                    inner = Some((i, name));
                    break;
                }
                i = end;
                index += 1;
            }
            match inner {
                Some((value_start, Some(name))) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&name);
                    start = value_start;
                }
                Some((value_start, None)) => {
                    path.push_str(&format!("[{index}]"));
                    start = value_start;
                }
                None => return path,
            }
        }
    }

    /// The text of each element of `key`'s list in the top-level object `text`:
    /// `Some(empty)` when the member is missing or null, `None` when it is not a list.
    pub fn member_elements<'a>(text: &'a str, key: &str) -> Option<Vec<&'a str>> {
        let bytes = text.as_bytes();
        let mut i = skip_space(bytes, 0);
        if bytes.get(i) != Some(&b'{') {
            return None;
        }
        i += 1;
        loop {
            i = skip_space(bytes, i);
            match bytes.get(i)? {
                b'}' => return Some(Vec::new()),
                b',' => i += 1,
                b'"' => {
                    let end = value_end(bytes, i)?;
                    let name: String = serde_json::from_str(text.get(i..end)?).ok()?;
                    i = skip_space(bytes, end);
                    if bytes.get(i) != Some(&b':') {
                        return None;
                    }
                    let start = skip_space(bytes, i + 1);
                    let end = value_end(bytes, start)?;
                    if name == key {
                        return match bytes.get(start)? {
                            b'[' => elements(text, start),
                            b'n' => Some(Vec::new()),
                            _ => None,
                        };
                    }
                    i = end;
                }
                _ => return None,
            }
        }
    }

    fn elements(text: &str, open: usize) -> Option<Vec<&str>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = open + 1;
        loop {
            i = skip_space(bytes, i);
            match bytes.get(i)? {
                b']' => return Some(out),
                b',' => i += 1,
                _ => {
                    let end = value_end(bytes, i)?;
                    out.push(text.get(i..end)?);
                    i = end;
                }
            }
        }
    }

    fn skip_space(bytes: &[u8], mut i: usize) -> usize {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    }

    /// The index just past the JSON value starting at `start`.
    fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
        let mut depth = 0_usize;
        let mut i = start;
        let mut in_string = false;
        while let Some(&b) = bytes.get(i) {
            i += 1;
            if in_string {
                match b {
                    b'\\' => i += 1,
                    b'"' => {
                        in_string = false;
                        if depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => depth += 1,
                // A scalar ends where its container does.
                b']' | b'}' if depth == 0 => return Some(i - 1),
                b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                b',' | b' ' | b'\n' | b'\r' | b'\t' if depth == 0 => return Some(i - 1),
                _ => {}
            }
        }
        (depth == 0 && !in_string).then_some(i)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn splits_lists_of_any_values() {
            let text = r#" { "a" : [1, "x,]}", {"b":[2,{}]}, null ] , "c":{"a":[9]}, "n": null, "s": "v" } "#;
            assert_eq!(member_elements(text, "a").unwrap(), vec!["1", "\"x,]}\"", "{\"b\":[2,{}]}", "null"]);
            assert_eq!(member_elements(text, "missing").unwrap(), Vec::<&str>::new());
            assert_eq!(member_elements(text, "n").unwrap(), Vec::<&str>::new());
            assert_eq!(member_elements(text, "c"), None);
            assert_eq!(member_elements(text, "s"), None);
            assert_eq!(member_elements(r#"{"a":["q\"]",2]}"#, "a").unwrap(), vec![r#""q\"]""#, "2"]);
            assert_eq!(member_elements("[1]", "a"), None);
        }

        #[test]
        fn paths_of_offsets() {
            let text = "{\"a\": [1, {\"b\": \"xy\", \"c\": [true, -5]}], \"d\": {}}";
            let at = |needle: &str| path_at(text, text.find(needle).unwrap());
            assert_eq!(at("-5"), "a[1].c[1]");
            assert_eq!(at("true"), "a[1].c[0]");
            assert_eq!(at("xy"), "a[1].b");
            assert_eq!(at("1,"), "a[0]");
            assert_eq!(at("{}"), "d");
            assert_eq!(path_at(text, 0), "");
            assert_eq!(path_at(text, text.len() - 1), "");
            assert_eq!(path_at("{\"a\": [1, 2", 10), "a[1]", "truncated text still finds its way");
            assert_eq!(path_at("", 0), "");
        }

        #[test]
        fn offsets_of_lines_and_columns() {
            let text = "ab\ncd\nef";
            assert_eq!(offset_of(text, 1, 1), 0);
            assert_eq!(offset_of(text, 2, 2), 4);
            assert_eq!(offset_of(text, 3, 2), 7);
            assert_eq!(offset_of(text, 9, 9), text.len());
        }
    }
}

fn syntax(err: &serde_json::Error) -> LoadError {
    let text = err.to_string();
    let message = match text.find(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_string(),
        None => text,
    };
    LoadError::Syntax { message, line: err.line(), column: err.column() }
}

/// A serde error as a problem at the JSON path where it happened. serde_json says
/// where (line and column of the last character read); [`split::path_at`] turns
/// that into a path, which is far less code in the widget than tracking paths
/// while parsing.
fn convert(err: &serde_json::Error, text: &str) -> LoadError {
    if err.is_syntax() || err.is_eof() || err.is_io() {
        return syntax(err);
    }
    let offset = split::offset_of(text, err.line(), err.column());
    let path = split::path_at(text, offset);
    let raw = err.to_string();
    let raw = match raw.find(" at line ") {
        Some(at) => raw.get(..at).unwrap_or(&raw).to_string(),
        None => raw,
    };
    let path = if path.is_empty() { "(top level)".to_string() } else { path };
    LoadError::Invalid(vec![Problem { path, message: humanise(&raw) }])
}

/// Rewrites serde's wording ("invalid type: string \"x\", expected u64") as a
/// sentence a newsroom developer can act on.
fn humanise(raw: &str) -> String {
    if let Some(field) = raw.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        return format!("the field `{field}` is required but missing");
    }
    if let Some((found, rest)) = raw.strip_prefix("unknown variant `").and_then(|r| r.split_once('`')) {
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e).replace('`', "");
        return format!("must be {expected}, found \"{found}\"");
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
                "constituencies[0].candidates[0].votes: must be a whole number of at least 0, found -5",
                "constituencies[0].candidates[2].votes: must be a whole number of at least 0, found 1.5",
                "constituencies[0].electorate: must be a whole number of at least 0, found string \"lots\"",
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
