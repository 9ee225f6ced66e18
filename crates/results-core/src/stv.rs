//! Single transferable vote counts (`model::Count`): what a count must satisfy, and
//! who was elected or excluded at which stage, and the count as a reader follows it
//! ([`count_view`]).
//!
//! A count is checked as a returning officer's sheet is read: the quota is the Droop
//! quota of the valid votes and seats; the first stage is the first preferences;
//! at each later stage the votes of the candidates it names (a surplus, or those
//! excluded) move, every total carries from the stage before with that stage's
//! transfer, and what moved is what the others received plus what could go to no
//! one; the count elects as many as there are seats.

use crate::chart::{dark_pairs, Bar, BarChart};
use crate::locale::{Locale, Numbers};
use crate::model::{Constituency, Count, ResultsFile, Tally};
use crate::view::{Cell, Mark, Row};
#[cfg(feature = "stv")]
use crate::validate::Problem;
use crate::locale::Label;

#[cfg(feature = "stv")]
/// How far a sum may be from what it should be, for the source's rounding: counts
/// are published with each figure rounded (Northern Ireland's transfers to a tenth
/// of a vote), so a total or a stage's balance made from rounded figures can be a
/// little out. A hundredth of a vote a candidate, and never more than one vote.
fn slack(candidates: usize) -> Tally {
    Tally((candidates as i64 * Tally::UNIT / 100).min(Tally::UNIT))
}

/// The Droop quota: the fewest votes that only `seats` candidates can reach.
pub fn droop_quota(valid_votes: u64, seats: u32) -> u64 {
    valid_votes / (u64::from(seats) + 1) + 1
}

/// Where each candidate's count ended: elected at a stage, excluded at a stage
/// (the stage at which their votes moved), or still in at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Elected at this stage (counting from 1); `deemed` when below the quota.
    Elected { stage: usize, deemed: bool },
    /// Excluded, their votes moving at this stage (counting from 1).
    Excluded { stage: usize },
    /// Neither, when the seats were filled.
    Continuing,
}

/// Each candidate's fate in the count, in `candidates`' order. Out-of-range indices
/// are left out (validation reports them).
pub fn fates(seat: &Constituency, count: &Count) -> Vec<Fate> {
    let mut fates = vec![Fate::Continuing; seat.candidates.len()];
    let mut totals: Vec<Tally> = seat.candidates.iter().map(|c| Tally::votes(c.votes)).collect();
    for (k, stage) in count.stages.iter().enumerate() {
        if stage.totals.len() == totals.len() {
            totals.clone_from(&stage.totals);
        }
        for &i in &stage.excluded {
            if let Some(fate) = fates.get_mut(i) {
                *fate = Fate::Excluded { stage: k + 1 };
            }
        }
        for &i in &stage.elected {
            let deemed = totals.get(i).is_some_and(|total| *total < count.quota);
            if let Some(fate) = fates.get_mut(i) {
                *fate = Fate::Elected { stage: k + 1, deemed };
            }
        }
    }
    fates
}

/// The count's margin, in whole votes (rounded down): at the end of the count, the
/// total of the last candidate elected (the lowest of those elected at the last
/// stage anyone was) less the highest total any candidate not elected reached
/// before leaving the count, or at its end. What `results import` writes as the
/// contest's majority in an index. `None` where the count elects nobody (a count
/// whose stages are not known).
#[cfg(feature = "stv")]
pub fn margin(seat: &Constituency, count: &Count) -> Option<u64> {
    let fates = fates(seat, count);
    // Each candidate's total after stage `k` (counting from 1).
    let total = |i: usize, k: usize| -> Tally {
        match k.checked_sub(1).and_then(|at| count.stages.get(at)).filter(|_| k > 1) {
            Some(stage) => stage.totals.get(i).copied().unwrap_or_default(),
            None => seat.candidates.get(i).map_or(Tally(0), |c| Tally::votes(c.votes)),
        }
    };
    let last = count.stages.len();
    let last_elected_at = fates.iter().filter_map(|f| if let Fate::Elected { stage, .. } = f { Some(*stage) } else { None }).max();
    let at = last_elected_at?;
    let winner = fates
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f, Fate::Elected { stage, .. } if *stage == at))
        .map(|(i, _)| total(i, last))
        .min()
        .unwrap_or_default();
    let loser = fates
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match f {
            Fate::Continuing => Some(total(i, last)),
            Fate::Excluded { stage } => Some(total(i, stage - 1)),
            Fate::Elected { .. } => None,
        })
        .max()
        .unwrap_or_default();
    Some(u64::try_from((winner - loser).0.max(0) / Tally::UNIT).unwrap_or(0))
}

