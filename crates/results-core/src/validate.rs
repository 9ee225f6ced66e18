//! Consistency checks on a well-typed results file. Every problem is reported at
//! once, each with the JSON path of the field and what is wrong with it.

use std::fmt;

use crate::model::ResultsFile;

/// One problem in a results file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field, such as `constituencies[12].candidates[3].votes`.
    pub path: String,
    /// What is wrong, such as "must be a whole number of at least 0, found -5".
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Whether `text` is a colour written as `#rrggbb` or `#rgb`.
pub fn is_hex_colour(text: &str) -> bool {
    match text.strip_prefix('#') {
        Some(hex) => (hex.len() == 6 || hex.len() == 3) && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    }
}

/// What an index's types do not say: its colours are colours (they become `fill`
/// attributes and style rules, so anything else is refused as a results file's
/// would be), and its labels are labels the widget has.
pub fn validate_index(index: &crate::model::Index) -> Vec<Problem> {
    let mut problems = labels(&index.labels);
    for (i, party) in index.parties.iter().enumerate() {
        colours(&mut problems, i, party);
    }
    problems
}

fn labels(labels: &crate::model::TextMap) -> Vec<Problem> {
    crate::locale::unknown_labels(labels)
        .into_iter()
        .map(|key| Problem { path: format!("labels.{key}"), message: "is not a label the widget shows (the README lists them)".into() })
        .collect()
}

fn colours(problems: &mut Vec<Problem>, i: usize, party: &crate::model::Party) {
    if !is_hex_colour(&party.colour) {
        problems.push(Problem { path: format!("parties[{i}].colour"), message: format!("must be a hex colour such as #e4003b, found \"{}\"", party.colour) });
    }
    if let Some(dark) = party.dark_colour.as_ref().filter(|c| !is_hex_colour(c)) {
        problems.push(Problem { path: format!("parties[{i}].dark_colour"), message: format!("must be a hex colour such as #ff5a7a, found \"{dark}\"") });
    }
}

