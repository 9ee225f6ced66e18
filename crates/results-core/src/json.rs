//! Reading the results format out of parsed JSON, field by field: every problem in a
//! file is found in one pass, each with the JSON path of the field.
//!
//! The JSON itself is parsed by someone else: serde_json natively, and the browser's
//! own `JSON.parse` in the widget, which then carries no JSON parser and no
//! per-type deserializing code of its own (about 40 KB of compressed wasm). Both
//! hand this module a tree through the small [`Json`] trait.

use std::collections::BTreeMap;

use crate::model::{Candidate, Constituency, Election, ElectionKind, Index, IndexRow, Party, PartyShare, PartyTotal, Previous, ResultsFile};
use crate::validate::Problem;

/// What a JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// A parsed JSON value, as this module reads it.
pub trait Json: Sized {
    fn kind(&self) -> Kind;
    fn as_bool(&self) -> Option<bool>;
    fn as_f64(&self) -> Option<f64>;
    fn as_string(&self) -> Option<String>;
    /// An object's member; `None` when it is absent (or this is not an object).
    fn member(&self, key: &str) -> Option<Self>;
    /// An array's elements; `None` when this is not an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// An object's members in order; `None` when this is not an object.
    fn entries(&self) -> Option<Vec<(String, Self)>>;

    fn is_null(&self) -> bool {
        self.kind() == Kind::Null
    }
    fn is_object(&self) -> bool {
        self.kind() == Kind::Object
    }

    /// A whole number of at least 0 that a double holds exactly.
    fn as_whole(&self) -> Option<u64> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        let n = self.as_f64()?;
        ((0.0..=EXACT).contains(&n) && n.fract() == 0.0).then_some(n as u64)
    }
}

impl Json for &serde_json::Value {
    fn kind(&self) -> Kind {
        use serde_json::Value;
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }
    fn as_bool(&self) -> Option<bool> {
        serde_json::Value::as_bool(self)
    }
    fn as_f64(&self) -> Option<f64> {
        serde_json::Value::as_f64(self)
    }
    fn as_string(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn member(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }
    fn items(&self) -> Option<Vec<Self>> {
        Some(self.as_array()?.iter().collect())
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        Some(self.as_object()?.iter().map(|(k, v)| (k.clone(), v)).collect())
    }
    fn as_whole(&self) -> Option<u64> {
        self.as_u64()
    }
}

/// How a value is named in a message ("found string \"many\"", "found -5").
fn found<J: Json>(value: &J) -> String {
    match value.kind() {
        Kind::Null => "null".into(),
        Kind::Bool => format!("boolean {}", value.as_bool().unwrap_or_default()),
        Kind::Number => value.as_f64().map(|n| n.to_string()).unwrap_or_default(),
        Kind::String => format!("string \"{}\"", value.as_string().unwrap_or_default()),
        Kind::Array => "sequence".into(),
        Kind::Object => "map".into(),
    }
}

const WHOLE: &str = "a whole number of at least 0";

/// The problems found so far, and the reading helpers that add to them. A helper
/// that finds a problem records it and returns a default, so reading goes on and
/// every problem is found.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader {
    fn problem(&mut self, path: String, message: String) {
        let path = if path.is_empty() { "(top level)".to_string() } else { path };
        self.problems.push(Problem { path, message });
    }

    fn wrong<J: Json>(&mut self, path: String, wanted: &str, value: &J) {
        self.problem(path, format!("must be {wanted}, found {}", found(value)));
    }

    /// Whether `value` is an object (recording a problem if not).
    fn object<J: Json>(&mut self, value: &J, path: &str) -> bool {
        let ok = value.is_object();
        if !ok {
            self.wrong(path.to_string(), "an object", value);
        }
        ok
    }

    /// A member that must be there (a value that is not an object has its own
    /// problem already).
    fn required<J: Json>(&mut self, object: &J, path: &str, key: &str) -> Option<J> {
        let value = object.member(key);
        if value.is_none() && object.is_object() {
            self.problem(path.to_string(), format!("the field `{key}` is required but missing"));
        }
        value
    }

    /// A member that may be absent or null.
    fn optional<J: Json>(object: &J, key: &str) -> Option<J> {
        object.member(key).filter(|v| !v.is_null())
    }

