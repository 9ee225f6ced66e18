//! `results postcodes` and `results postcode`: mySociety's postcode range table
//! split into one small file per GB postcode area (docs/format.md, "Postcode
//! files"), and a postcode's seat found in them as the widget finds it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use results_core::load::LoadError;
use results_core::postcode::{self, key_text, parse_area, Postcode, PostcodeError, Range, Seat};
use serde::{Deserialize, Serialize};

use crate::import::ImportError;

/// The largest a postcode file may be, gzip -9, in bytes: a look-up downloads one.
pub const MAX_GZIP_BYTES: usize = 10_000;

/// mySociety's range table, decoded, with its seats named by `pcon_2024_codes.json`.
#[derive(Debug)]
pub struct Table {
    /// Sorted by start; a range's seat is an index into `seats`.
    pub ranges: Vec<Range>,
    /// By `value_values` index: `None` for its null.
    pub seats: Vec<Option<Seat>>,
}

#[derive(Deserialize)]
struct RangesJson {
    postcode_keys: Vec<u64>,
    value_key: Vec<u64>,
    value_values: Vec<Option<String>>,
}

/// A seat in mySociety's `pcon_2024_codes.json`.
#[derive(Deserialize)]
pub(crate) struct CodeJson {
    pub parlcon_2024_name: String,
    pub parlcon_2024_name_cy: Option<String>,
    pub parlcon_2024_gss_code: String,
}

pub(crate) fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Read { path: path.to_path_buf(), source })?;
    serde_json::from_str(&text).map_err(|e| ImportError::Unsupported(format!("{}: {e}", path.display())))
}

/// Reads the range table and the codes of its seats, and checks that every range
/// begins at a GB postcode and that its areas are exactly [`GB_AREAS`].
pub fn read_table(ranges: &Path, codes: &Path) -> Result<Table, ImportError> {
    let json: RangesJson = read_json(ranges)?;
    let codes: BTreeMap<String, CodeJson> = read_json(codes)?;
    let decoded = postcode::decode_table(&json.postcode_keys, &json.value_key, &json.value_values)
        .map_err(|e| ImportError::Unsupported(format!("{}: {e}", ranges.display())))?;
    let mut seats = Vec::with_capacity(json.value_values.len());
    for shortcode in &json.value_values {
        seats.push(match shortcode {
            None => None,
            Some(shortcode) => {
                let code = codes.get(shortcode).ok_or_else(|| ImportError::Unsupported(format!("{}: no seat has the shortcode {shortcode}", ranges.display())))?;
                Some(Seat { code: code.parlcon_2024_gss_code.clone(), name: code.parlcon_2024_name.clone(), name_cy: crate::links::welsh_name(code).map(str::to_string) })
            }
        });
    }
    let mut areas = BTreeSet::new();
    for range in &decoded {
        let start = Postcode::parse(&key_text(range.start)).map_err(|e| ImportError::Unsupported(format!("{}: a range begins at {}: {e}", ranges.display(), key_text(range.start))))?;
        areas.insert(start.area().to_string());
    }
    let gb: BTreeSet<String> = postcode::gb_areas().map(ToString::to_string).collect();
    if areas != gb {
        let missing: Vec<&String> = gb.difference(&areas).collect();
        return Err(ImportError::Unsupported(format!("{}: its postcode areas are not Great Britain's 120; missing: {missing:?}", ranges.display())));
    }
    Ok(Table { ranges: decoded, seats })
}

impl Table {
    /// The seat of a postcode in the whole table: the reference the files are tested against.
    pub fn find(&self, postcode: &Postcode) -> Result<&Seat, PostcodeError> {
        let at = postcode::find(&self.ranges, postcode)?;
        usize::try_from(at).ok().and_then(|at| self.seats.get(at)).and_then(Option::as_ref).ok_or_else(|| PostcodeError::Unknown(postcode.to_string()))
    }
}

#[derive(Serialize)]
struct SeatJson<'a> {
    code: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_cy: Option<&'a str>,
}

