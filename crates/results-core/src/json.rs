//! JSON for the results format: a small strict parser, and the reading of the
//! format's types out of what it parses, field by field, so that every problem in a
//! file is found in one pass, each with the JSON path of the field.
//!
//! Hand-written rather than serde_json with serde's derived code, which cost the
//! widget about 43 KB of its compressed wasm; the browser's own `JSON.parse`,
//! reached through wasm-bindgen one member at a time, took 15 to 30 ms for the
//! national index. This parser is about 4 KB and reads the index in a few
//! milliseconds. The native tests check it against serde_json on every file the
//! project ships, and the fuzz targets feed it hostile text.

use std::borrow::Cow;

use crate::model::{Candidate, Constituency, Election, ElectionKind, Index, IndexRow, Party, PartyShare, PartyTotal, Previous, PreviousPart, ResultsFile, TextMap};
use crate::validate::Problem;

/// A JSON value. An object keeps its members in order, in a list: the format's
/// objects have a handful of members, which a list finds as fast as a map would.
/// A string without escapes (all member names, almost every value) borrows the
/// text rather than being copied out of it: the national index has 20,000.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// A number, and its text as the file writes it (for messages).
    Number(f64, &'a str),
    /// A whole number written without sign, fraction or exponent that is too large
    /// for a double to hold exactly (over 2^53) but fits 64 bits: kept exact, as a
    /// count of votes is a `u64`.
    Whole(u64),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl Value<'_> {
    fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
    fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n, _) => Some(*n),
            Value::Whole(n) => Some(*n as f64),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// An object's member (the last, if a name is repeated, as `JSON.parse` does);
    /// `None` when it is absent or this is not an object.
    fn member(&self, key: &str) -> Option<&Self> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(name, _)| name == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn items(&self) -> Option<&[Self]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
    /// A whole number of at least 0 that a double holds exactly.
    fn as_whole(&self) -> Option<u64> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if let Value::Whole(n) = self {
            return Some(*n);
        }
        let n = self.as_f64()?;
        ((0.0..=EXACT).contains(&n) && n.fract() == 0.0).then_some(n as u64)
    }
}

/// Where and why JSON text could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    /// The byte offset of the problem (the text's length when it ends too soon).
    pub offset: usize,
}

/// How deep lists and objects may nest: far deeper than any results file, and
/// shallow enough that hostile text cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

const ENDS: &str = "the text ends before the data does";

