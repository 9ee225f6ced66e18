//! Typed view models: what a view shows, in the locale's words and numbers, with no
//! markup. The widget's components (`html!`) decide how it looks; `results render`
//! draws the same components on a server.

use crate::derive::SeatResult;
use crate::locale::Locale;

/// Who won, as the result line names them.
#[derive(Debug, Clone, PartialEq)]
pub enum Winners {
    /// One winner: the name (shown strong) and the party's name.
    One { name: String, party: String },
    /// Several elected: "Elected: A (Lab), B (Lab), C (Aspire)".
    Several(String),
}

/// The result at a glance, each part a sentence or part of one in the locale's
/// words.
#[derive(Debug, Clone, PartialEq)]
pub enum ResultLine {
    /// The seat has no candidates: the sentence that says so.
    NoCandidates(String),
    /// Not declared yet: the outcome alone ("Awaiting declaration").
    Awaiting(String),
    /// The winner or winners, the outcome (hold or gain), the majority, turnout and
    /// swing.
    Declared { winners: Winners, outcome: String, majority: String, turnout: Option<String>, swing: Option<String> },
}

impl ResultLine {
    pub fn new(result: &SeatResult, locale: &Locale) -> ResultLine {
        let (s, n) = (&result.summary, &locale.numbers);
        let Some(winner) = result.winner() else {
            return ResultLine::NoCandidates(locale.text("result.no_candidates").to_string());
        };
        let outcome = locale.outcome(&s.outcome);
        if !s.declared {
            return ResultLine::Awaiting(outcome);
        }
        let winners = if s.seats > 1 {
            let elected: Vec<String> = result.rows.iter().filter(|r| r.elected).map(|r| format!("{} ({})", r.name, r.party_abbreviation)).collect();
            Winners::Several(locale.fill("result.elected_list", &[("names", &elected.join(", "))]))
        } else {
            Winners::One { name: winner.name.clone(), party: winner.party_name.clone() }
        };
        let majority = n.thousands(s.majority);
        let majority = match (&s.tie, s.seats > 1, s.stages.last()) {
            (Some(tie), _, _) => locale.fill("result.tie", &[("votes", &n.thousands(tie.votes))]),
            (None, true, _) => locale.fill("result.majority_multi", &[("majority", &majority)]),
            (None, false, Some(stage)) => locale.fill("result.majority_stage", &[("majority", &majority), ("stage", &crate::locale::in_sentence(stage))]),
            (None, false, None) => locale.fill("result.majority", &[("majority", &majority), ("share", &n.percent(s.majority_share))]),
        };
        let swing = s.swing.as_ref().map(|swing| {
            let points = n.points_change(swing.points);
            locale.fill("result.swing", &[("points", points.trim_start_matches('+')), ("from", &swing.from), ("to", &swing.to)])
        });
        let turnout = s.turnout.map(|turnout| locale.fill("result.turnout", &[("turnout", &n.percent(turnout))]));
        ResultLine::Declared { winners, outcome, majority, turnout, swing }
    }

    /// The majority's sentence (or the tie's), where the seat has declared.
    pub fn majority(&self) -> Option<&str> {
        match self {
            ResultLine::Declared { majority, .. } => Some(majority),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_results;

    fn bethnal() -> SeatResult {
        let file = parse_results(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seats/E14001086.json")).unwrap()).unwrap();
        SeatResult::new(&file, &file.constituencies[0])
    }

    #[test]
    fn the_result_line_of_bethnal_green_and_stepney() {
        let line = ResultLine::new(&bethnal(), &Locale::default());
        assert_eq!(
            line,
            ResultLine::Declared {
                winners: Winners::One { name: "Rushanara Ali".into(), party: "Labour".into() },
                outcome: "Lab hold".into(),
                majority: "Majority 1,689 (3.6% of valid votes).".into(),
                turnout: Some("Turnout 57.3%.".into()),
                swing: match &line { ResultLine::Declared { swing, .. } => swing.clone(), _ => None },
            }
        );
    }

    #[test]
    fn every_part_is_in_the_locales_words() {
        let mut locale = Locale { numbers: crate::locale::Numbers::for_tag("de"), ..Locale::default() };
        let map = [("outcome.hold", "{party} behält"), ("result.majority", "Mehrheit {majority} ({share})."), ("result.turnout", "Beteiligung {turnout}.")];
        locale.labels = crate::locale::Labels::new(map.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()).0;
        let ResultLine::Declared { outcome, majority, turnout, .. } = ResultLine::new(&bethnal(), &locale) else { panic!("declared") };
        assert_eq!((outcome.as_str(), majority.as_str(), turnout.as_deref()), ("Lab behält", "Mehrheit 1.689 (3,6\u{a0}%).", Some("Beteiligung 57,3\u{a0}%.")));
    }
}
