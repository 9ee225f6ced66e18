//! Figures derived from votes: share, rank, winner, majority, turnout, change in
//! share and the hold or gain text. None of these is stored in the data.

use crate::model::{Constituency, ElectionKind, ResultsFile};
use crate::sort::{sort_by_key_stable, Direction, Key};

/// The share below which a parliamentary candidate loses their deposit.
pub const DEPOSIT_THRESHOLD: f64 = 0.05;

/// A candidate's line in a result, with everything a table or chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub party_id: String,
    pub party_name: String,
    pub party_abbreviation: String,
    pub colour: String,
    pub dark_colour: Option<String>,
    pub votes: u64,
    /// Fraction of valid votes, 0 to 1.
    pub share: f64,
    /// 1 for the most votes; candidates with equal votes get consecutive ranks.
    pub rank: usize,
    pub elected: bool,
    pub sitting: bool,
    /// Change in share since the previous election, in fractions (-0.394 is 39.4
    /// points down), for the best-placed candidate of a party that stood before.
    pub change: Option<f64>,
    /// Under 5% in a parliamentary election: the deposit is forfeit.
    pub lost_deposit: bool,
    /// Totals after each later stage of the count (see `Constituency::stages`).
    pub stages: Vec<u64>,
}

impl Row {
    /// The votes that decided the candidate's place: the last stage they reached.
    pub fn final_votes(&self) -> u64 {
        self.stages.last().copied().unwrap_or(self.votes)
    }
}

/// Two-party (Butler) swing: half the gain in share of `to` plus half the loss of `from`.
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    pub from: String,
    pub to: String,
    /// In fractions, never below 0: 0.05 is a swing of 5 points.
    pub points: f64,
}

/// What a count says of a seat. The words for each come from the locale's labels
/// ([`crate::locale::Locale::outcome`]), so no language is built in here.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The seat has no candidates.
    NoCandidates,
    /// Not declared yet, or no vote counted: no winner is named.
    Awaiting,
    /// The winner's party (its abbreviation) won the seat last time too.
    Hold { party: String },
    /// The winner's party took the seat from another (abbreviations).
    Gain { party: String, from: String },
    /// Nothing is known of the seat before.
    Win { party: String },
    /// A seat electing several: how many each party won (abbreviations), most first.
    Seats(Vec<(String, usize)>),
}

/// Candidates tied on the line between elected and not: the count alone does not
/// say who won, and the returning officer draws lots. Found by [`edge_tie`].
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    /// The tied candidates, as indices into the seat's `candidates`.
    pub candidates: Vec<usize>,
    /// The total each has (at the last stage of the count they reached).
    pub votes: u64,
    /// How many of the seat's places the lot fills.
    pub places: usize,
    /// The first place (from 1) the tied candidates are level on.
    pub place: usize,
}

/// The margin of a count by the single transferable vote (`stv::margin`), where the
/// build reads counts; the widget's build does not, and shows no margin for one.
#[cfg(feature = "stv")]
fn transferable_margin(seat: &Constituency) -> Option<u64> {
    seat.count.as_ref().and_then(|count| crate::stv::margin(seat, count))
}

#[cfg(not(feature = "stv"))]
fn transferable_margin(_: &Constituency) -> Option<u64> {
    None
}

