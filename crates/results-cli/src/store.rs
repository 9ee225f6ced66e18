//! The results directory the tool writes:
//!
//! - `elections/<id>.json`: each imported election in full (the tool's own store);
//! - `index.json`: the latest election's summary, one row per seat (see `Index`);
//! - `seats/<code>.json`: one self-contained file per seat of the latest election,
//!   with its result in every election of the directory, following predecessor
//!   seats back through boundary changes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use results_core::model::{Constituency, Election, Index, IndexRow, PartyTotal, ResultsFile, FORMAT_VERSION};
use results_core::{LoadError, SeatResult};

use crate::import::ImportError;

/// Writes a file whole (a temporary file renamed into place, so a reader never
/// sees half of it), and only when its content changed, so that an unchanged file
/// keeps its modification time and a static server answers 304 for it.
fn write(path: &Path, text: &str) -> Result<(), ImportError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| ImportError::Write { path: dir.to_path_buf(), source })?;
    }
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    let temporary = path.with_extension("json.partial");
    std::fs::write(&temporary, text).map_err(|source| ImportError::Write { path: temporary.clone(), source })?;
    std::fs::rename(&temporary, path).map_err(|source| ImportError::Write { path: path.to_path_buf(), source })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ImportError> {
    serde_json::to_string(value).map(|text| text + "\n").map_err(|e| ImportError::Invalid(vec![e.to_string()]))
}

fn read_results(path: &Path) -> Result<ResultsFile, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Read { path: path.to_path_buf(), source })?;
    results_core::parse_results(&text).map_err(|e| ImportError::Invalid(vec![format!("{}: {e}", path.display())]))
}

/// Adds (or replaces) an election in the directory, then rewrites the index and the
/// seat files. Returns how many seat files were written.
pub fn add_election(dir: &Path, file: &ResultsFile) -> Result<usize, ImportError> {
    for election in &file.elections {
        write(&dir.join("elections").join(format!("{}.json", election.id)), &to_json(file)?)?;
    }
    rebuild(dir)
}

/// Stores an election without rebuilding the index (the caller rebuilds later).
pub fn add_election_quietly(dir: &Path, file: &ResultsFile) -> Result<(), ImportError> {
    for election in &file.elections {
        write(&dir.join("elections").join(format!("{}.json", election.id)), &to_json(file)?)?;
    }
    Ok(())
}

/// Every election stored in the directory, oldest first.
pub fn elections(dir: &Path) -> Result<Vec<ResultsFile>, ImportError> {
    let folder = dir.join("elections");
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&folder) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    let mut files = paths.iter().map(|p| read_results(p)).collect::<Result<Vec<_>, _>>()?;
    files.sort_by_key(date);
    Ok(files)
}

fn date(file: &ResultsFile) -> String {
    file.elections.first().map(|e| e.date.clone()).unwrap_or_default()
}

/// Who won a seat, as the national table names them: its winner and their party; in
/// an area electing several, everyone elected (in the order of the seat's table: by
/// votes, or first preferences) and the party with more of them than any other, or
/// none where two or more have as many (the result, "SNP 2, Con 1", says the rest).
fn winners(result: &SeatResult) -> (Option<String>, Option<String>) {
    if result.summary.seats <= 1 {
        return (result.rows.first().map(|r| r.name.clone()), result.rows.first().map(|r| r.party_id.clone()));
    }
    let elected: Vec<&results_core::derive::Row> = result.rows.iter().filter(|r| r.elected).collect();
    // Seats by party, most first, as the outcome ("SNP 2, Con 1") counts them.
    let party = match &results_core::derive::count_seats(elected.iter().map(|r| r.party_id.as_str()).collect())[..] {
        [(party, _)] => Some(party.clone()),
        [(party, most), (_, next), ..] if most > next => Some(party.clone()),
        _ => None,
    };
    let names = (!elected.is_empty()).then(|| elected.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", "));
    (names, party)
}