/// Every consistency problem in the file; empty when it is fine.
pub fn validate(file: &ResultsFile) -> Vec<Problem> {
    let mut problems = labels(&file.labels);
    for (i, party) in file.parties.iter().enumerate() {
        colours(&mut problems, i, party);
    }
    let mut problem = |path: String, message: String| problems.push(Problem { path, message });

    // Ids seen so far in lists, and the contests before each looked through, rather
    // than hash sets: a file holds a handful of elections, a hundred parties at most
    // and one election's seats, so the scans are quick, and the widget carries no
    // hashing code for them (1.2 KB gzip).
    let mut election_ids: Vec<&str> = Vec::new();
    for (i, election) in file.elections.iter().enumerate() {
        if election.id.trim().is_empty() {
            problem(format!("elections[{i}].id"), "must not be empty".into());
        } else if election_ids.contains(&election.id.as_str()) {
            problem(format!("elections[{i}].id"), format!("\"{}\" is used by an earlier election", election.id));
        } else {
            election_ids.push(&election.id);
        }
    }
    let mut party_ids: Vec<&str> = Vec::new();
    for (i, party) in file.parties.iter().enumerate() {
        if party.id.trim().is_empty() {
            problem(format!("parties[{i}].id"), "must not be empty".into());
        } else if party_ids.contains(&party.id.as_str()) {
            problem(format!("parties[{i}].id"), format!("\"{}\" is used by an earlier party", party.id));
        } else {
            party_ids.push(&party.id);
        }
    }

    for (i, seat) in file.constituencies.iter().enumerate() {
        let at = format!("constituencies[{i}]");
        if seat.code.trim().is_empty() {
            problem(format!("{at}.code"), "must not be empty".into());
        }
        if !election_ids.contains(&seat.election.as_str()) {
            problem(format!("{at}.election"), format!("names election \"{}\", which is not in `elections`", seat.election));
        }
        if file.constituencies.iter().take(i).any(|earlier| earlier.code == seat.code && earlier.election == seat.election) {
            problem(format!("{at}.code"), format!("seat \"{}\" appears twice in election \"{}\"", seat.code, seat.election));
        }
        if seat.seats == 0 {
            problem(format!("{at}.seats"), "must be at least 1".into());
        }
        if seat.candidates.is_empty() {
            problem(format!("{at}.candidates"), "a seat must have at least one candidate".into());
        }
        for (j, candidate) in seat.candidates.iter().enumerate() {
            if !party_ids.contains(&candidate.party.as_str()) {
                problem(format!("{at}.candidates[{j}].party"), format!("names party \"{}\", which is not in `parties`", candidate.party));
            }
            if candidate.name.trim().is_empty() {
                problem(format!("{at}.candidates[{j}].name"), "must not be empty".into());
            }
        }
        let total = seat.candidates.iter().fold(0u64, |sum, c| sum.saturating_add(c.votes));
        for (j, candidate) in seat.candidates.iter().enumerate() {
            if candidate.stages.len() > seat.stages.len() {
                problem(format!("{at}.candidates[{j}].stages"), format!("has {} stage totals, but the seat names {} later stages", candidate.stages.len(), seat.stages.len()));
            }
            if let Some(first) = candidate.stages.first().filter(|first| **first < candidate.votes) {
                problem(format!("{at}.candidates[{j}].stages"), format!("a later stage total ({first}) is below the first-stage votes ({})", candidate.votes));
            }
        }
        if seat.declared == Some(true) && !seat.has_result() {
            problem(format!("{at}.declared"), "is true, but no candidate has a vote: a seat awaiting its count is `\"declared\": false` (or leaves it out)".into());
        }
        if let Some(tie) = crate::derive::edge_tie(seat).filter(|tie| seat.has_result() && !seat.transferable() && !tie.settled(seat)) {
            let names: Vec<&str> = tie.candidates.iter().filter_map(|&j| seat.candidates.get(j)).map(|c| c.name.as_str()).collect();
            let place = if tie.place == 1 { "first place".to_string() } else { format!("place {}", tie.place) };
            let staged = if seat.stages.is_empty() { "" } else { " at the last stage of the count" };
            problem(
                format!("{at}.candidates"),
                format!(
                    "in {}, {} tie for {place} with {} votes{staged}, and the seat elects {}: the count alone does not say who was elected (the returning officer draws lots), so the file must mark the {} with \"elected\": true",
                    seat.name,
                    and_list(&names),
                    tie.votes,
                    seat.seats.max(1),
                    if tie.places == 1 { "winner of the lot" } else { "winners of the lot" },
                ),
            );
        }
        if let Some(ballots) = seat.ballots {
            if seat.candidates.iter().any(|c| c.votes > ballots) {
                problem(format!("{at}.ballots"), format!("is {ballots}, fewer than a candidate's votes"));
            }
        }
        // With several seats a voter has several votes, so only single-seat contests add up.
        if let (Some(valid), 1) = (seat.valid_votes, seat.seats) {
            if seat.has_result() && total != valid {
                problem(format!("{at}.valid_votes"), format!("is {valid}, but the candidates' votes add up to {total}"));
            }
        }
        if let Some(electorate) = seat.electorate {
            let cast = seat.ballots.or(seat.valid_votes).unwrap_or(total / u64::from(seat.seats.max(1))).saturating_add(seat.invalid_votes.unwrap_or(0));
            if cast > electorate {
                problem(format!("{at}.electorate"), format!("is {electorate}, fewer than the {cast} votes cast"));
            }
        }
        #[cfg(feature = "stv")]
        if let Some(count) = &seat.count {
            for found in crate::stv::check(seat, count, &at) {
                problem(found.path, found.message);
            }
        }
        if let Some(previous) = &seat.previous {
            if let Some(winner) = previous.winner.as_ref().filter(|w| !party_ids.contains(&w.as_str())) {
                problem(format!("{at}.previous.winner"), format!("names party \"{winner}\", which is not in `parties`"));
            }
            for (k, part) in previous.from.iter().enumerate() {
                if !(0.0..=1.0).contains(&part.share) {
                    problem(format!("{at}.previous.from[{k}].share"), format!("must be a fraction between 0 and 1, found {}", crate::number::approximate(part.share)));
                }
            }
            for (k, share) in previous.shares.iter().enumerate() {
                if !party_ids.contains(&share.party.as_str()) {
                    problem(format!("{at}.previous.shares[{k}].party"), format!("names party \"{}\", which is not in `parties`", share.party));
                }
                if !(0.0..=1.0).contains(&share.share) {
                    problem(format!("{at}.previous.shares[{k}].share"), format!("must be a fraction between 0 and 1, found {}", crate::number::approximate(share.share)));
                }
            }
        }
    }
    problems
}