/// Parses JSON text (RFC 8259, strictly: no comments, no trailing commas).
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), at: 0 };
    let value = parser.value(0)?;
    parser.space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("there is more text after the data"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, message: &'static str) -> SyntaxError {
        SyntaxError { message, offset: self.at }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// The byte after the space here; the end of the text is an error.
    fn next(&mut self) -> Result<u8, SyntaxError> {
        self.space();
        self.peek().ok_or_else(|| self.error(ENDS))
    }

    fn literal(&mut self, word: &[u8], value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        if rest.starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else if word.starts_with(rest) {
            // `tr` at the very end: the file was cut off.
            self.at = self.bytes.len();
            Err(self.error(ENDS))
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        match self.next()? {
            b'n' => self.literal(b"null", Value::Null),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' if depth >= MAX_DEPTH => Err(self.error("lists and objects are nested too deeply")),
            b'[' => {
                self.at += 1;
                self.array(depth + 1)
            }
            b'{' => {
                self.at += 1;
                self.object(depth + 1)
            }
            _ => Err(self.error("expected a value")),
        }
    }

    /// After `[`.
    fn array(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        let mut items = Vec::new();
        if self.next()? == b']' {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            match self.next()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// After `{`.
    fn object(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        let mut members = Vec::new();
        if self.next()? == b'}' {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            if self.next()? != b'"' {
                return Err(self.error("expected a member name in quotes"));
            }
            let name = self.string()?;
            if self.next()? != b':' {
                return Err(self.error("expected `:`"));
            }
            self.at += 1;
            members.push((name, self.value(depth)?));
            match self.next()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// At `"`: the text up to the closing quote, its escapes decoded.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.at += 1;
        // Most strings have no escapes: copied in one piece.
        let plain = self.bytes.get(self.at..).and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20));
        if let Some(len) = plain.filter(|&len| self.bytes.get(self.at + len) == Some(&b'"')) {
            let start = self.at;
            self.at += len;
            let text = self.run(start)?;
            self.at += 1;
            return Ok(Cow::Borrowed(text));
        }
        let mut out = String::new();
        let mut run = self.at; // the start of the bytes not yet copied
        loop {
            match self.peek() {
                None => return Err(self.error("the text ends inside a string")),
                Some(b'"') => {
                    out.push_str(self.run(run)?);
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(self.run(run)?);
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode()?,
                        None => return Err(self.error("the text ends inside a string")),
                        _ => return Err(self.error("a string has an escape that JSON does not have")),
                    };
                    out.push(escaped);
                    self.at += 1;
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(self.error("a string holds a control character")),
                Some(_) => self.at += 1,
            }
        }
    }

    /// The text from `start` to here: whole characters, since a run starts and
    /// ends at ASCII bytes.
    fn run(&self, start: usize) -> Result<&'a str, SyntaxError> {
        self.text.get(start..self.at).ok_or_else(|| self.error("a string is not valid text"))
    }

    /// At the `u` of `\uXXXX` (and of a second escape for a surrogate pair); ends
    /// on the last hex digit.
    fn unicode(&mut self) -> Result<char, SyntaxError> {
        const HALF: &str = "a string has half of a surrogate pair";
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.bytes.get(self.at + 1..self.at + 3) != Some(b"\\u") {
                return Err(self.error(HALF));
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error(HALF));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error(HALF))
    }

    /// At `u`: the four hex digits after it, ending on the last.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.at + 1..self.at + 5);
        match digits.and_then(|d| d.iter().try_fold(0, |code, &b| Some(code << 4 | char::from(b).to_digit(16)?))) {
            Some(code) => {
                self.at += 4;
                Ok(code)
            }
            None => Err(self.error("a string has a malformed \\u escape")),
        }
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        const MALFORMED: &str = "a number is malformed";
        // A number cut off at the end of the text (`-`, `1.`, `1e`): the file was.
        let malformed = |p: &Self| p.error(if p.at >= p.bytes.len() { ENDS } else { MALFORMED });
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        // No leading zeros: `0` alone, or a digit from 1 to 9 and more.
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(malformed(self));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(malformed(self));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(malformed(self));
            }
        }
        let token = self.bytes.get(start..self.at).unwrap_or_default();
        if token.len() > 15 && token.iter().all(u8::is_ascii_digit) {
            if let Some(whole) = self.text.get(start..self.at).and_then(|t| t.parse::<u64>().ok()).filter(|&n| n > 1 << 53) {
                return Ok(Value::Whole(whole));
            }
        }
        let number = decimal(token);
        if number.is_finite() {
            Ok(Value::Number(number, self.text.get(start..self.at).unwrap_or_default()))
        } else {
            Err(SyntaxError { message: "a number is out of range", offset: start })
        }
    }
}

/// The value of a well-formed JSON number. Exact (correctly rounded) for up to 15 significant digits and a power of
/// ten within ±22, which covers every count and share results data holds; beyond
/// that, see [`beyond_exact`].
fn decimal(token: &[u8]) -> f64 {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (negative, token) = match token.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, token),
    };
    let (mut mantissa, mut significant, mut exponent) = (0_u64, 0_u32, 0_i32);
    let mut fraction = false;
    let mut rest = token.iter();
    for &b in rest.by_ref() {
        match b {
            b'0'..=b'9' => {
                if significant < 19 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    significant += u32::from(mantissa > 0);
                    exponent -= i32::from(fraction);
                } else if !fraction {
                    exponent += 1;
                }
            }
            b'.' => fraction = true,
            _ => break, // `e` or `E`
        }
    }
    // The written exponent; one too long for an i32 is far beyond any double.
    let written: String = rest.map(|&b| b as char).collect();
    let written = match written.trim_start_matches('+') {
        "" => 0,
        digits => crate::number::saturating_i32(digits),
    };
    exponent = exponent.saturating_add(written);
    let m = mantissa as f64;
    let value = match usize::try_from(exponent.unsigned_abs()).ok().and_then(|e| POWERS.get(e)) {
        Some(power) if mantissa < (1 << 53) => {
            if exponent < 0 {
                m / power
            } else {
                m * power
            }
        }
        _ if mantissa == 0 => 0.0,
        _ => beyond_exact(token, m, exponent),
    };
    if negative {
        -value
    } else {
        value
    }
}