/// Every problem with a contest's count; `at` is the contest's path.
#[cfg(feature = "stv")]
pub fn check(seat: &Constituency, count: &Count, at: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |path: String, message: String| problems.push(Problem { path, message });
    let n = seat.candidates.len();
    let name = |i: usize| seat.candidates.get(i).map_or("?", |c| c.name.as_str());
    let slack = slack(n);
    let near = |a: Tally, b: Tally| (a - b).0.unsigned_abs() <= slack.0.unsigned_abs();

    let first: Tally = seat.candidates.iter().map(|c| Tally::votes(c.votes)).sum();
    match seat.valid_votes {
        // Without stages (a source whose stages cannot be used) only the quota is said.
        _ if count.stages.is_empty() => {}
        Some(valid) if Tally::votes(valid) != first => {
            problem(format!("{at}.valid_votes"), format!("is {valid}, but the candidates' first preferences add up to {first}"));
        }
        _ => {}
    }
    if !count.quota_given {
        match seat.valid_votes {
            Some(valid) => {
                let droop = droop_quota(valid, seat.seats);
                if count.quota != Tally::votes(droop) {
                    problem(
                        format!("{at}.count.quota"),
                        format!("is {}, but the Droop quota of {valid} valid votes and {} seats is {droop} (a count whose rules set another quota says \"quota_given\": true)", count.quota, seat.seats),
                    );
                }
            }
            None => problem(format!("{at}.count.quota"), "is checked against the contest's valid_votes, which is missing (a count whose rules set the quota otherwise says \"quota_given\": true)".into()),
        }
    }

    // Where each candidate stands before the stage being read.
    #[derive(Clone, Copy, PartialEq)]
    enum Standing {
        In,
        Elected(usize),
        Excluded(usize),
    }
    let mut standing = vec![Standing::In; n];
    let mut totals: Vec<Tally> = seat.candidates.iter().map(|c| Tally::votes(c.votes)).collect();
    let last = count.stages.len();
    for (k, stage) in count.stages.iter().enumerate() {
        let here = format!("{at}.count.stages[{k}]");
        let number = k + 1;
        for (key, list) in [("surplus", &stage.surplus), ("excluded", &stage.excluded), ("elected", &stage.elected)] {
            for (m, &i) in list.iter().enumerate() {
                if i >= n {
                    problem(format!("{here}.{key}[{m}]"), format!("names candidate {i}, but the contest has {n} (counting from 0)"));
                }
            }
        }
        if k == 0 {
            if !stage.surplus.is_empty() || !stage.excluded.is_empty() || !stage.transfers.is_empty() || !stage.totals.is_empty() || stage.non_transferable.0 != 0 {
                problem(here.clone(), "is the first stage, the first preferences (the candidates' votes): it moves no votes, so it has only `elected`".into());
            }
        } else {
            if stage.surplus.is_empty() && stage.excluded.is_empty() {
                problem(here.clone(), "moves nobody's votes: a later stage moves a surplus (`surplus`), the votes of candidates excluded (`excluded`), or both".into());
            }
            for &i in stage.surplus.iter().filter(|&&i| i < n) {
                if !matches!(standing.get(i), Some(Standing::Elected(_))) {
                    problem(format!("{here}.surplus"), format!("moves the surplus of {}, who was not elected at an earlier stage", name(i)));
                }
            }
            for &i in stage.excluded.iter().filter(|&&i| i < n) {
                match standing.get(i) {
                    Some(Standing::Elected(s)) => problem(format!("{here}.excluded"), format!("excludes {}, who was elected at stage {s}", name(i))),
                    Some(Standing::Excluded(s)) => problem(format!("{here}.excluded"), format!("excludes {}, whose votes moved at stage {s}", name(i))),
                    _ => {}
                }
            }
            let sizes_fit = stage.transfers.len() == n && stage.totals.len() == n;
            for (key, list) in [("transfers", &stage.transfers), ("totals", &stage.totals)] {
                if list.len() != n {
                    problem(format!("{here}.{key}"), format!("has {} figures, but the contest has {n} candidates", list.len()));
                }
            }
            if sizes_fit {
                let moved_from = |i: usize| stage.surplus.contains(&i) || stage.excluded.contains(&i);
                let mut moved = Tally(0);
                let mut received = Tally(0);
                for (i, (&transfer, &total)) in stage.transfers.iter().zip(&stage.totals).enumerate() {
                    let before = totals.get(i).copied().unwrap_or_default();
                    if !near(before + transfer, total) {
                        problem(
                            format!("{here}.totals[{i}]"),
                            format!("is {total}, but {}'s total after stage {k} ({before}) and this stage's transfer ({transfer}) make {}", name(i), before + transfer),
                        );
                    }
                    if moved_from(i) {
                        if transfer.0 > 0 {
                            problem(format!("{here}.transfers[{i}]"), format!("is {transfer}, but {}'s votes move at this stage, so it cannot be a gain", name(i)));
                        }
                        moved = moved - transfer;
                    } else {
                        if let Some(Standing::Excluded(s)) = standing.get(i) {
                            if transfer.0 != 0 {
                                problem(format!("{here}.transfers[{i}]"), format!("is {transfer}, but {} was excluded at stage {s}", name(i)));
                            }
                        }
                        received = received + transfer;
                    }
                    if stage.excluded.contains(&i) && total.0 != 0 {
                        problem(format!("{here}.totals[{i}]"), format!("is {total}, but {}'s votes all move at this stage", name(i)));
                    }
                }
                if stage.non_transferable.0 < -slack.0 {
                    problem(format!("{here}.non_transferable"), format!("is {}, below 0", stage.non_transferable));
                }
                if !near(moved, received + stage.non_transferable) {
                    problem(
                        format!("{here}.transfers"),
                        format!("move {moved} votes, but the others receive {received} and {} are non-transferable: {} are not accounted for", stage.non_transferable, moved - received - stage.non_transferable),
                    );
                }
                totals.clone_from(&stage.totals);
            }
            for &i in stage.excluded.iter().filter(|&&i| i < n) {
                if let Some(s) = standing.get_mut(i) {
                    *s = Standing::Excluded(number);
                }
            }
        }
        for (m, &i) in stage.elected.iter().enumerate().filter(|(_, &i)| i < n) {
            match standing.get(i).copied() {
                Some(Standing::Elected(s)) => problem(format!("{here}.elected[{m}]"), format!("elects {}, who was elected at stage {s}", name(i))),
                Some(Standing::Excluded(s)) => problem(format!("{here}.elected[{m}]"), format!("elects {}, who was excluded at stage {s}", name(i))),
                _ => {}
            }
            let total = totals.get(i).copied().unwrap_or_default();
            if total < count.quota && number != last {
                problem(format!("{here}.elected[{m}]"), format!("elects {} with {total} votes, below the quota of {}, before the last stage", name(i), count.quota));
            }
            if let Some(s) = standing.get_mut(i) {
                *s = Standing::Elected(number);
            }
        }
    }

    if count.stages.is_empty() {
        return problems;
    }
    let elected = standing.iter().filter(|s| matches!(s, Standing::Elected(_))).count();
    if elected != seat.seats as usize {
        problem(format!("{at}.count"), format!("elects {elected}, but the contest has {} seats", seat.seats));
    }
    for (j, (candidate, standing)) in seat.candidates.iter().zip(&standing).enumerate() {
        let in_count = matches!(standing, Standing::Elected(_));
        match candidate.elected {
            Some(true) if !in_count => problem(format!("{at}.candidates[{j}].elected"), format!("is true, but the count elects {} at no stage", candidate.name)),
            Some(false) if in_count => problem(format!("{at}.candidates[{j}].elected"), format!("is false, but the count elects {}", candidate.name)),
            None => problem(format!("{at}.candidates[{j}].elected"), format!("is missing: a contest with a count says whether it elected {} (`elected`)", candidate.name)),
            _ => {}
        }
    }
    problems
}

