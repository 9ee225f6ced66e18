//! `results simulate`: replays an election night from a finished election, writing
//! a results directory as seats declare one by one, so a newsroom can rehearse with
//! any static server (and the tests can too).

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use results_core::model::{Constituency, ResultsFile};

use crate::import::ImportError;
use crate::store;

/// How the night is replayed.
pub struct Night {
    /// Seconds between declarations.
    pub interval: f64,
    /// Seats declared at each step.
    pub batch: usize,
    /// The random order's seed (ignored where declaration times give the order).
    pub seed: u64,
    /// Stop after this many steps (all seats when `None`).
    pub steps: Option<usize>,
}

/// The election to replay (the latest in `from`, a results directory written by
/// `results import`) and the earlier ones, kept for history.
fn load(from: &Path) -> Result<Vec<ResultsFile>, ImportError> {
    let files = store::elections(from)?;
    if files.is_empty() {
        return Err(ImportError::Invalid(vec![format!(
            "{}: no elections/ folder; simulate replays a directory written by `results import`",
            from.display()
        )]));
    }
    Ok(files)
}

/// The declaration order: by declaration time where every seat has one, otherwise
/// a shuffle seeded by `seed` (the same seed gives the same night).
pub fn order(seats: &[Constituency], seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..seats.len()).collect();
    if seats.iter().all(|s| s.declared_at.as_deref().is_some_and(|t| !t.is_empty())) {
        let key = |i: &usize| seats.get(*i).and_then(|s| s.declared_at.as_deref()).map(sortable_time).unwrap_or_default();
        order.sort_by_key(key);
        return order;
    }
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    for i in (1..order.len()).rev() {
        // xorshift64*: small, seeded, good enough to shuffle.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let j = (state.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// "13/12/2019 02:30" as "2019-12-13 02:30", so times sort.
fn sortable_time(time: &str) -> String {
    match time.split_once(' ') {
        Some((date, clock)) => {
            let parts: Vec<&str> = date.split('/').collect();
            match parts.as_slice() {
                [d, m, y] => format!("{y}-{m:0>2}-{d:0>2} {clock:0>5}"),
                _ => time.to_string(),
            }
        }
        None => time.to_string(),
    }
}

/// A seat before its declaration: its candidates without votes, and no count by
/// the single transferable vote (whose stages would elect candidates on no votes)
/// nor time of declaration.
fn undeclared(seat: &Constituency) -> Constituency {
    let mut seat = seat.clone();
    seat.declared = Some(false);
    seat.valid_votes = None;
    seat.invalid_votes = None;
    seat.ballots = None;
    seat.count = None;
    seat.declared_at = None;
    for candidate in &mut seat.candidates {
        candidate.votes = 0;
        candidate.stages.clear();
        candidate.elected = None;
    }
    seat
}

/// Now, as ISO 8601 in UTC.
pub fn now_iso() -> String {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// Replays the night into `out`, calling `step` after each write.
pub fn run(from: &Path, out: &Path, night: &Night, mut step: impl FnMut(usize, usize)) -> Result<(), ImportError> {
    let mut files = load(from)?;
    let Some(finished) = files.pop() else { return Ok(()) };
    store::copy_hexmap(from, out)?;
    for earlier in &files {
        store::add_election_quietly(out, earlier)?;
    }
    let order = order(&finished.constituencies, night.seed);
    let mut live = finished.clone();
    live.constituencies = finished.constituencies.iter().map(undeclared).collect();
    let total = order.len();
    let steps = total.div_ceil(night.batch.max(1));
    let mut declared = 0;
    for n in 0..=steps.min(night.steps.unwrap_or(usize::MAX)) {
        if n > 0 {
            std::thread::sleep(Duration::from_secs_f64(night.interval.max(0.0)));
            for &i in order.iter().skip(declared).take(night.batch.max(1)) {
                if let (Some(seat), Some(result)) = (live.constituencies.get_mut(i), finished.constituencies.get(i)) {
                    *seat = result.clone();
                }
            }
            declared = (declared + night.batch.max(1)).min(total);
        }
        live.updated = Some(now_iso());
        store::add_election(out, &live)?;
        step(declared, total);
        if declared == total {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(code: &str, at: Option<&str>) -> Constituency {
        Constituency {
            code: code.into(),
            name: code.into(),
            name_cy: None,
            election: "e".into(),
            region: None,
            nation: None,
            electorate: None,
            valid_votes: Some(1),
            invalid_votes: None,
            declared: None,
            declared_at: at.map(Into::into),
            seats: 1,
            ballots: None,
            stages: Vec::new(),
            candidates: vec![results_core::Candidate { name: "A".into(), party: "p".into(), votes: 1, ..Default::default() }],
            previous: None,
            count: None,
        }
    }

    #[test]
    fn declaration_times_give_the_order() {
        let seats = [seat("a", Some("13/12/2019 02:30")), seat("b", Some("12/12/2019 23:10")), seat("c", Some("13/12/2019 01:05"))];
        assert_eq!(order(&seats, 1), [1, 2, 0]);
    }

    #[test]
    fn a_seed_gives_the_same_shuffle_and_every_seat_once() {
        let seats: Vec<Constituency> = (0..50).map(|i| seat(&format!("s{i}"), None)).collect();
        let first = order(&seats, 7);
        assert_eq!(first, order(&seats, 7));
        assert_ne!(first, order(&seats, 8));
        let mut sorted = first.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn an_undeclared_seat_shows_no_votes() {
        let seat = undeclared(&seat("a", None));
        assert!(seat.declared == Some(false) && seat.candidates.iter().all(|c| c.votes == 0) && seat.valid_votes.is_none());
    }

    #[test]
    fn times_are_iso() {
        let now = now_iso();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z'));
    }
}