    fn text_of<J: Json>(&mut self, value: &J, path: impl FnOnce() -> String) -> String {
        match value.as_string() {
            Some(text) => text,
            None => {
                self.wrong(path(), "text", value);
                String::new()
            }
        }
    }

    fn text<J: Json>(&mut self, object: &J, path: &str, key: &str) -> String {
        match self.required(object, path, key) {
            Some(value) => self.text_of(&value, || join(path, key)),
            None => String::new(),
        }
    }

    fn opt_text<J: Json>(&mut self, object: &J, path: &str, key: &str) -> Option<String> {
        Self::optional(object, key).map(|value| self.text_of(&value, || join(path, key)))
    }

    fn whole_of<J: Json>(&mut self, value: &J, path: impl FnOnce() -> String) -> u64 {
        match value.as_whole() {
            Some(n) => n,
            None => {
                self.wrong(path(), WHOLE, value);
                0
            }
        }
    }

    fn whole<J: Json>(&mut self, object: &J, path: &str, key: &str) -> u64 {
        match self.required(object, path, key) {
            Some(value) => self.whole_of(&value, || join(path, key)),
            None => 0,
        }
    }

    fn opt_whole<J: Json>(&mut self, object: &J, path: &str, key: &str) -> Option<u64> {
        Self::optional(object, key).map(|value| self.whole_of(&value, || join(path, key)))
    }