/// A count as a reader follows it, in the locale's words: the quota, a sentence
/// that says who was elected when and why, and every candidate's total at each
/// stage, as a table and as a chart against the quota. Made by [`count_view`].
#[derive(Debug, Clone, PartialEq)]
pub struct CountView {
    /// "A candidate needed 2,782 votes (the quota) to be elected."
    pub quota: String,
    /// "Kevin Lang and Norman Work were elected on first preferences; Louise Young
    /// at stage 2, after Kevin Lang's surplus was transferred; …", or why the count
    /// has no stages to show.
    pub story: String,
    /// The table's caption, which heads the count.
    pub caption: String,
    /// The table's header row: "Candidate", then each stage and what happened at
    /// it ("Stage 2", "Kevin Lang's surplus was transferred").
    pub head: Row,
    /// A row a candidate, in the order the count left them (elected, by stage;
    /// still in at the end; excluded, the last first): the name, with how their
    /// count ended (the candidates' table and the chart give the party), and a cell
    /// a stage, the total after it with that stage's transfer below.
    pub rows: Vec<Row>,
    /// Each candidate's highest total, against the quota.
    pub chart: BarChart,
}

/// The count of a contest that has one, ready to show; an error in words where the
/// count does not fit its contest (a stage without a figure for every candidate, or
/// naming a candidate the contest does not have). The widget does not check a
/// count's arithmetic (`results check` does, with the `stv` feature): it shows what
/// the data says.
pub fn count_view(file: &ResultsFile, seat: &Constituency, locale: &Locale) -> Option<Result<CountView, String>> {
    let count = seat.count.as_deref()?;
    let n = seat.candidates.len();
    for (k, stage) in count.stages.iter().enumerate().skip(1) {
        if stage.transfers.len() != n || stage.totals.len() != n || stage.surplus.iter().chain(&stage.excluded).chain(&stage.elected).any(|&i| i >= n) {
            return Some(Err(locale.fill(Label::CountUnreadable, &[("stage", &(k + 1).to_string()), ("candidates", &n.to_string())])));
        }
    }
    let numbers = &locale.numbers;
    // A label in its form for one name or several ("was", "were"), with the names.
    let named = |(one, many): (Label, Label), list: &[usize], stage: &str, moved: &str| {
        let names: Vec<String> = list.iter().map(|&i| seat.candidates.get(i).map_or_else(String::new, |c| c.name.clone())).collect();
        let names = locale.and_list(&names);
        locale.fill(if list.len() == 1 { one } else { many }, &[("names", &names), ("stage", stage), ("moved", moved)])
    };
    let first = |i: usize| Tally::votes(seat.candidates.get(i).map_or(0, |c| c.votes));
    // The total after stage `k` (counting from 1).
    let total = |i: usize, k: usize| match count.stages.get(k.wrapping_sub(1)) {
        Some(stage) if k > 1 => stage.totals.get(i).copied().unwrap_or_default(),
        _ => first(i),
    };

    let mut stages = vec![Cell::text(locale.text(Label::ColumnCandidate))];
    let mut clauses: Vec<String> = Vec::new();
    for (k, stage) in count.stages.iter().enumerate() {
        let number = (k + 1).to_string();
        let mut moved: Vec<String> = Vec::new();
        for (key, list) in [((Label::CountSurplusOne, Label::CountSurplusMany), &stage.surplus), ((Label::CountExcludedOne, Label::CountExcludedMany), &stage.excluded)] {
            if !list.is_empty() {
                moved.push(named(key, list, "", ""));
            }
        }
        let moved = locale.and_list(&moved);
        if !stage.elected.is_empty() {
            // The first clause says "was elected"; the later ones leave it understood.
            let key = if k == 0 {
                (Label::CountFirstOne, Label::CountFirstMany)
            } else if clauses.is_empty() {
                (Label::CountElectedOne, Label::CountElectedMany)
            } else {
                (Label::CountThenOne, Label::CountThenMany)
            };
            clauses.push(named(key, &stage.elected, &number, &moved));
        }
        stages.push(Cell::Text(locale.fill(Label::CountStage, &[("stage", &number)]), Some(if k == 0 { locale.text(Label::ColumnFirstPreferences).to_string() } else { moved })));
    }
    let story = if clauses.is_empty() { locale.text(Label::CountNoStages).to_string() } else { format!("{}.", clauses.join("; ")) };

    // How each candidate's count ended (the stage, counting from 1, and whether they
    // were elected; 0 for still in at the end): what `fates` says, walked here again
    // because calling it cost the widget 0.5 KB gzip more. And the order it left them in: the
    // elected as they were elected, those still in, the excluded the last first.
    let mut ended = vec![(0, false); n];
    for (k, stage) in count.stages.iter().enumerate() {
        for (list, elected) in [(&stage.excluded, false), (&stage.elected, true)] {
            for &i in list {
                if let Some(end) = ended.get_mut(i) {
                    *end = (k + 1, elected);
                }
            }
        }
    }
    let last = count.stages.len();
    let mut order: Vec<usize> = Vec::with_capacity(n);
    let mut take = |list: &[usize], end: (usize, bool)| order.extend(list.iter().filter(|&&i| ended.get(i) == Some(&end)));
    for (k, stage) in count.stages.iter().enumerate() {
        take(&stage.elected, (k + 1, true));
    }
    take(&(0..n).collect::<Vec<_>>(), (0, false));
    for (k, stage) in count.stages.iter().enumerate().rev() {
        take(&stage.excluded, (k + 1, false));
    }
    // Each candidate's highest total, for the chart.
    let peaks: Vec<Tally> = (0..n).map(|i| (1..=last).map(|k| total(i, k)).max().unwrap_or_default()).collect();
    let scale = peaks.iter().copied().fold(count.quota, Tally::max).to_f64().max(1.0);
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for &i in &order {
        let Some(candidate) = seat.candidates.get(i) else { continue };
        let party = file.party(&candidate.party);
        let (party_name, colour) = party.map_or((candidate.party.as_str(), "#767676"), |p| (p.name.as_str(), p.colour.as_str()));
        let (ended, elected) = ended.get(i).copied().unwrap_or_default();
        // Deemed elected: at the end, with fewer votes than the quota.
        let (key, at) = match (ended, elected) {
            (0, _) => (None, usize::MAX),
            (_, true) if total(i, ended) < count.quota => (Some(Label::CountDeemedAt), usize::MAX),
            (_, true) => (Some(Label::CountElectedAt), usize::MAX),
            (_, false) => (Some(Label::CountExcludedAt), ended),
        };
        let mut cells = vec![Cell::Text(candidate.name.clone(), key.map(|key| locale.fill(key, &[("stage", &ended.to_string())])))];
        for (k, stage) in count.stages.iter().enumerate().map(|(k, stage)| (k + 1, stage)) {
            let mut note = if k > 1 { signed(numbers, stage.transfers.get(i).copied().unwrap_or_default()) } else { String::new() };
            let word = if k == at { locale.text(Label::CountExcludedWord) } else if k == ended && at == usize::MAX { locale.text(Label::ResultElected) } else { "" };
            add_word(&mut note, word);
            cells.push(if k > at { Cell::text("–") } else { Cell::Text(tally(numbers, total(i, k)), (!note.is_empty()).then_some(note)) });
        }
        let peak = peaks.get(i).copied().unwrap_or_default();
        bars.push(Bar { label: format!("{}, {party_name}", candidate.name), value_label: tally(numbers, peak), length: peak.to_f64() / scale, colour: colour.to_string() });
        rows.push(Row { mark: if elected { Mark::Elected } else { Mark::Plain }, cells });
    }

    let quota_votes = tally(numbers, count.quota);
    let quota = [("quota", quota_votes.as_str())];
    let line = locale.fill(Label::CountQuotaLine, &quota);
    let mut description = line.clone();
    for bar in &bars {
        for part in ["; ", &bar.label, ": ", &bar.value_label] {
            description.push_str(part);
        }
    }
    description.push('.');
    let chart = BarChart {
        title: locale.text(Label::CountChart).to_string(),
        description,
        bars,
        dark: dark_pairs(&mut seat.candidates.iter().filter_map(|c| file.party(&c.party)).map(|p| (p.colour.as_str(), p.dark_colour.as_deref()))),
        line: Some((count.quota.to_f64() / scale, line)),
    };
    let staged = !count.stages.is_empty();
    Some(Ok(CountView {
        quota: locale.fill(Label::CountQuota, &quota),
        story,
        caption: locale.text(Label::CountHeading).to_string(),
        head: Row { mark: Mark::Head, cells: stages },
        rows: if staged { rows } else { Vec::new() },
        chart,
    }))
}

/// Votes in a count as a reader reads them: whole votes grouped ("2,782"), a
/// fraction to two places ("2,716.39").
pub fn tally(numbers: &Numbers, votes: Tally) -> String {
    let hundredths = (votes.0.unsigned_abs() + 500) / 1000;
    let sign = if votes.0 < 0 && hundredths > 0 { numbers.minus.as_str() } else { "" };
    let whole = numbers.thousands(hundredths / 100);
    if votes.0 % Tally::UNIT == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{}{:02}", numbers.decimal, hundredths % 100)
    }
}

/// `word` after `note`, a space between them where both have words.
fn add_word(note: &mut String, word: &str) {
    if !note.is_empty() && !word.is_empty() {
        note.push(' ');
    }
    note.push_str(word);
}

/// A transfer with its sign ("+120", "−2,716.39"); nothing for none.
fn signed(numbers: &Numbers, votes: Tally) -> String {
    match votes.0 {
        0 => String::new(),
        v if v > 0 => format!("+{}", tally(numbers, votes)),
        _ => tally(numbers, votes),
    }
}