/// Rewrites `index.json` and `seats/` from `elections/`.
pub fn rebuild(dir: &Path) -> Result<usize, ImportError> {
    let files = elections(dir)?;
    let Some(latest) = files.last() else { return Ok(0) };
    let latest_id = latest.elections.first().map(|e| e.id.clone()).unwrap_or_default();

    let hexes = hexes(dir)?;
    let mut rows = Vec::new();
    let mut index_parties = BTreeSet::new();
    let mut totals: BTreeMap<String, PartyTotal> = BTreeMap::new();
    let seats_dir = dir.join("seats");
    let mut written = BTreeSet::new();
    for seat in &latest.constituencies {
        let history = history(&files, seat);
        let text = to_json(&history)?;
        let file = format!("{}.json", seat.code);
        write(&seats_dir.join(&file), &text)?;
        written.insert(file);
        let hash = results_core::model::content_hash(&text);
        let result = SeatResult::new(latest, seat);
        for row in &result.rows {
            let total = totals.entry(row.party_id.clone()).or_insert_with(|| PartyTotal { party: row.party_id.clone(), votes: 0, seats: 0 });
            total.votes += row.votes;
            total.seats += u32::from(row.elected);
        }
        let winner = result.rows.first();
        let (winner_name, winner_party) = winners(&result);
        index_parties.extend(winner.map(|r| r.party_id.clone()));
        // The party that held the seat before, for its name in "gain from".
        index_parties.extend(result.summary.before.clone());
        rows.push(IndexRow {
            code: seat.code.clone(),
            name: seat.name.clone(),
            name_cy: seat.name_cy.clone(),
            formerly: formerly(seat),
            region: seat.region.clone(),
            nation: seat.nation.clone(),
            declared: result.summary.declared,
            winner: winner_name.filter(|_| result.summary.declared),
            party: winner_party.filter(|_| result.summary.declared),
            majority: result.summary.majority_known.then_some(result.summary.majority),
            tie: result.summary.tie.is_some(),
            majority_share: result.summary.majority_known.then(|| round6(result.summary.majority_share)),
            turnout: result.summary.turnout.map(round6),
            before: result.summary.before.clone().filter(|_| result.summary.declared && result.summary.seats == 1),
            elected: if result.summary.seats > 1 && result.summary.declared { result.rows.iter().filter(|r| r.elected).map(|r| r.party_id.clone()).collect() } else { Vec::new() },
            hex: hexes.get(&seat.code).copied(),
            hash: Some(hash),
        });
    }
    // Seat files of seats no longer in the latest election go.
    if let Ok(entries) = std::fs::read_dir(&seats_dir) {
        for entry in entries.filter_map(Result::ok) {
            if !written.contains(&entry.file_name().to_string_lossy().to_string()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let mut totals: Vec<PartyTotal> = totals.into_values().collect();
    totals.sort_by(|a, b| b.seats.cmp(&a.seats).then(b.votes.cmp(&a.votes)).then_with(|| a.party.cmp(&b.party)));
    // Every party with a seat or a share is named in the index, for the national view.
    index_parties.extend(totals.iter().map(|t| t.party.clone()));
    let attribution = latest.credit(&latest_id);
    let index = Index {
        version: FORMAT_VERSION,
        attribution: attribution.map(Into::into),
        updated: latest.updated.clone(),
        labels: Default::default(),
        elections: files.iter().flat_map(|f| f.elections.iter().map(|e| credited(f, e, attribution))).collect(),
        parties: latest.parties.iter().filter(|p| index_parties.contains(&p.id)).cloned().collect(),
        election: latest_id,
        totals,
        elects: Some(latest.constituencies.iter().fold(0u32, |sum, seat| sum.saturating_add(seat.seats))),
        seats: rows,
    };
    write(&dir.join("index.json"), &to_json(&index)?)?;
    Ok(latest.constituencies.len())
}

/// Copies the hex map positions `results hexmap` stored in `from` to `to`, so that an
/// election night replayed there has its map, filling in as seats declare; where
/// `from` has none, `to` keeps none from an earlier replay either.
pub fn copy_hexmap(from: &Path, to: &Path) -> Result<(), ImportError> {
    let path = from.join("hexmap.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => write(&to.join("hexmap.json"), &text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let stale = to.join("hexmap.json");
            match std::fs::remove_file(&stale) {
                Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(ImportError::Write { path: stale, source: err }),
                _ => Ok(()),
            }
        }
        Err(source) => Err(ImportError::Read { path, source }),
    }
}

/// The hex map positions stored by `results hexmap`, by seat code.
fn hexes(dir: &Path) -> Result<BTreeMap<String, [i32; 2]>, ImportError> {
    let path = dir.join("hexmap.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => parse_hexes(&text).map_err(|e| ImportError::Invalid(vec![format!("{}: {e}", path.display())])),
        Err(_) => Ok(BTreeMap::new()),
    }
}

/// The text of `hexmap.json`, as `results hexmap` writes it.
fn parse_hexes(text: &str) -> Result<BTreeMap<String, [i32; 2]>, serde_json::Error> {
    serde_json::from_str(text)
}

/// Stores a hex map's positions (an Open Innovations HexJSON file, `odd-r`) for the
/// index, renaming the provisional codes some layouts still carry.
pub fn add_hexmap(dir: &Path, hexjson: &Path, renames: &[(&str, &str)]) -> Result<usize, ImportError> {
    #[derive(serde::Deserialize)]
    struct Hex {
        q: i32,
        r: i32,
    }
    #[derive(serde::Deserialize)]
    struct HexJson {
        layout: String,
        hexes: BTreeMap<String, Hex>,
    }
    let text = std::fs::read_to_string(hexjson).map_err(|source| ImportError::Read { path: hexjson.to_path_buf(), source })?;
    let map: HexJson = serde_json::from_str(&text).map_err(|e| ImportError::Invalid(vec![format!("{}: {e}", hexjson.display())]))?;
    if map.layout != "odd-r" {
        return Err(ImportError::Invalid(vec![format!("{}: layout \"{}\" is not supported; use an odd-r map", hexjson.display(), map.layout)]));
    }
    let positions: BTreeMap<String, [i32; 2]> = map
        .hexes
        .into_iter()
        .map(|(code, hex)| {
            let code = renames.iter().find(|(old, _)| *old == code).map_or(code, |(_, new)| (*new).to_string());
            (code, [hex.q, hex.r])
        })
        .collect();
    write(&dir.join("hexmap.json"), &to_json(&positions)?)?;
    rebuild(dir)?;
    Ok(positions.len())
}

fn round6(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// One seat's contests in every election, following `previous.seats` (or the same
/// code where the source names no predecessor) back through the elections.
pub fn history(files: &[ResultsFile], seat: &Constituency) -> ResultsFile {
    let mut contests: Vec<Constituency> = vec![seat.clone()];
    let mut wanted: Vec<String> = predecessors(seat);
    let position = files.iter().position(|f| f.constituencies.iter().any(|c| c.election == seat.election)).unwrap_or(0);
    for file in files.iter().take(position).rev() {
        let found: Vec<&Constituency> = file.constituencies.iter().filter(|c| wanted.contains(&c.code)).collect();
        wanted = found.iter().flat_map(|c| predecessors(c)).collect::<BTreeSet<_>>().into_iter().collect();
        contests.extend(found.into_iter().cloned());
    }
    let elections: BTreeSet<&str> = contests.iter().map(|c| c.election.as_str()).collect();
    let parties: BTreeSet<&str> = contests
        .iter()
        .flat_map(|c| c.candidates.iter().map(|x| x.party.as_str()).chain(c.previous.iter().flat_map(|p| p.shares.iter().map(|s| s.party.as_str()).chain(p.winner.as_deref()))))
        .collect();
    let mut all_parties = BTreeMap::new();
    for file in files {
        for party in &file.parties {
            if parties.contains(party.id.as_str()) {
                all_parties.insert(party.id.clone(), party.clone());
            }
        }
    }
    let latest = files.get(position);
    // The file's credits every source a contest came from, newest first; an election
    // from another source than the file's only one names its own.
    let credits = files.iter().rev().flat_map(|f| f.elections.iter().filter(|e| elections.contains(e.id.as_str())).map(|e| f.credit(&e.id)));
    let attribution = results_core::model::credit_line(credits);
    ResultsFile {
        version: FORMAT_VERSION,
        elections: files
            .iter()
            .flat_map(|f| f.elections.iter().filter(|e| elections.contains(e.id.as_str())).map(|e| credited(f, e, attribution.as_deref())))
            .collect(),
        attribution,
        updated: latest.and_then(|f| f.updated.clone()),
        labels: Default::default(),
        parties: all_parties.into_values().collect(),
        constituencies: contests,
    }
}

/// An election of `file` as a file crediting `all` holds it: with the credit for its
/// figures (its own, or `file`'s), unless that is `all`, which covers it.
fn credited(file: &ResultsFile, election: &Election, all: Option<&str>) -> Election {
    let credit = file.credit(&election.id).filter(|credit| Some(*credit) != all);
    Election { attribution: credit.map(Into::into), ..election.clone() }
}

/// The codes of a contest's seats in the previous election.
fn predecessors(seat: &Constituency) -> Vec<String> {
    match &seat.previous {
        // The main predecessor (listed first) carries the line back.
        Some(previous) if !previous.seats.is_empty() => previous.seats.iter().take(1).cloned().collect(),
        Some(previous) if previous.notional => Vec::new(),
        _ => vec![seat.code.clone()],
    }
}

/// `results validate`: every problem in a file, or in every file of a directory.
pub fn validate_path(path: &Path) -> Result<(), ImportError> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files = Vec::new();
        collect_json(path, &mut files).map_err(|source| ImportError::Read { path: path.to_path_buf(), source })?;
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|source| ImportError::Read { path: file.clone(), source })?;
        // `results hexmap`'s store of positions, which only the tool reads: its reader.
        if file.file_name().is_some_and(|n| n == "hexmap.json") {
            if let Err(e) = parse_hexes(&text) {
                failures.push(format!("{}: not the hex map positions `results hexmap` writes: {e}", file.display()));
            }
            continue;
        }
        // The checks the widget makes: the same reader, the same words.
        let checked = if file.file_name().is_some_and(|n| n == "index.json") {
            results_core::parse_index(&text).map(|_| ())
        } else if file.parent().and_then(Path::file_name).is_some_and(|n| n == "postcodes") {
            // `results postcodes`'s files: one postcode area's seats and ranges.
            results_core::postcode::parse_area(&text).map(|_| ())
        } else {
            results_core::parse_results(&text).map(|_| ())
        };
        let outcome = match checked {
            Ok(()) => Ok(()),
            Err(LoadError::Invalid(problems)) => {
                failures.extend(problems.iter().map(|p| format!("{}: {p}", file.display())));
                continue;
            }
            Err(err) => Err(err.to_string()),
        };
        if let Err(err) = outcome {
            failures.push(format!("{}: {err}", file.display()));
        }
    }
    if failures.is_empty() {
        println!("{} file(s) valid", files.len());
        Ok(())
    } else {
        Err(ImportError::Invalid(failures))
    }
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_json(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// The names of the seats a seat was formed from, each at least 5% of its people
/// (as the history's "Formed from" sentence names them), but not its own name:
/// what a reader who knows only the old seats searches for.
fn formerly(seat: &results_core::Constituency) -> Vec<String> {
    let parts = seat.previous.iter().flat_map(|previous| &previous.from);
    parts.filter(|part| part.share >= results_core::history::SMALL_PART && part.name != seat.name).map(|part| part.name.clone()).collect()
}