/// A number beyond the exact range (17 significant digits, as shortest-round-trip
/// writers often give, or a large power of ten). Natively the standard library's
/// exact parse: the `results` tool rewrites files, so their numbers must not drift.
/// In the widget, two powers of ten, within a few units in the last place (far
/// below the tenth of a percent it shows): the exact parse carries a 10 KB table.
#[cfg(not(target_arch = "wasm32"))]
fn beyond_exact(token: &[u8], _: f64, _: i32) -> f64 {
    std::str::from_utf8(token).ok().and_then(|t| t.parse().ok()).unwrap_or(f64::NAN)
}

#[cfg(target_arch = "wasm32")]
fn beyond_exact(_: &[u8], mantissa: f64, exponent: i32) -> f64 {
    // Two factors, so that neither overflows nor underflows on its own.
    mantissa * 10_f64.powi(exponent / 2) * 10_f64.powi(exponent - exponent / 2)
}

/// How a value is named in a message ("found string \"many\"", "found -5"); a
/// number as the file writes it.
fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(_, text) => (*text).to_string(),
        Value::Whole(n) => n.to_string(),
        Value::String(s) => format!("string \"{s}\""),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
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

/// The path of a list's element: `constituencies[3]`.
fn element_path(list: &str, i: usize) -> String {
    format!("{list}[{i}]")
}

impl Reader {
    fn problem(&mut self, path: String, message: String) {
        let path = if path.is_empty() { "(top level)".to_string() } else { path };
        self.problems.push(Problem { path, message });
    }

    fn wrong(&mut self, path: String, wanted: &str, value: &Value) {
        self.problem(path, format!("must be {wanted}, found {}", found(value)));
    }

    /// Whether `value` is an object (recording a problem if not).
    fn object(&mut self, value: &Value, path: &str) -> bool {
        let ok = value.is_object();
        if !ok {
            self.wrong(path.to_string(), "an object", value);
        }
        ok
    }

    /// A member that must be there (a value that is not an object has its own
    /// problem already).
    fn required<'v, 't>(&mut self, object: &'v Value<'t>, path: &str, key: &str) -> Option<&'v Value<'t>> {
        let value = object.member(key);
        if value.is_none() && object.is_object() {
            self.problem(path.to_string(), format!("the field `{key}` is required but missing"));
        }
        value
    }

    /// A member that may be absent or null.
    fn optional<'v, 't>(object: &'v Value<'t>, key: &str) -> Option<&'v Value<'t>> {
        object.member(key).filter(|v| !v.is_null())
    }

    fn text_of(&mut self, value: &Value, path: impl FnOnce() -> String) -> String {
        match value.as_str() {
            Some(text) => text.to_string(),
            None => {
                self.wrong(path(), "text", value);
                String::new()
            }
        }
    }

    fn text(&mut self, object: &Value, path: &str, key: &str) -> String {
        match self.required(object, path, key) {
            Some(value) => self.text_of(value, || join(path, key)),
            None => String::new(),
        }
    }

    fn opt_text(&mut self, object: &Value, path: &str, key: &str) -> Option<String> {
        Self::optional(object, key).map(|value| self.text_of(value, || join(path, key)))
    }

    fn whole_of(&mut self, value: &Value, path: impl FnOnce() -> String) -> u64 {
        match value.as_whole() {
            Some(n) => n,
            None => {
                self.wrong(path(), WHOLE, value);
                0
            }
        }
    }

    fn whole(&mut self, object: &Value, path: &str, key: &str) -> u64 {
        match self.required(object, path, key) {
            Some(value) => self.whole_of(value, || join(path, key)),
            None => 0,
        }
    }

    fn opt_whole(&mut self, object: &Value, path: &str, key: &str) -> Option<u64> {
        Self::optional(object, key).map(|value| self.whole_of(value, || join(path, key)))
    }