    /// A whole number that fits 32 bits.
    fn small<J: Json>(&mut self, value: &J, path: impl FnOnce() -> String) -> u32 {
        match value.as_whole().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => n,
            None => {
                self.wrong(path(), WHOLE, value);
                0
            }
        }
    }

    fn number_of<J: Json>(&mut self, value: &J, path: impl FnOnce() -> String) -> f64 {
        match value.as_f64() {
            Some(n) => n,
            None => {
                self.wrong(path(), "a number", value);
                0.0
            }
        }
    }

    fn number<J: Json>(&mut self, object: &J, path: &str, key: &str) -> f64 {
        match self.required(object, path, key) {
            Some(value) => self.number_of(&value, || join(path, key)),
            None => 0.0,
        }
    }

    fn flag<J: Json>(&mut self, object: &J, path: &str, key: &str, default: bool) -> bool {
        match Self::optional(object, key) {
            Some(value) => match value.as_bool() {
                Some(flag) => flag,
                None => {
                    self.wrong(join(path, key), "true or false", &value);
                    default
                }
            },
            None => default,
        }
    }

    /// A list member, each element read by `item` at its own path; absent or null
    /// is an empty list unless the member is `required`.
    fn list<J: Json, T>(&mut self, object: &J, path: &str, key: &str, required: bool, mut item: impl FnMut(&mut Self, &J, String) -> T) -> Vec<T> {
        let value = if required { self.required(object, path, key) } else { Self::optional(object, key) };
        let Some(value) = value else { return Vec::new() };
        let at = join(path, key);
        match value.items() {
            Some(items) => items.iter().enumerate().map(|(i, element)| item(self, element, format!("{at}[{i}]"))).collect(),
            None => {
                self.wrong(at, "a list", &value);
                Vec::new()
            }
        }
    }

    fn labels<J: Json>(&mut self, object: &J, path: &str) -> BTreeMap<String, String> {
        let Some(value) = Self::optional(object, "labels") else { return BTreeMap::new() };
        let at = join(path, "labels");
        match value.entries() {
            Some(entries) => entries.into_iter().map(|(key, text)| (key.clone(), self.text_of(&text, || join(&at, &key)))).collect(),
            None => {
                self.wrong(at, "a map", &value);
                BTreeMap::new()
            }
        }
    }

    fn election<J: Json>(&mut self, value: &J, path: String) -> Election {
        self.object(value, &path);
        Election {
            id: self.text(value, &path, "id"),
            name: self.text(value, &path, "name"),
            date: self.text(value, &path, "date"),
            kind: match self.required(value, &path, "kind") {
                Some(kind) => match kind.as_string().as_deref() {
                    Some("general") => ElectionKind::General,
                    Some("by-election") => ElectionKind::ByElection,
                    Some("local") => ElectionKind::Local,
                    Some("mayoral") => ElectionKind::Mayoral,
                    Some("other") => ElectionKind::Other,
                    other => {
                        let found = other.map_or_else(|| found(&kind), |name| format!("\"{name}\""));
                        self.problem(join(&path, "kind"), format!("must be one of general, by-election, local, mayoral, other, found {found}"));
                        ElectionKind::Other
                    }
                },
                None => ElectionKind::Other,
            },
            boundaries: self.opt_text(value, &path, "boundaries"),
            previous: self.opt_text(value, &path, "previous"),
        }
    }

    fn party<J: Json>(&mut self, value: &J, path: String) -> Party {
        self.object(value, &path);
        Party {
            id: self.text(value, &path, "id"),
            name: self.text(value, &path, "name"),
            abbreviation: self.text(value, &path, "abbreviation"),
            colour: self.text(value, &path, "colour"),
            dark_colour: self.opt_text(value, &path, "dark_colour"),
        }
    }

    fn candidate<J: Json>(&mut self, value: &J, path: String) -> Candidate {
        self.object(value, &path);
        Candidate {
            name: self.text(value, &path, "name"),
            party: self.text(value, &path, "party"),
            votes: self.whole(value, &path, "votes"),
            sitting: self.flag(value, &path, "sitting", false),
            elected: Self::optional(value, "elected").map(|_| self.flag(value, &path, "elected", false)),
            stages: self.list(value, &path, "stages", false, |r, v, at| r.whole_of(v, || at)),
        }
    }

    fn previous<J: Json>(&mut self, value: &J, path: String) -> Previous {
        self.object(value, &path);
        Previous {
            seats: self.list(value, &path, "seats", false, |r, v, at| r.text_of(v, || at)),
            notional: self.flag(value, &path, "notional", false),
            shares: self.list(value, &path, "shares", false, |r, v, at| {
                r.object(v, &at);
                PartyShare { party: r.text(v, &at, "party"), share: r.number(v, &at, "share") }
            }),
            winner: self.opt_text(value, &path, "winner"),
        }
    }

    fn constituency<J: Json>(&mut self, value: &J, path: String) -> Constituency {
        self.object(value, &path);
        Constituency {
            code: self.text(value, &path, "code"),
            name: self.text(value, &path, "name"),
            election: self.text(value, &path, "election"),
            region: self.opt_text(value, &path, "region"),
            nation: self.opt_text(value, &path, "nation"),
            electorate: self.opt_whole(value, &path, "electorate"),
            valid_votes: self.opt_whole(value, &path, "valid_votes"),
            invalid_votes: self.opt_whole(value, &path, "invalid_votes"),
            declared: self.flag(value, &path, "declared", true),
            declared_at: self.opt_text(value, &path, "declared_at"),
            seats: Self::optional(value, "seats").map_or(1, |seats| self.small(&seats, || join(&path, "seats"))),
            ballots: self.opt_whole(value, &path, "ballots"),
            stages: self.list(value, &path, "stages", false, |r, v, at| r.text_of(v, || at)),
            candidates: self.list(value, &path, "candidates", true, |r, v, at| r.candidate(v, at)),
            previous: Self::optional(value, "previous").map(|previous| self.previous(&previous, join(&path, "previous"))),
        }
    }

    /// The top-level object's version, checked before anything else, so that a
    /// future file gets a message about its version rather than about whichever
    /// field changed shape.
    fn version<J: Json>(&mut self, value: &J) -> Result<u32, crate::LoadError> {
        if !self.object(value, "") {
            return Ok(0);
        }
        let Some(version) = self.required(value, "", "version") else { return Ok(0) };
        match version.as_whole() {
            Some(n) if n == u64::from(crate::model::FORMAT_VERSION) => Ok(crate::model::FORMAT_VERSION),
            Some(found) => Err(crate::LoadError::Version { found }),
            None => {
                self.wrong("version".into(), WHOLE, &version);
                Ok(0)
            }
        }
    }

    fn finish<T>(self, value: T) -> Result<T, crate::LoadError> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(crate::LoadError::Invalid(self.problems))
        }
    }
}