/// Candidates who tie for the last place elected (first place in a seat electing
/// one; the final stage where the count has stages), if any do. Nobody's votes
/// counted yet is no tie: the seat awaits its declaration.
pub fn edge_tie(seat: &Constituency) -> Option<Tie> {
    let keys: Vec<(usize, u64)> = seat.candidates.iter().map(crate::model::Candidate::standing).collect();
    let seats = seat.seats.max(1) as usize;
    // Counted rather than sorted: the standard library's sort would add kilobytes
    // to the widget, and a seat has a few candidates.
    let above = |edge: (usize, u64)| keys.iter().filter(|k| **k > edge).count();
    let level = |edge: (usize, u64)| keys.iter().filter(|k| **k == edge).count();
    // The last place elected, and those level with it: a tie if they straddle the line.
    let edge = keys.iter().copied().find(|&k| above(k) < seats && above(k) + level(k) >= seats)?;
    let above = above(edge);
    if above + level(edge) <= seats || edge.1 == 0 {
        return None;
    }
    Some(Tie {
        candidates: seat.candidates.iter().enumerate().filter(|(_, c)| c.standing() == edge).map(|(i, _)| i).collect(),
        votes: edge.1,
        places: seats - above,
        place: above + 1,
    })
}

impl Tie {
    /// Whether the file's `elected` flags say who won the lot: as many of the tied
    /// candidates marked elected as the lot fills.
    pub fn settled(&self, seat: &Constituency) -> bool {
        let marked = self.candidates.iter().filter(|&&i| seat.candidates.get(i).is_some_and(|c| c.elected == Some(true))).count();
        marked == self.places
    }
}

/// The headline figures of a result.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Hold, gain, win, seats by party, or awaiting its declaration.
    pub outcome: Outcome,
    /// The id of the party that won the seat last time (the notional winner where
    /// boundaries changed), where that is known.
    pub before: Option<String>,
    /// Whether the count has declared a result (see [`Constituency::has_result`]).
    pub declared: bool,
    /// Candidates tied for the last place elected, the lot drawn as the file says.
    pub tie: Option<Tie>,
    /// Votes between the last winner and the first loser (0 for a tie); for a
    /// transferable vote, the count's margin at its end ([`crate::stv::margin`]).
    /// 0 where the count gives none ([`Summary::majority_known`]).
    pub majority: u64,
    /// The majority as a fraction of valid votes.
    pub majority_share: f64,
    /// Whether the count gives a majority: not before the seat declares, nor for a
    /// transferable vote whose count has no stages to read it from (nor in the
    /// widget, which reads no transferable vote's margin). An index leaves it out
    /// then. (A flag beside the figure rather than an `Option`: the views read the
    /// figure only where a count gives it, and unwrapping it in each cost the widget
    /// 120 B gzip.)
    pub majority_known: bool,
    /// Valid votes (or ballots) as a fraction of the electorate, as the House of
    /// Commons Library counts it.
    pub turnout: Option<f64>,
    /// How many the seat elects.
    pub seats: u32,
    /// Stage names after the first, for staged counts.
    pub stages: Vec<String>,
    /// Counted by the single transferable vote: the votes are first preferences.
    pub transferable: bool,
    pub valid_votes: u64,
    /// Whether the previous figures are notional (boundaries changed).
    pub previous_notional: bool,
    /// Swing from the previous winner to the winner where the seat changed hands,
    /// otherwise from the winner to the runner-up; only where both stood before.
    pub swing: Option<Swing>,
}

/// One seat's result in one election, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatResult {
    pub code: String,
    pub name: String,
    /// The Welsh name, where the seat has one (see `Locale::seat_name`).
    pub name_cy: Option<String>,
    pub election_id: String,
    pub election_name: String,
    pub election_date: String,
    /// Candidates by rank, most votes first.
    pub rows: Vec<Row>,
    pub summary: Summary,
}

impl SeatResult {
    /// A party's share of the votes, where it stood: its candidates' shares together;
    /// where each voter had several votes (a ward electing several, not counted by
    /// the single transferable vote), its candidates' votes of all the votes cast, as
    /// the shares of the ballots would add up past 100% (Bow East, Labour: 141.9%).
    pub fn party_share(&self, party: &str) -> Option<f64> {
        let several = self.summary.seats > 1 && !self.summary.transferable;
        let all = self.rows.iter().map(|row| row.votes).sum::<u64>().max(1) as f64;
        let mut share = None;
        for row in self.rows.iter().filter(|row| row.party_id == party) {
            share = Some(share.unwrap_or(0.0) + if several { row.votes as f64 / all } else { row.share });
        }
        share
    }