    /// A whole number that fits 32 bits.
    fn small(&mut self, value: &Value, path: impl FnOnce() -> String) -> u32 {
        match value.as_whole().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => n,
            None => {
                self.wrong(path(), WHOLE, value);
                0
            }
        }
    }

    fn number_of(&mut self, value: &Value, path: impl FnOnce() -> String) -> f64 {
        match value.as_f64() {
            Some(n) => n,
            None => {
                self.wrong(path(), "a number", value);
                0.0
            }
        }
    }

    fn number(&mut self, object: &Value, path: &str, key: &str) -> f64 {
        match self.required(object, path, key) {
            Some(value) => self.number_of(value, || join(path, key)),
            None => 0.0,
        }
    }

    fn opt_number(&mut self, object: &Value, path: &str, key: &str) -> Option<f64> {
        Self::optional(object, key).map(|value| self.number_of(value, || join(path, key)))
    }

    /// A flag that may be left out (or null).
    fn opt_flag(&mut self, object: &Value, path: &str, key: &str) -> Option<bool> {
        Self::optional(object, key).and_then(|value| {
            let flag = value.as_bool();
            if flag.is_none() {
                self.wrong(join(path, key), "true or false", value);
            }
            flag
        })
    }

    fn flag(&mut self, object: &Value, path: &str, key: &str, default: bool) -> bool {
        // Absent takes the default; null is not a flag (only `Option` fields take null).
        match object.member(key) {
            Some(value) => match value.as_bool() {
                Some(flag) => flag,
                None => {
                    self.wrong(join(path, key), "true or false", value);
                    default
                }
            },
            None => default,
        }
    }

    /// A list member, each element read by `item` at its own path; absent or null
    /// is an empty list unless the member is `required`.
    fn list<T>(&mut self, object: &Value, path: &str, key: &str, required: bool, mut item: impl FnMut(&mut Self, &Value, String) -> T) -> Vec<T> {
        let (items, at) = self.list_items(object, path, key, required);
        items.iter().enumerate().map(|(i, element)| item(self, element, element_path(&at, i))).collect()
    }

    /// A list of texts that may be absent: one function for every such list, so
    /// compiled once.
    fn text_list(&mut self, object: &Value, path: &str, key: &str) -> Vec<String> {
        self.list(object, path, key, false, |r, v, at| r.text_of(v, || at))
    }

    /// A list member's elements and its path: the part of [`Reader::list`] that
    /// is the same for every kind of element, so compiled once.
    fn list_items<'v, 't>(&mut self, object: &'v Value<'t>, path: &str, key: &str, required: bool) -> (&'v [Value<'t>], String) {
        let value = if required { self.required(object, path, key) } else { object.member(key) };
        let at = join(path, key);
        match value.map(|value| (value, value.items())) {
            Some((_, Some(items))) => (items, at),
            Some((value, None)) => {
                self.wrong(at.clone(), "a list", value);
                (&[], at)
            }
            None => (&[], at),
        }
    }

    /// An object of texts, such as `labels` (`path` is the object's own).
    fn texts(&mut self, value: &Value, path: &str) -> TextMap {
        let mut texts = TextMap::new();
        match value {
            Value::Object(members) => {
                for (key, text) in members {
                    let text = self.text_of(text, || join(path, key));
                    texts.insert(key.to_string(), text);
                }
            }
            _ => self.wrong(path.to_string(), "a map", value),
        }
        texts
    }

    fn labels(&mut self, object: &Value, path: &str) -> TextMap {
        match object.member("labels") {
            Some(value) => self.texts(value, &join(path, "labels")),
            None => TextMap::new(),
        }
    }

    fn election(&mut self, value: &Value, path: String) -> Election {
        self.object(value, &path);
        Election {
            id: self.text(value, &path, "id"),
            name: self.text(value, &path, "name"),
            date: self.text(value, &path, "date"),
            kind: match self.required(value, &path, "kind") {
                Some(kind) => match kind.as_str() {
                    Some("general") => ElectionKind::General,
                    Some("by-election") => ElectionKind::ByElection,
                    Some("local") => ElectionKind::Local,
                    Some("mayoral") => ElectionKind::Mayoral,
                    Some("other") => ElectionKind::Other,
                    other => {
                        let found = other.map_or_else(|| found(kind), |name| format!("\"{name}\""));
                        self.problem(join(&path, "kind"), format!("must be one of general, by-election, local, mayoral, other, found {found}"));
                        ElectionKind::Other
                    }
                },
                None => ElectionKind::Other,
            },
            boundaries: self.opt_text(value, &path, "boundaries"),
            previous: self.opt_text(value, &path, "previous"),
            attribution: self.opt_text(value, &path, "attribution"),
        }
    }

    fn party(&mut self, value: &Value, path: String) -> Party {
        self.object(value, &path);
        Party {
            id: self.text(value, &path, "id"),
            name: self.text(value, &path, "name"),
            abbreviation: self.text(value, &path, "abbreviation"),
            colour: self.text(value, &path, "colour"),
            dark_colour: self.opt_text(value, &path, "dark_colour"),
        }
    }

    fn candidate(&mut self, value: &Value, path: String) -> Candidate {
        self.object(value, &path);
        Candidate {
            name: self.text(value, &path, "name"),
            party: self.text(value, &path, "party"),
            votes: self.whole(value, &path, "votes"),
            sitting: self.flag(value, &path, "sitting", false),
            elected: self.opt_flag(value, &path, "elected"),
            stages: self.list(value, &path, "stages", false, |r, v, at| r.whole_of(v, || at)),
        }
    }

    fn previous(&mut self, value: &Value, path: String) -> Previous {
        self.object(value, &path);
        Previous {
            seats: self.text_list(value, &path, "seats"),
            notional: self.flag(value, &path, "notional", false),
            shares: self.list(value, &path, "shares", false, |r, v, at| {
                r.object(v, &at);
                PartyShare { party: r.text(v, &at, "party"), share: r.number(v, &at, "share") }
            }),
            winner: self.opt_text(value, &path, "winner"),
            from: self.list(value, &path, "from", false, |r, v, at| {
                r.object(v, &at);
                PreviousPart { seat: r.text(v, &at, "seat"), name: r.text(v, &at, "name"), share: r.number(v, &at, "share") }
            }),
        }
    }

    fn constituency(&mut self, value: &Value, path: String) -> Constituency {
        self.object(value, &path);
        Constituency {
            code: self.text(value, &path, "code"),
            name: self.text(value, &path, "name"),
            name_cy: self.opt_text(value, &path, "name_cy"),
            election: self.text(value, &path, "election"),
            region: self.opt_text(value, &path, "region"),
            nation: self.opt_text(value, &path, "nation"),
            electorate: self.opt_whole(value, &path, "electorate"),
            valid_votes: self.opt_whole(value, &path, "valid_votes"),
            invalid_votes: self.opt_whole(value, &path, "invalid_votes"),
            declared: self.opt_flag(value, &path, "declared"),
            declared_at: self.opt_text(value, &path, "declared_at"),
            seats: value.member("seats").map_or(1, |seats| self.small(seats, || join(&path, "seats"))),
            ballots: self.opt_whole(value, &path, "ballots"),
            stages: self.text_list(value, &path, "stages"),
            candidates: self.list(value, &path, "candidates", true, |r, v, at| r.candidate(v, at)),
            previous: Self::optional(value, "previous").map(|previous| self.previous(previous, join(&path, "previous"))),
            count: Self::optional(value, "count").map(|count| Box::new(self.count(count, join(&path, "count")))),
        }
    }

    /// A number of votes in a count, perhaps a fraction (`model::Tally`).
    fn tally_of(&mut self, value: &Value, path: impl FnOnce() -> String) -> crate::model::Tally {
        match value.as_f64().and_then(crate::model::Tally::from_f64) {
            Some(tally) => tally,
            None => {
                self.wrong(path(), "a number of votes", value);
                crate::model::Tally(0)
            }
        }
    }

    fn count(&mut self, value: &Value, path: String) -> crate::model::Count {
        self.object(value, &path);
        let quota = match self.required(value, &path, "quota") {
            Some(quota) => self.tally_of(quota, || join(&path, "quota")),
            None => crate::model::Tally(0),
        };
        crate::model::Count {
            quota,
            quota_given: self.flag(value, &path, "quota_given", false),
            stages: self.list(value, &path, "stages", true, |r, v, at| r.stage(v, at)),
        }
    }

    fn stage(&mut self, value: &Value, path: String) -> crate::model::Stage {
        self.object(value, &path);
        let indices = |r: &mut Self, key: &str| r.list(value, &path, key, false, |r, v, at| usize::try_from(r.whole_of(v, || at)).unwrap_or(usize::MAX));
        let tallies = |r: &mut Self, key: &str| r.list(value, &path, key, false, |r, v, at| r.tally_of(v, || at));
        crate::model::Stage {
            surplus: indices(self, "surplus"),
            excluded: indices(self, "excluded"),
            transfers: tallies(self, "transfers"),
            totals: tallies(self, "totals"),
            non_transferable: Self::optional(value, "non_transferable").map_or(crate::model::Tally(0), |v| self.tally_of(v, || join(&path, "non_transferable"))),
            non_transferable_derived: self.flag(value, &path, "non_transferable_derived", false),
            elected: indices(self, "elected"),
        }
    }

    /// The top-level object's version, checked before anything else, so that a
    /// future file gets a message about its version rather than about whichever
    /// field changed shape.
    fn version(&mut self, value: &Value, expected: u32) -> Result<u32, crate::LoadError> {
        if !self.object(value, "") {
            return Ok(0);
        }
        let Some(version) = self.required(value, "", "version") else { return Ok(0) };
        match version.as_whole() {
            Some(n) if n == u64::from(expected) => Ok(expected),
            Some(found) => Err(crate::LoadError::Version { found }),
            None => {
                self.wrong("version".into(), WHOLE, version);
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
pub fn results_file(value: &Value) -> Result<ResultsFile, crate::LoadError> {
    let mut r = Reader::default();
    let version = r.version(value, crate::model::FORMAT_VERSION)?;
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

/// A postcode area file as its types read: its area, its seats, and its ranges as
/// (first postcode, index in the seats or none).
pub type RawAreaFile = (String, Vec<crate::postcode::Seat>, Vec<(String, Option<u64>)>);

/// Reads a postcode area file's types. `crate::postcode::parse_area` checks what
/// the types do not say.
pub fn postcode_area(value: &Value) -> Result<RawAreaFile, crate::LoadError> {
    let mut r = Reader::default();
    r.version(value, crate::postcode::POSTCODE_FORMAT_VERSION)?;
    let area = r.text(value, "", "area");
    let seats = r.list(value, "", "seats", true, |r, v, at| {
        r.object(v, &at);
        crate::postcode::Seat { code: r.text(v, &at, "code"), name: r.text(v, &at, "name"), name_cy: r.opt_text(v, &at, "name_cy") }
    });
    let ranges = r.list(value, "", "ranges", true, |r, v, at| match v.items() {
        Some([start, seat]) => (r.text_of(start, || format!("{at}[0]")), (!seat.is_null()).then(|| r.whole_of(seat, || format!("{at}[1]")))),
        _ => {
            r.wrong(at, "a pair of a first postcode and a seat's index (or null)", v);
            (String::new(), None)
        }
    });
    r.finish((area, seats, ranges))
}

/// Reads an object of label texts (`data-labels`, `results render --labels`).
pub fn labels(value: &Value) -> Result<TextMap, crate::LoadError> {
    let mut r = Reader::default();
    let labels = r.texts(value, "");
    r.finish(labels)
}

/// Reads a results directory's index out of parsed JSON: its types and version.
pub fn index(value: &Value) -> Result<Index, crate::LoadError> {
    let mut r = Reader::default();
    let version = r.version(value, crate::model::FORMAT_VERSION)?;
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
                seats: r.required(v, &at, "seats").map_or(0, |seats| r.small(seats, || join(&at, "seats"))),
            }
        }),
        elects: r.opt_whole(value, "", "elects").map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        seats: r.list(value, "", "seats", true, |r, v, at| r.index_row(v, at)),
    };
    r.finish(index)
}

