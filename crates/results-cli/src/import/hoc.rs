//! The House of Commons Library's candidate and constituency CSV files.
//!
//! The 2024 and 2017 files name their columns "ONS ID", "Votes", ...; the 2019
//! candidate file uses "ons_id", "votes", ...: serde aliases read both.

use std::collections::BTreeMap;
use std::path::Path;

use results_core::model::{Candidate, ResultsFile};
use serde::Deserialize;

use super::{csv_error, read_csv_text, Builder, ImportError};
use crate::elections;

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
    let text = read_csv_text(path)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
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

    let notional = election.boundaries.as_deref() == Some("2024");
    let mut builder = Builder::new(election);
    for row in rows {
        let party = builder.party(&row.party_abbreviation, &row.party_name);
        let seat = builder.seat(&row.code, &row.seat);
        if seat.candidates.is_empty() {
            seat.region = Some(row.region.clone()).filter(|r| !r.is_empty());
            seat.nation = Some(row.nation.clone()).filter(|n| !n.is_empty());
            if let Some(total) = totals.get(&row.code) {
                seat.electorate = Some(total.electorate);
                seat.valid_votes = Some(total.valid_votes);
                seat.invalid_votes = Some(total.invalid_votes);
                seat.declared_at = Some(total.declared_at.clone()).filter(|d| !d.is_empty());
            }
        }
        // The Change column is the party's share now less its (notional) share at the
        // previous election; it is blank for parties that did not stand before.
        if let (Some(change), Some(share)) = (row.change, row.share) {
            builder.previous_share(&row.code, &party, share - change, notional);
        }
        builder.candidate(
            &row.code,
            Candidate {
                name: format!("{} {}", row.first_name.trim(), row.surname.trim()).trim().to_string(),
                party,
                votes: row.votes,
                sitting: row.sitting.eq_ignore_ascii_case("yes"),
                ..Candidate::default()
            },
        );
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use results_core::locale::Numbers;
    use results_core::SeatResult;

    pub fn shared(file: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(file)
    }

    #[derive(Debug, Deserialize)]
    struct Published {
        #[serde(rename = "ONS ID")]
        code: String,
        #[serde(rename = "Result")]
        result: String,
        #[serde(rename = "Majority")]
        majority: u64,
        #[serde(rename = "Electorate")]
        electorate: u64,
        #[serde(rename = "Valid votes")]
        valid_votes: u64,
    }

    /// Every seat's derived majority and result text against the file's own columns,
    /// with the previous election's results linked in where `previous` names a file.
    fn compare(year: &str, previous: Option<ResultsFile>) -> Vec<String> {
        let candidates = shared(&format!("HoC-GE{year}-results-by-candidate.csv"));
        let constituencies = shared(&format!("HoC-GE{year}-results-by-constituency.csv"));
        let mut file = convert(&candidates, Some(&constituencies), &format!("ge{year}")).unwrap();
        if let Some(previous) = previous {
            crate::links::previous_winners(&mut file, &[previous]);
        }
        let published: Vec<Published> = read(&constituencies, &[]).unwrap();
        assert_eq!(file.constituencies.len(), 650);
        assert_eq!(published.len(), 650);
        let mut mismatches = Vec::new();
        for row in &published {
            let seat = file.constituencies.iter().find(|c| c.code == row.code).unwrap();
            let result = SeatResult::new(&file, seat);
            if result.summary.majority != row.majority {
                mismatches.push(format!("{} majority {} != {}", row.code, result.summary.majority, row.majority));
            }
            // The 2019 file names Labour Co-operative "Lab Coop" in result texts; its
            // candidate rows (which we import) use "Lab" for both.
            let expected = row.result.replace("Lab Coop", "Lab");
            if result.outcome_text() != expected {
                mismatches.push(format!("{} {}: \"{}\" != \"{}\"", row.code, seat.name, result.outcome_text(), row.result));
            }
            let turnout = result.summary.turnout.unwrap();
            assert!((turnout - row.valid_votes as f64 / row.electorate as f64).abs() < 1e-12);
        }
        mismatches
    }

    #[test]
    fn ge2024_majorities_and_result_texts_match_the_source() {
        assert_eq!(compare("2024", None), Vec::<String>::new());
    }

    #[test]
    fn ge2019_majorities_and_result_texts_match_the_source() {
        let ge2017 = convert(&shared("HoC-GE2017-results-by-candidate.csv"), None, "ge2017").unwrap();
        assert_eq!(compare("2019", Some(ge2017)), Vec::<String>::new());
    }

    #[test]
    fn without_the_previous_results_a_winner_who_did_not_stand_again_is_unknown() {
        // Buckingham (the Speaker stood down), Chorley (the new Speaker had stood as
        // Labour) and North Down (the independent retired): the 2019 file's shares
        // cannot say who won in 2017, which is why imports link the stored results.
        let mismatches = compare("2019", None);
        assert_eq!(mismatches.len(), 3, "{mismatches:?}");
        for code in ["E14000608", "E14000637", "N06000013"] {
            assert!(mismatches.iter().any(|m| m.starts_with(code)), "{mismatches:?}");
        }
    }

    #[test]
    fn shares_match_the_source_to_its_rounding() {
        let file = convert(&shared("HoC-GE2024-results-by-candidate.csv"), Some(&shared("HoC-GE2024-results-by-constituency.csv")), "ge2024").unwrap();
        let rows: Vec<CandidateRow> = read(&shared("HoC-GE2024-results-by-candidate.csv"), REQUIRED).unwrap();
        let mut checked = 0;
        for row in rows {
            let seat = file.constituencies.iter().find(|c| c.code == row.code).unwrap();
            let result = SeatResult::new(&file, seat);
            let name = format!("{} {}", row.first_name.trim(), row.surname.trim());
            let derived = result.rows.iter().find(|r| r.name == name.trim() && r.votes == row.votes).unwrap();
            // The file rounds to six places, but in 31 rows after a first rounding to
            // seven (0.37487149965 is given as 0.374872): allow for both.
            assert!((derived.share - row.share.unwrap()).abs() <= 5.5e-7, "{name}: {} vs {:?}", derived.share, row.share);
            checked += 1;
        }
        assert_eq!(checked, 4515);
    }

    #[test]
    fn bethnal_green_and_stepney_as_the_article_has_it() {
        let file = convert(&shared("HoC-GE2024-results-by-candidate.csv"), Some(&shared("HoC-GE2024-results-by-constituency.csv")), "ge2024").unwrap();
        let seat = file.contest("E14001086", None).unwrap();
        let result = SeatResult::new(&file, seat);
        assert_eq!(result.summary.majority, 1689);
        assert_eq!(result.outcome_text(), "Lab hold");
        let n = Numbers::default();
        assert_eq!(n.percent(result.summary.majority_share), "3.6%");
        let labour = &result.rows[0];
        assert_eq!((labour.name.as_str(), labour.votes, n.percent(labour.share)), ("Rushanara Ali", 15896, "34.1%".to_string()));
        assert_eq!(n.points_change(labour.change.unwrap()), "\u{2212}39.4");
        assert!(result.summary.previous_notional);
        assert_eq!(result.rows.len(), 11);
        assert_eq!(result.rows.iter().filter(|r| r.lost_deposit).count(), 7);
    }

    #[test]
    fn the_2017_layout_imports_without_a_constituency_file() {
        let file = convert(&shared("HoC-GE2017-results-by-candidate.csv"), None, "ge2017").unwrap();
        assert_eq!(file.constituencies.len(), 650);
        assert_eq!(file.constituencies.iter().map(|c| c.candidates.len()).sum::<usize>(), 3304);
    }

    #[test]
    fn the_earlier_releases_import_too() {
        for (candidates, constituencies, id) in [
            ("hoc_ge2024_earlier_release_2024-07/HoC-GE2024-results-by-candidate.csv", Some("hoc_ge2024_earlier_release_2024-07/HoC-GE2024-results-by-constituency.csv"), "ge2024"),
            ("hoc_ge2019_early_release_2019-12/HoC-GE2019-results-by-candidate.csv", None, "ge2019"),
        ] {
            let outcome = convert(&shared(candidates), constituencies.map(shared).as_deref(), id);
            // The July 2024 release's totals disagree with its own candidate rows in a
            // few seats (corrected later): the validator names them rather than
            // importing figures that do not add up.
            match outcome {
                Ok(file) => assert_eq!(file.constituencies.len(), 650),
                Err(ImportError::Invalid(problems)) => {
                    assert!(problems.iter().all(|p| p.contains("valid_votes")), "{problems:?}");
                }
                Err(other) => panic!("{candidates}: {other}"),
            }
        }
    }

    fn temp(name: &str, text: &str) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!("results-hoc-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_bad_vote_count_names_its_line_and_column() {
        let path = temp("bad-votes.csv", "ONS ID,Constituency name,Region name,Country name,Party name,Party abbreviation,Candidate first name,Candidate surname,Sitting MP,Votes,Share,Change\nE1,A,R,N,Labour,Lab,A,B,No,12,,\nE1,A,R,N,Green,Green,C,D,No,many,,\n");
        let err = convert(&path, None, "ge2024").unwrap_err().to_string();
        assert!(err.contains("line 3") && err.contains("column 10"), "{err}");
    }

    #[test]
    fn a_missing_column_is_named() {
        let path = temp("no-votes.csv", "ONS ID,Constituency name\nE1,A\n");
        let err = convert(&path, None, "ge2024").unwrap_err().to_string();
        assert!(err.contains("the column \"Votes\" is missing"), "{err}");
    }

    #[test]
    fn an_unknown_election_lists_the_known_ones() {
        let err = convert(&shared("HoC-GE2024-results-by-candidate.csv"), None, "ge1997").unwrap_err().to_string();
        assert!(err.contains("ge2024, ge2019"), "{err}");
    }
}