    /// The first winner, if the seat has candidates.
    pub fn winner(&self) -> Option<&Row> {
        self.rows.first()
    }

    /// The outcome in the default (English) labels, as the official files write it.
    pub fn outcome_text(&self) -> String {
        crate::locale::Locale::default().outcome(&self.summary.outcome)
    }

    /// Derives the result of one contest of a validated file.
    pub fn new(file: &ResultsFile, seat: &Constituency) -> SeatResult {
        let total = seat.candidates.iter().fold(0u64, |sum, c| sum.saturating_add(c.votes));
        let valid = seat.valid_votes.filter(|v| *v > 0).unwrap_or(total);
        // With several seats each voter has several votes: shares are of ballots.
        let denominator = match (seat.seats > 1, seat.ballots) {
            (true, Some(ballots)) if ballots > 0 => ballots,
            _ => valid,
        };
        let share_of = |votes: u64| if denominator == 0 { 0.0 } else { votes as f64 / denominator as f64 };

        // Candidates who stayed longer in a staged count rank above those excluded
        // earlier; then the last total they reached, then first-stage votes.
        let mut ranked: Vec<&crate::model::Candidate> = seat.candidates.iter().collect();
        // Where the source says who was elected, that settles ties (lots drawn).
        let declared_elected = seat.candidates.iter().any(|c| c.elected.is_some());
        sort_by_key_stable(&mut ranked, Direction::Ascending, |c| Key::Text(c.name.clone()));
        sort_by_key_stable(&mut ranked, Direction::Descending, |c| {
            Key::Many(vec![
                Key::Number(c.standing().0 as u64),
                Key::Number(c.standing().1),
                Key::Number(c.votes),
                Key::Number(u64::from(c.elected.unwrap_or(false))),
            ])
        });

        let previous = seat.previous.as_ref();
        let previous_share = |party: &str| {
            previous.and_then(|p| p.shares.iter().find(|s| s.party == party)).map(|s| s.share)
        };
        let mut parties_seen: Vec<&str> = Vec::new();
        let election = file.election(&seat.election);
        let deposits = election.is_none_or(|e| matches!(e.kind, ElectionKind::General | ElectionKind::ByElection));
        let seats = seat.seats.max(1) as usize;
        let declared = seat.has_result();
        let rows: Vec<Row> = ranked
            .into_iter()
            .enumerate()
            .map(|(position, candidate)| {
                let party = file.party(&candidate.party);
                let share = share_of(candidate.votes);
                let first_of_party = !parties_seen.contains(&candidate.party.as_str());
                parties_seen.push(&candidate.party);
                Row {
                    name: candidate.name.clone(),
                    party_id: candidate.party.clone(),
                    party_name: party.map_or_else(|| candidate.party.clone(), |p| p.name.clone()),
                    party_abbreviation: party.map_or_else(|| candidate.party.clone(), |p| p.abbreviation.clone()),
                    colour: party.map_or_else(|| "#767676".to_string(), |p| p.colour.clone()),
                    dark_colour: party.and_then(|p| p.dark_colour.clone()),
                    votes: candidate.votes,
                    share,
                    rank: position + 1,
                    elected: declared && if declared_elected { candidate.elected == Some(true) } else { position < seats },
                    sitting: candidate.sitting,
                    change: if first_of_party { previous_share(&candidate.party).map(|before| share - before) } else { None },
                    // An unopposed winner (no poll, no votes) loses no deposit.
                    lost_deposit: deposits && seat.candidates.len() > 1 && share < DEPOSIT_THRESHOLD,
                    stages: candidate.stages.clone(),
                }
            })
            .collect();

        let last_winner = rows.get(seats - 1).map_or(0, Row::final_votes);
        let first_loser = rows.get(seats).map_or(0, Row::final_votes);
        let majority = match (declared, seat.transferable()) {
            (false, _) => None,
            (true, false) => Some(last_winner.saturating_sub(first_loser)),
            (true, true) => transferable_margin(seat),
        };

        let previous_winner = previous.and_then(|p| {
            if let Some(winner) = &p.winner {
                return Some(winner.as_str());
            }
            p.shares
                .iter()
                .filter(|s| s.share.is_finite())
                .max_by(|a, b| a.share.total_cmp(&b.share))
                .map(|s| s.party.as_str())
        });
        let abbreviation = |id: &str| file.party(id).map_or_else(|| id.to_string(), |p| p.abbreviation.clone());
        let elected = (seats > 1).then(|| rows.iter().filter(|r| r.elected).map(|r| r.party_id.as_str()).collect());
        let outcome = outcome(!rows.is_empty(), declared, rows.first().map(|r| r.party_id.as_str()), previous_winner, elected, &|id| file.party(id).map_or(id, |p| p.abbreviation.as_str()));

        let swing = match (rows.first(), previous_winner) {
            _ if !declared => None,
            (Some(winner), Some(before)) if before != winner.party_id => swing(&rows, before, &winner.party_id),
            (Some(winner), _) => rows.get(1).and_then(|second| swing(&rows, &winner.party_id, &second.party_id)),
            _ => None,
        }
        .map(|(from, to, points)| Swing { from: abbreviation(from), to: abbreviation(to), points });

        SeatResult {
            code: seat.code.clone(),
            name: seat.name.clone(),
            name_cy: seat.name_cy.clone(),
            election_id: seat.election.clone(),
            election_name: election.map_or_else(|| seat.election.clone(), |e| e.name.clone()),
            election_date: election.map(|e| e.date.clone()).unwrap_or_default(),
            summary: Summary {
                outcome,
                before: previous_winner.map(Into::into),
                declared,
                tie: edge_tie(seat).filter(|_| declared && !seat.transferable()),
                majority: majority.unwrap_or(0),
                majority_share: share_of(majority.unwrap_or(0)),
                majority_known: majority.is_some(),
                // Where several are elected by a cross for each, a voter has several
                // votes: only the ballots count voters, and without them there is no
                // turnout. (A transferable vote's first preferences are one a voter.)
                turnout: seat.electorate.filter(|e| *e > 0 && declared).and_then(|e| {
                    let voted = match seat.ballots {
                        Some(ballots) if seats > 1 => ballots,
                        None if seats > 1 && !seat.transferable() => return None,
                        _ => valid,
                    };
                    Some(voted as f64 / e as f64)
                }),
                seats: seat.seats.max(1),
                stages: seat.stages.clone(),
                transferable: seat.transferable(),
                valid_votes: valid,
                previous_notional: previous.is_some_and(|p| p.notional),
                swing,
            },
            rows,
        }
    }
}