impl Reader {
    fn index_row(&mut self, value: &Value, path: String) -> IndexRow {
        self.object(value, &path);
        IndexRow {
            code: self.text(value, &path, "code"),
            name: self.text(value, &path, "name"),
            name_cy: self.opt_text(value, &path, "name_cy"),
            formerly: self.text_list(value, &path, "formerly"),
            region: self.opt_text(value, &path, "region"),
            nation: self.opt_text(value, &path, "nation"),
            declared: self.flag(value, &path, "declared", true),
            winner: self.opt_text(value, &path, "winner"),
            party: self.opt_text(value, &path, "party"),
            majority: self.opt_whole(value, &path, "majority"),
            tie: self.flag(value, &path, "tie", false),
            majority_share: self.opt_number(value, &path, "majority_share"),
            turnout: self.opt_number(value, &path, "turnout"),
            before: self.opt_text(value, &path, "before"),
            elected: self.text_list(value, &path, "elected"),
            hex: Self::optional(value, "hex").map(|hex| self.hex(hex, join(&path, "hex"))),
            hash: self.opt_text(value, &path, "hash"),
        }
    }

    /// A hex map cell: two whole numbers, which may be negative.
    fn hex(&mut self, value: &Value, path: String) -> [i32; 2] {
        let cell = value.items().and_then(|items| {
            let [q, r] = items else { return None };
            let coordinate = |v: &Value| v.as_f64().filter(|n| n.fract() == 0.0 && n.abs() <= f64::from(i32::MAX)).map(|n| n as i32);
            Some([coordinate(q)?, coordinate(r)?])
        });
        cell.unwrap_or_else(|| {
            self.wrong(path, "a list of two whole numbers", value);
            [0, 0]
        })
    }
}
