//! Importers: official files in, results JSON out. Each importer reads its rows and
//! feeds a [`Builder`], which groups candidates by seat, names the parties and
//! validates the result.

pub mod csv;
pub mod ec;
pub mod hoc;
pub mod local;
pub mod longrun;
pub mod names;
pub mod stv;
#[cfg(test)]
mod testing;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use results_core::model::{Candidate, Constituency, Election, Party, PartyShare, Previous, ResultsFile, FORMAT_VERSION};

use crate::parties;

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}, line {line}: {message}")]
    Csv { path: PathBuf, line: u64, message: String },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}, line {line}: the column \"{column}\" is missing; found columns: {found}")]
    MissingColumn { path: PathBuf, line: u64, column: String, found: String },
    #[error("unknown election id \"{id}\"; known ids: {known}")]
    UnknownElection { id: String, known: String },
    #[error("{path}: no {what} matches \"{wanted}\"; the file has: {known}")]
    NotFound { path: PathBuf, what: &'static str, wanted: String, known: String },
    #[error("{path}: the file has several {what}: {known}; choose one")]
    Ambiguous { path: PathBuf, what: String, known: String },
    #[error("{0}")]
    Unsupported(String),
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("the imported data is inconsistent:\n  {}", .0.join("\n  "))]
    Invalid(Vec<String>),
}

/// The one of a file's `options` (elections, boroughs) that `matches` picks, where
/// `wanted` is what was asked for. None is [`ImportError::NotFound`] and several are
/// [`ImportError::Ambiguous`], each listing the options by `name`; a file with no
/// options at all says so.
pub fn choose_one<T: Clone>(path: &Path, what: &'static str, wanted: &str, options: &[T], matches: impl Fn(&T) -> bool, name: impl Fn(&T) -> String) -> Result<T, ImportError> {
    let matching: Vec<&T> = options.iter().filter(|option| matches(option)).collect();
    let names = |options: &mut dyn Iterator<Item = &T>| options.map(&name).collect::<Vec<_>>().join(", ");
    match matching.as_slice() {
        [one] => Ok((*one).clone()),
        [] if options.is_empty() => Err(ImportError::Unsupported(format!("{}: the file has no rows that name {what}s", path.display()))),
        [] => Err(ImportError::NotFound { path: path.to_path_buf(), what, wanted: wanted.into(), known: names(&mut options.iter()) }),
        several => Err(ImportError::Ambiguous {
            path: path.to_path_buf(),
            what: if wanted.is_empty() { format!("{what}s") } else { format!("{what}s matching \"{wanted}\"") },
            known: names(&mut several.iter().copied()),
        }),
    }
}

/// The credit for the House of Commons Library's files (the default): the source, and
/// the attribution the Open Parliament Licence asks for.
pub const HOC_ATTRIBUTION: &str =
    "Source: House of Commons Library. Contains Parliamentary information licensed under the Open Parliament Licence v3.0";

/// Collects one election's seats, candidates and parties, then checks them.
pub struct Builder {
    election: Election,
    attribution: Option<String>,
    seats: BTreeMap<String, Constituency>,
    /// Names seen for each party abbreviation, with how often.
    party_names: BTreeMap<String, BTreeMap<String, usize>>,
}

impl Builder {
    pub fn new(election: Election) -> Builder {
        Builder { election, attribution: Some(HOC_ATTRIBUTION.into()), seats: BTreeMap::new(), party_names: BTreeMap::new() }
    }

    /// Sets the attribution the source's licence asks for (`None` for none), the
    /// file's, which credits its one election.
    pub fn attribution(mut self, attribution: Option<&str>) -> Builder {
        self.attribution = attribution.map(Into::into);
        self
    }

    /// The seat with this code, created with `name` the first time it is seen.
    pub fn seat(&mut self, code: &str, name: &str) -> &mut Constituency {
        let election = self.election.id.clone();
        self.seats.entry(code.to_string()).or_insert_with(|| Constituency {
            code: code.to_string(),
            name: name.trim().to_string(),
            name_cy: None,
            election,
            region: None,
            nation: None,
            electorate: None,
            valid_votes: None,
            invalid_votes: None,
            declared: None,
            declared_at: None,
            seats: 1,
            ballots: None,
            stages: Vec::new(),
            candidates: Vec::new(),
            previous: None,
            count: None,
        })
    }

    /// Forgets the seat with this code (a contest the source gives no figures for).
    pub fn remove(&mut self, code: &str) {
        self.seats.remove(code);
    }

    /// Registers a party by the source's abbreviation and name; returns its id.
    pub fn party(&mut self, abbreviation: &str, name: &str) -> String {
        // Sources spell some parties differently ("Alliance", "APNI"): one party each.
        let abbreviation = parties::canonical(abbreviation);
        let (id, ..) = parties::lookup(abbreviation);
        let names = self.party_names.entry(abbreviation.to_string()).or_default();
        if name.trim().is_empty() {
            // No name on this row: the tables' name (or the abbreviation) stands in,
            // unless a row names the party (a hand-written file may name it once).
            names.entry(parties::name(abbreviation)).or_default();
        } else {
            *names.entry(name.trim().to_string()).or_default() += 1;
        }
        id
    }

    /// Adds a candidate to a seat created earlier with [`Builder::seat`].
    pub fn candidate(&mut self, code: &str, candidate: Candidate) {
        if let Some(seat) = self.seats.get_mut(code) {
            seat.candidates.push(candidate);
        }
    }

    /// Records a party's share at the previous election (notional where boundaries
    /// changed). The first share given for a party is kept.
    pub fn previous_share(&mut self, code: &str, party: &str, share: f64, notional: bool) {
        if let Some(seat) = self.seats.get_mut(code) {
            let previous = seat.previous.get_or_insert_with(|| Previous { notional, ..Previous::default() });
            if !previous.shares.iter().any(|s| s.party == party) {
                let share = ((share * 1e6).round() / 1e6).clamp(0.0, 1.0);
                previous.shares.push(PartyShare { party: party.to_string(), share });
            }
        }
    }

    /// Records the party that won the seat last time, where the source says so.
    pub fn previous_winner(&mut self, code: &str, abbreviation: &str, notional: bool) {
        let id = self.party(abbreviation, "");
        if let Some(seat) = self.seats.get_mut(code) {
            seat.previous.get_or_insert_with(|| Previous { notional, ..Previous::default() }).winner = Some(id);
        }
    }

    /// The finished, validated file.
    pub fn finish(self) -> Result<ResultsFile, ImportError> {
        let mut parties_out: Vec<Party> = self
            .party_names
            .into_iter()
            .map(|(abbreviation, names)| {
                let (id, colour, dark_colour) = parties::lookup(&abbreviation);
                // Labour and Labour Co-operative share "Lab": the most common name wins.
                let name = names.into_iter().max_by_key(|(_, count)| *count).map(|(name, _)| name).unwrap_or_default();
                Party { id, name, abbreviation, colour, dark_colour }
            })
            .collect();
        parties_out.sort_by(|a, b| a.id.cmp(&b.id));
        parties_out.dedup_by(|a, b| a.id == b.id);
        let file = ResultsFile {
            version: FORMAT_VERSION,
            attribution: self.attribution,
            updated: None,
            labels: Default::default(),
            elections: vec![self.election],
            parties: parties_out,
            constituencies: self.seats.into_values().collect(),
        };
        let problems = results_core::validate(&file);
        if problems.is_empty() {
            Ok(file)
        } else {
            Err(ImportError::Invalid(problems.iter().map(ToString::to_string).collect()))
        }
    }
}