/// Reads a results file out of parsed JSON: its types and version, not yet its
/// consistency (see [`crate::validate`]).
pub fn results_file<J: Json>(value: &J) -> Result<ResultsFile, crate::LoadError> {
    let mut r = Reader::default();
    let version = r.version(value)?;
    let file = ResultsFile {
        version,
        attribution: r.opt_text(value, "", "attribution"),
        updated: r.opt_text(value, "", "updated"),
        labels: r.labels(value, ""),
        elections: r.list(value, "", "elections", false, |r, v, at| r.election(v, at)),
        parties: r.list(value, "", "parties", false, |r, v, at| r.party(v, at)),
        constituencies: r.list(value, "", "constituencies", false, |r, v, at| r.constituency(v, at)),
    };
    r.finish(file)
}

/// Reads an object of label texts (`data-labels`, `results render --labels`).
pub fn labels<J: Json>(value: &J) -> Result<BTreeMap<String, String>, crate::LoadError> {
    let mut r = Reader::default();
    let labels = match value.entries() {
        Some(entries) => entries.into_iter().map(|(key, text)| (key.clone(), r.text_of(&text, || key))).collect(),
        None => {
            r.wrong(String::new(), "a map", value);
            BTreeMap::new()
        }
    };
    r.finish(labels)
}

/// Reads a results directory's index out of parsed JSON: its types and version.
pub fn index<J: Json>(value: &J) -> Result<Index, crate::LoadError> {
    let mut r = Reader::default();
    let version = r.version(value)?;
    let index = Index {
        version,
        attribution: r.opt_text(value, "", "attribution"),
        updated: r.opt_text(value, "", "updated"),
        labels: r.labels(value, ""),
        elections: r.list(value, "", "elections", true, |r, v, at| r.election(v, at)),
        parties: r.list(value, "", "parties", true, |r, v, at| r.party(v, at)),
        election: r.text(value, "", "election"),
        totals: r.list(value, "", "totals", false, |r, v, at| {
            r.object(v, &at);
            PartyTotal {
                party: r.text(v, &at, "party"),
                votes: r.whole(v, &at, "votes"),
                seats: r.required(v, &at, "seats").map_or(0, |seats| r.small(&seats, || join(&at, "seats"))),
            }
        }),
        hex_layout: r.opt_text(value, "", "hex_layout"),
        seats: r.list(value, "", "seats", true, |r, v, at| r.index_row(v, at)),
    };
    r.finish(index)
}

impl Reader {
    fn index_row<J: Json>(&mut self, value: &J, path: String) -> IndexRow {
        self.object(value, &path);
        IndexRow {
            code: self.text(value, &path, "code"),
            name: self.text(value, &path, "name"),
            region: self.opt_text(value, &path, "region"),
            nation: self.opt_text(value, &path, "nation"),
            declared: self.flag(value, &path, "declared", true),
            winner: self.opt_text(value, &path, "winner"),
            party: self.opt_text(value, &path, "party"),
            second: self.opt_text(value, &path, "second"),
            majority: self.whole(value, &path, "majority"),
            majority_share: self.number(value, &path, "majority_share"),
            turnout: Self::optional(value, "turnout").map(|turnout| self.number_of(&turnout, || join(&path, "turnout"))),
            result: self.text(value, &path, "result"),
            file: self.text(value, &path, "file"),
            hex: Self::optional(value, "hex").map(|hex| self.hex(&hex, join(&path, "hex"))),
            hash: self.opt_text(value, &path, "hash"),
        }
    }

    /// A hex map cell: two whole numbers, which may be negative.
    fn hex<J: Json>(&mut self, value: &J, path: String) -> [i32; 2] {
        let cell = value.items().and_then(|items| {
            let [q, r] = items.as_slice() else { return None };
            let coordinate = |v: &J| v.as_f64().filter(|n| n.fract() == 0.0 && n.abs() <= f64::from(i32::MAX)).map(|n| n as i32);
            Some([coordinate(q)?, coordinate(r)?])
        });
        cell.unwrap_or_else(|| {
            self.wrong(path, "a list of two whole numbers", value);
            [0, 0]
        })
    }
}