/// "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_unchecked;

    fn problems(json: &str) -> Vec<String> {
        validate(&parse_unchecked(json).unwrap()).iter().map(ToString::to_string).collect()
    }

    const GOOD: &str = r##"{"version":1,
      "elections":[{"id":"ge","name":"GE","date":"2024-07-04","kind":"general"}],
      "parties":[{"id":"lab","name":"Labour","abbreviation":"Lab","colour":"#e4003b"},
                 {"id":"ind","name":"Independent","abbreviation":"Ind","colour":"#888"}],
      "constituencies":[{"code":"E1","name":"A","election":"ge","electorate":100,"valid_votes":30,"invalid_votes":1,
        "candidates":[{"name":"X","party":"lab","votes":20},{"name":"Y","party":"ind","votes":10}]}]}"##;

    #[test]
    fn a_consistent_file_has_no_problems() {
        assert!(problems(GOOD).is_empty());
    }

    #[test]
    fn labels_must_be_labels_the_widget_shows() {
        let with = |labels: &str| GOOD.replacen(r#"{"version":1,"#, &format!(r#"{{"version":1,"labels":{labels},"#), 1);
        assert!(problems(&with(r#"{"column.votes":"Pleidleisiau","spoken.held":"{party} a gadwodd {seat}"}"#)).is_empty());
        assert_eq!(problems(&with(r#"{"column.vote":"Votes","colum.party":"Party"}"#)), [
            "colum.party",
            "column.vote",
        ].map(|key| format!("labels.{key}: is not a label the widget shows (the README lists them)")));
    }

    #[test]
    fn hex_colours() {
        for good in ["#e4003b", "#FFF", "#000000"] {
            assert!(is_hex_colour(good), "{good}");
        }
        for bad in ["red", "#12345", "e4003b", "#ggg", "#e4003b;background:url(x)", ""] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = GOOD
            .replace(r#""party":"ind""#, r#""party":"grn""#)
            .replace("#e4003b", "red")
            .replace(r#""valid_votes":30"#, r#""valid_votes":31"#)
            .replace(r#""electorate":100"#, r#""electorate":20"#);
        assert_eq!(
            problems(&bad),
            vec![
                "parties[0].colour: must be a hex colour such as #e4003b, found \"red\"",
                "constituencies[0].candidates[1].party: names party \"grn\", which is not in `parties`",
                "constituencies[0].valid_votes: is 31, but the candidates' votes add up to 30",
                "constituencies[0].electorate: is 20, fewer than the 32 votes cast",
            ]
        );
    }

    #[test]
    fn duplicate_ids_and_missing_references() {
        let bad = GOOD
            .replace(r#""id":"ind""#, r#""id":"lab""#)
            .replace(r#""election":"ge""#, r#""election":"ge2019""#);
        let found = problems(&bad);
        assert!(found.contains(&"parties[1].id: \"lab\" is used by an earlier party".to_string()), "{found:?}");
        assert!(found.contains(&"constituencies[0].election: names election \"ge2019\", which is not in `elections`".to_string()), "{found:?}");
    }

    #[test]
    fn a_seat_needs_a_candidate() {
        let start = GOOD.find(r#""candidates":["#).unwrap();
        let end = GOOD.rfind("]}]}").unwrap();
        let bad = format!("{}\"candidates\":[{}", &GOOD[..start], &GOOD[end..]);
        let found = problems(&bad);
        assert!(found.contains(&"constituencies[0].candidates: a seat must have at least one candidate".to_string()), "{found:?}");
    }
}