/// What a count says of a seat: one rule for a seat's file ([`SeatResult::new`])
/// and for the index ([`crate::model::Index::outcome`]). Parties are ids, named by
/// `abbreviation`: the winner's, the one that won the seat last time (`before`),
/// and, for a seat electing several, those of everyone elected, in rank order.
pub(crate) fn outcome<'a>(candidates: bool, declared: bool, winner: Option<&'a str>, before: Option<&'a str>, elected: Option<Vec<&'a str>>, abbreviation: &dyn Fn(&'a str) -> &'a str) -> Outcome {
    match (winner, before, elected) {
        _ if !candidates => Outcome::NoCandidates,
        _ if !declared => Outcome::Awaiting,
        // Aspire 2, Lab 1: counted by abbreviation, as a reader sees the parties.
        (_, _, Some(elected)) => Outcome::Seats(count_seats(elected.into_iter().map(abbreviation).collect())),
        (None, _, None) => Outcome::NoCandidates,
        (Some(winner), None, None) => Outcome::Win { party: abbreviation(winner).into() },
        (Some(winner), Some(before), None) if winner == before => Outcome::Hold { party: abbreviation(winner).into() },
        (Some(winner), Some(before), None) => Outcome::Gain { party: abbreviation(winner).into(), from: abbreviation(before).into() },
    }
}