/// The area files of a table, by area: each holds the ranges that begin in its area
/// (seats numbered in the order they first appear), and after each run of them the
/// range that follows, which begins in another area (`null`: no seat here).
pub fn area_files(table: &Table) -> Result<BTreeMap<String, String>, ImportError> {
    let area_of = |range: &Range| key_text(range.start).chars().take_while(char::is_ascii_uppercase).collect::<String>();
    let areas: Vec<String> = table.ranges.iter().map(area_of).collect();
    let mut files = BTreeMap::new();
    for area in postcode::gb_areas() {
        let mut seats: Vec<&Seat> = Vec::new();
        let mut ranges: Vec<(String, Option<usize>)> = Vec::new();
        let mut inside = false;
        for (range, range_area) in table.ranges.iter().zip(&areas) {
            let here = range_area == area;
            if here {
                let seat = range.seat.and_then(|at| table.seats.get(at as usize)).and_then(Option::as_ref);
                let local = seat.map(|seat| match seats.iter().position(|s| s.code == seat.code) {
                    Some(at) => at,
                    None => {
                        seats.push(seat);
                        seats.len() - 1
                    }
                });
                ranges.push((key_text(range.start), local));
            } else if inside {
                ranges.push((key_text(range.start), None));
            }
            inside = here;
        }
        let mut text = format!("{{\"version\":{},\"area\":\"{area}\",\n\"seats\":[", postcode::POSTCODE_FORMAT_VERSION);
        let json = |e: serde_json::Error| ImportError::Unsupported(e.to_string());
        for (at, seat) in seats.iter().enumerate() {
            let seat = SeatJson { code: &seat.code, name: &seat.name, name_cy: seat.name_cy.as_deref() };
            text.push_str(if at == 0 { "\n" } else { ",\n" });
            text.push_str(&serde_json::to_string(&seat).map_err(json)?);
        }
        text.push_str("],\n\"ranges\":[");
        for (at, range) in ranges.iter().enumerate() {
            text.push_str(if at == 0 { "\n" } else { ",\n" });
            text.push_str(&serde_json::to_string(range).map_err(json)?);
        }
        text.push_str("]}\n");
        files.insert(area.to_string(), text);
    }
    Ok(files)
}

/// What `results postcodes` wrote.
#[derive(Debug)]
pub struct Written {
    pub files: usize,
    pub bytes: usize,
    /// The largest file gzipped (gzip -9): its name and size; `None` without gzip.
    pub largest_gzip: Option<(String, usize)>,
}

/// The size of `bytes` gzipped by GNU gzip -9, as `make size` and `make bench`
/// measure; `None` where gzip cannot be run.
pub fn gzip_size(bytes: &[u8]) -> Option<usize> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("gzip").args(["-9", "-c", "-n"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    child.stdin.take()?.write_all(bytes).ok()?;
    let out = child.wait_with_output().ok()?;
    out.status.success().then_some(out.stdout.len())
}

/// Writes `out/postcodes/<AREA>.json` (replacing every file there), and refuses a
/// file over [`MAX_GZIP_BYTES`] gzipped.
pub fn write(out: &Path, table: &Table) -> Result<Written, ImportError> {
    let dir = out.join("postcodes");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|source| ImportError::Write { path: dir.clone(), source })?;
    }
    std::fs::create_dir_all(&dir).map_err(|source| ImportError::Write { path: dir.clone(), source })?;
    let mut written = Written { files: 0, bytes: 0, largest_gzip: None };
    let mut gzip = true;
    for (area, text) in area_files(table)? {
        let name = format!("{area}.json");
        let path = dir.join(&name);
        std::fs::write(&path, &text).map_err(|source| ImportError::Write { path: path.clone(), source })?;
        written.files += 1;
        written.bytes += text.len();
        match gzip.then(|| gzip_size(text.as_bytes())).flatten() {
            Some(size) if size > MAX_GZIP_BYTES => {
                return Err(ImportError::Unsupported(format!("{}: {size} bytes gzip, over the {MAX_GZIP_BYTES} a look-up may download", path.display())))
            }
            Some(size) if written.largest_gzip.as_ref().is_none_or(|(_, largest)| size > *largest) => written.largest_gzip = Some((name, size)),
            Some(_) => {}
            None => {
                gzip = false;
                written.largest_gzip = None;
            }
        }
    }
    Ok(written)
}

/// Why `results postcode` has no seat to print.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error("{0}")]
    Postcode(#[from] PostcodeError),
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    File { path: PathBuf, source: LoadError },
}

/// A postcode's seat, from the files `results postcodes` wrote in `src`, as the
/// widget finds it: the postcode checked, then its area's file read and searched.
pub fn lookup(src: &Path, input: &str) -> Result<Seat, LookupError> {
    let postcode = Postcode::parse(input)?;
    let path = src.join(postcode::area_path(&postcode));
    let text = std::fs::read_to_string(&path).map_err(|source| LookupError::Read { path: path.clone(), source })?;
    let file = parse_area(&text).map_err(|source| LookupError::File { path, source })?;
    Ok(file.find(&postcode)?.clone())
}
