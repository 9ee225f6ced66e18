//! The House of Commons Library's candidate and constituency CSV files.
//!
//! The 2024 and 2017 files name their columns "ONS ID", "Votes", ...; the 2019
//! candidate file uses "ons_id", "votes", ...: serde aliases read both.

use std::collections::BTreeMap;
use std::path::Path;

use results_core::model::{Candidate, Constituency, Party, PartyShare, Previous, ResultsFile, FORMAT_VERSION, OPL_ATTRIBUTION};
use serde::Deserialize;

use super::{csv_error, ImportError};
use crate::{elections, parties, store};

#[derive(Debug, Deserialize)]
struct CandidateRow {
    #[serde(rename = "ONS ID", alias = "ons_id")]
    code: String,
    #[serde(rename = "Constituency name", alias = "constituency_name")]
    seat: String,
    #[serde(rename = "Region name", alias = "region_name")]
    region: String,
    #[serde(rename = "Country name", alias = "country_name")]
    nation: String,
    #[serde(rename = "Party name", alias = "party_name")]
    party_name: String,
    #[serde(rename = "Party abbreviation", alias = "party_abbreviation")]
    party_abbreviation: String,
    #[serde(rename = "Candidate first name", alias = "firstname")]
    first_name: String,
    #[serde(rename = "Candidate surname", alias = "surname")]
    surname: String,
    #[serde(rename = "Sitting MP", alias = "sitting_mp")]
    sitting: String,
    #[serde(rename = "Votes", alias = "votes")]
    votes: u64,
    #[serde(rename = "Change", alias = "change", default, deserialize_with = "csv::invalid_option")]
    change: Option<f64>,
    #[serde(rename = "Share", alias = "share", default, deserialize_with = "csv::invalid_option")]
    share: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct ConstituencyRow {
    #[serde(rename = "ONS ID")]
    code: String,
    #[serde(rename = "Declaration time", default)]
    declared_at: String,
    #[serde(rename = "Electorate")]
    electorate: u64,
    #[serde(rename = "Valid votes")]
    valid_votes: u64,
    #[serde(rename = "Invalid votes")]
    invalid_votes: u64,
}

const REQUIRED: &[(&str, &str)] = &[("ONS ID", "ons_id"), ("Votes", "votes"), ("Party abbreviation", "party_abbreviation")];

fn read<T: for<'de> Deserialize<'de>>(path: &Path, required: &[(&str, &str)]) -> Result<Vec<T>, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read { path: path.to_path_buf(), source })?;
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    for (name, alias) in required {
        if !headers.iter().any(|h| h.trim() == *name || h.trim() == *alias) {
            return Err(ImportError::MissingColumn {
                path: path.to_path_buf(),
                column: (*name).into(),
                found: headers.iter().collect::<Vec<_>>().join(", "),
            });
        }
    }
    reader.deserialize().map(|row| row.map_err(|e| csv_error(path, &e))).collect()
}

/// Reads the files into one results file holding every seat of the election.
pub fn convert(candidates: &Path, constituencies: Option<&Path>, election_id: &str) -> Result<ResultsFile, ImportError> {
    let election = elections::general(election_id)?;
    let rows: Vec<CandidateRow> = read(candidates, REQUIRED)?;
    let totals: BTreeMap<String, ConstituencyRow> = match constituencies {
        Some(path) => read::<ConstituencyRow>(path, &[("ONS ID", "ONS ID"), ("Valid votes", "Valid votes")])?
            .into_iter()
            .map(|row| (row.code.clone(), row))
            .collect(),
        None => BTreeMap::new(),
    };

    let mut party_names: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut seats: BTreeMap<String, Constituency> = BTreeMap::new();
    for row in rows {
        let (party_id, ..) = parties::lookup(&row.party_abbreviation);
        *party_names
            .entry(row.party_abbreviation.clone())
            .or_default()
            .entry(row.party_name.clone())
            .or_default() += 1;
        let seat = seats.entry(row.code.clone()).or_insert_with(|| {
            let total = totals.get(&row.code);
            Constituency {
                code: row.code.clone(),
                name: row.seat.trim().to_string(),
                election: election.id.clone(),
                region: Some(row.region.clone()).filter(|r| !r.is_empty()),
                nation: Some(row.nation.clone()).filter(|n| !n.is_empty()),
                electorate: total.map(|t| t.electorate),
                valid_votes: total.map(|t| t.valid_votes),
                invalid_votes: total.map(|t| t.invalid_votes),
                declared: true,
                declared_at: total.map(|t| t.declared_at.clone()).filter(|d| !d.is_empty()),
                seats: 1,
                candidates: Vec::new(),
                previous: None,
            }
        });
        // The Change column is the party's share now less its (notional) share at the
        // previous election; it is blank for parties that did not stand before.
        if let (Some(change), Some(share)) = (row.change, row.share) {
            let previous = seat.previous.get_or_insert_with(|| Previous {
                notional: election.boundaries.as_deref() == Some("2024"),
                ..Previous::default()
            });
            if !previous.shares.iter().any(|s| s.party == party_id) {
                let before = ((share - change) * 1e6).round() / 1e6;
                previous.shares.push(PartyShare { party: party_id.clone(), share: before.clamp(0.0, 1.0) });
            }
        }
        seat.candidates.push(Candidate {
            name: format!("{} {}", row.first_name.trim(), row.surname.trim()).trim().to_string(),
            party: party_id,
            votes: row.votes,
            sitting: row.sitting.eq_ignore_ascii_case("yes"),
        });
    }

    let mut parties_out: Vec<Party> = party_names
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
        attribution: Some(OPL_ATTRIBUTION.into()),
        elections: vec![election],
        parties: parties_out,
        constituencies: seats.into_values().collect(),
    };
    let problems = results_core::validate(&file);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(ImportError::Invalid(problems.iter().map(ToString::to_string).collect()))
    }
}

/// `results import hoc`.
pub fn run(candidates: &Path, constituencies: Option<&Path>, election: &str, out: &Path, only: &[String]) -> Result<(), ImportError> {
    let file = convert(candidates, constituencies, election)?;
    let written = store::write_seats(out, &file, only)?;
    eprintln!("imported {} seats of {election}; wrote {written} seat files to {}", file.constituencies.len(), out.display());
    Ok(())
}