/// Seats by party, most first (ties in order of first appearance), from the
/// parties of those elected.
pub fn count_seats(parties: Vec<&str>) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for party in parties {
        match counts.iter_mut().find(|(p, _)| p == party) {
            Some((_, count)) => *count += 1,
            None => counts.push((party.to_string(), 1)),
        }
    }
    // A stable insertion sort: a handful of parties, and a tenth of the code of the
    // general sort.
    for i in 1..counts.len() {
        let mut j = i;
        while j > 0 && counts.get(j - 1).map(|c| c.1) < counts.get(j).map(|c| c.1) {
            counts.swap(j - 1, j);
            j -= 1;
        }
    }
    counts
}

/// Swing between parties `from` and `to`, from each party's best-placed row, told the
/// way it went: a swing of -3 points from A to B is one of 3 points from B to A.
fn swing<'a>(rows: &[Row], from: &'a str, to: &'a str) -> Option<(&'a str, &'a str, f64)> {
    let change = |party: &str| rows.iter().find(|r| r.party_id == party).and_then(|r| r.change);
    let points = (change(to)? - change(from)?) / 2.0;
    Some(if points < 0.0 { (to, from, -points) } else { (from, to, points) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seats_by_party_count_most_first_and_ties_by_the_best_placed() {
        let count = |parties: &[&str]| count_seats(parties.to_vec());
        assert_eq!(count(&["Lab", "Aspire", "Aspire"]), [("Aspire".to_string(), 2), ("Lab".to_string(), 1)]);
        assert_eq!(count(&["Lab", "Aspire", "Aspire", "Lab"]), [("Lab".to_string(), 2), ("Aspire".to_string(), 2)]);
        assert_eq!(count(&["Green", "Lab", "Con", "Lab", "Con", "Con"]), [("Con".to_string(), 3), ("Lab".to_string(), 2), ("Green".to_string(), 1)]);
        assert_eq!(count(&[]), []);
    }
    use crate::load::parse_results;

    fn file(candidates: &str, previous: &str) -> ResultsFile {
        parse_results(&format!(
            r##"{{"version":1,
            "elections":[{{"id":"ge","name":"GE","date":"2024-07-04","kind":"general"}}],
            "parties":[{{"id":"lab","name":"Labour","abbreviation":"Lab","colour":"#e4003b"}},
                       {{"id":"con","name":"Conservative","abbreviation":"Con","colour":"#0087dc"}},
                       {{"id":"ind","name":"Independent","abbreviation":"Ind","colour":"#888888"}}],
            "constituencies":[{{"code":"E1","name":"A","election":"ge","electorate":200,
              "candidates":[{candidates}]{previous}}}]}}"##
        ))
        .unwrap()
    }

    fn result(candidates: &str, previous: &str) -> SeatResult {
        let f = file(candidates, previous);
        SeatResult::new(&f, &f.constituencies[0])
    }

    #[test]
    fn a_ward_electing_several_has_a_turnout_only_from_its_ballots() {
        let candidates = r#"{"name":"A","party":"lab","votes":50},{"name":"B","party":"con","votes":40},{"name":"C","party":"ind","votes":30}"#;
        // 120 votes from at most 60 voters: no turnout rather than 60%.
        assert_eq!(result(candidates, r#","seats":2"#).summary.turnout, None);
        assert_eq!(result(candidates, r#","seats":2,"ballots":70"#).summary.turnout, Some(0.35));
        assert_eq!(result(candidates, "").summary.turnout, Some(0.6), "one seat: a vote a voter");
    }

    #[test]
    fn ranks_majority_turnout_and_shares() {
        let r = result(
            r#"{"name":"B","party":"con","votes":30},{"name":"A","party":"lab","votes":60},{"name":"C","party":"ind","votes":10}"#,
            "",
        );
        let names: Vec<_> = r.rows.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C"]);
        assert_eq!(r.summary.majority, 30);
        assert!((r.summary.majority_share - 0.3).abs() < 1e-12);
        assert_eq!(r.summary.turnout, Some(0.5));
        assert_eq!(r.summary.outcome, Outcome::Win { party: "Lab".into() });
        assert!(r.rows[0].elected && !r.rows[1].elected);
        assert_eq!(r.rows.iter().map(|row| row.rank).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn hold_and_gain_come_from_the_previous_shares() {
        let cands = r#"{"name":"A","party":"lab","votes":60},{"name":"B","party":"con","votes":40}"#;
        let hold = result(cands, r#","previous":{"shares":[{"party":"lab","share":0.7},{"party":"con","share":0.3}]}"#);
        assert_eq!(hold.summary.outcome, Outcome::Hold { party: "Lab".into() });
        assert!((hold.rows[0].change.unwrap() - -0.1).abs() < 1e-12);
        let gain = result(cands, r#","previous":{"notional":true,"shares":[{"party":"lab","share":0.2},{"party":"con","share":0.5}]}"#);
        assert_eq!(gain.summary.outcome, Outcome::Gain { party: "Lab".into(), from: "Con".into() });
        assert!(gain.summary.previous_notional);
    }

    #[test]
    fn change_is_given_once_per_party_and_not_for_new_parties() {
        let r = result(
            r#"{"name":"A","party":"lab","votes":50},{"name":"B","party":"ind","votes":30},{"name":"C","party":"ind","votes":20}"#,
            r#","previous":{"shares":[{"party":"lab","share":0.6}]}"#,
        );
        assert!(r.rows[0].change.is_some());
        assert_eq!(r.rows[1].change, None);
        assert_eq!(r.rows[2].change, None);
    }

    #[test]
    fn swing_and_lost_deposits() {
        let cands = r#"{"name":"A","party":"lab","votes":55},{"name":"B","party":"con","votes":41},{"name":"C","party":"ind","votes":4}"#;
        let r = result(cands, r#","previous":{"shares":[{"party":"lab","share":0.40},{"party":"con","share":0.50}]}"#);
        assert_eq!(r.summary.outcome, Outcome::Gain { party: "Lab".into(), from: "Con".into() });
        let swing = r.summary.swing.unwrap();
        assert_eq!((swing.from.as_str(), swing.to.as_str()), ("Con", "Lab"));
        assert!((swing.points - 0.12).abs() < 1e-9, "{}", swing.points);
        assert_eq!(r.rows.iter().map(|row| row.lost_deposit).collect::<Vec<_>>(), [false, false, true]);
        let no_history = result(cands, "");
        assert_eq!(no_history.summary.swing, None);
    }

    #[test]
    fn a_swing_is_told_the_way_it_went() {
        let cands = r#"{"name":"A","party":"lab","votes":60},{"name":"B","party":"con","votes":40}"#;
        // Labour held, up 10 points against the Conservatives' 10 down: a swing of
        // 10 points to Labour, not "-10 from Labour to the Conservatives".
        let up = result(cands, r#","previous":{"shares":[{"party":"lab","share":0.5},{"party":"con","share":0.5}]}"#).summary.swing.unwrap();
        assert_eq!((up.from.as_str(), up.to.as_str()), ("Con", "Lab"));
        assert!((up.points - 0.1).abs() < 1e-9, "{}", up.points);
        // Labour held on a lower share: the swing went from Labour.
        let down = result(cands, r#","previous":{"shares":[{"party":"lab","share":0.7},{"party":"con","share":0.3}]}"#).summary.swing.unwrap();
        assert_eq!((down.from.as_str(), down.to.as_str()), ("Lab", "Con"));
        assert!((down.points - 0.1).abs() < 1e-9, "{}", down.points);
    }

    fn council(candidates: &str, seats: u32, extra: &str) -> SeatResult {
        let f = parse_results(&format!(
            r##"{{"version":1,
            "elections":[{{"id":"c","name":"Council","date":"2022-05-05","kind":"local"}}],
            "parties":[{{"id":"asp","name":"Aspire","abbreviation":"Aspire","colour":"#8b0000"}},
                       {{"id":"lab","name":"Labour","abbreviation":"Lab","colour":"#e4003b"}}],
            "constituencies":[{{"code":"W1","name":"Ward","election":"c","seats":{seats},{extra}
              "candidates":[{candidates}]}}]}}"##
        ))
        .unwrap();
        SeatResult::new(&f, &f.constituencies[0])
    }

    #[test]
    fn several_winners_per_seat() {
        let r = council(
            r#"{"name":"A","party":"lab","votes":2395},{"name":"B","party":"lab","votes":2166},{"name":"C","party":"asp","votes":2153},{"name":"D","party":"asp","votes":2112},{"name":"E","party":"asp","votes":900}"#,
            3,
            r#""ballots":5906,"electorate":13778,"#,
        );
        assert_eq!(r.summary.outcome, Outcome::Seats(vec![("Lab".into(), 2), ("Aspire".into(), 1)]));
        assert_eq!(r.rows.iter().filter(|r| r.elected).count(), 3);
        assert_eq!(r.summary.majority, 41, "last winner 2,153 less first loser 2,112");
        assert!((r.rows[0].share - 2395.0 / 5906.0).abs() < 1e-12, "shares are of ballots");
        assert!((r.summary.turnout.unwrap() - 5906.0 / 13778.0).abs() < 1e-12);
        assert!(!r.rows.iter().any(|r| r.lost_deposit), "no deposits in local elections");
    }

    #[test]
    fn a_tie_settled_by_lot_follows_the_source() {
        let r = council(
            r#"{"name":"A","party":"lab","votes":900,"elected":true},{"name":"B","party":"lab","votes":885,"elected":false},{"name":"C","party":"asp","votes":885,"elected":true}"#,
            2,
            "",
        );
        let elected: Vec<_> = r.rows.iter().filter(|r| r.elected).map(|r| r.name.as_str()).collect();
        assert_eq!(elected, ["A", "C"]);
        assert_eq!(r.summary.majority, 0);
    }

    #[test]
    fn a_two_stage_count_is_decided_by_the_final_stage() {
        let r = council(
            r#"{"name":"Lutfur Rahman","party":"asp","votes":39533,"stages":[40804]},{"name":"John Biggs","party":"lab","votes":27894,"stages":[33487]},{"name":"Other","party":"lab","votes":40000}"#,
            1,
            r#""stages":["After second preferences"],"#,
        );
        assert_eq!(r.rows[0].name, "Lutfur Rahman", "the excluded candidate ranks below the final two");
        assert_eq!(r.rows[2].name, "Other");
        assert_eq!(r.summary.majority, 40804 - 33487);
        assert_eq!(r.summary.stages, ["After second preferences"]);
    }

    #[test]
    fn a_single_candidate_has_a_majority_of_all_their_votes() {
        let r = result(r#"{"name":"A","party":"lab","votes":12}"#, "");
        assert_eq!(r.summary.majority, 12);
    }

    #[test]
    fn a_tie_has_no_majority_and_a_stable_order() {
        let r = result(r#"{"name":"Z","party":"lab","votes":5},{"name":"Y","party":"con","votes":5,"elected":true}"#, "");
        assert_eq!(r.summary.majority, 0);
        assert_eq!(r.rows[0].name, "Y");
        assert!(r.rows[0].elected && !r.rows[1].elected);
    }
}
