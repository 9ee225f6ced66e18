//! Election night in words for screen readers: which seats declared between two
//! versions of an index, and the sentence a live region announces for them, no more
//! often than every [`GAP_MS`] milliseconds. The widget only places the sentence.

use crate::locale::Locale;
use crate::model::Index;
use crate::locale::Label;

/// The shortest time between two announcements, in milliseconds: a reader whose
/// screen reader speaks every two seconds hears nothing else.
pub const GAP_MS: f64 = 10_000.0;

/// The most seats a sentence names; the rest are counted ("and 12 more").
pub const NAMED: usize = 5;

/// The seats declared in `after` that were listed as awaiting their declaration in
/// `before`, in `after`'s order (a seat new to `after` is not news).
pub fn new_declarations(before: &Index, after: &Index) -> Vec<String> {
    after
        .seats
        .iter()
        .enumerate()
        .filter(|(at, row)| {
            // Both versions list the seats in the same order, almost always: a seat is
            // looked for where it was, and only then everywhere (no sort: its code
            // would cost the widget more than the search costs it).
            let old = before.seats.get(*at).filter(|old| old.code == row.code).or_else(|| before.seats.iter().find(|old| old.code == row.code));
            row.declared && old.is_some_and(|old| !old.declared)
        })
        .map(|(_, row)| row.code.clone())
        .collect()
}

/// The sentence for `codes`, seats that declared since the last one, in `index`'s
/// words: "3 more seats declared: {outcome} in Hendon, …; 612 of 650." At most
/// [`NAMED`] seats are named. `None` when none of them is in the index.
pub fn sentence(index: &Index, codes: &[String], locale: &Locale) -> Option<String> {
    let n = &locale.numbers;
    // Written into one string as they come (no list of rows or of their words: the
    // widget's code is the smaller for it).
    let mut seats = String::new();
    let mut count: u64 = 0;
    for row in index.seats.iter().filter(|row| row.declared && codes.contains(&row.code)) {
        count += 1;
        if count as usize <= NAMED {
            if count > 1 {
                seats.push_str(", ");
            }
            let party = row.party.as_deref().and_then(|id| index.party(id)).map_or("", |p| p.name.as_str());
            seats.push_str(&locale.fill(Label::AnnounceSeat, &[("result", &locale.outcome(&index.outcome(row))), ("seat", locale.seat_name(&row.name, row.name_cy.as_deref()).0), ("party", party)]));
        }
    }
    if count as usize > NAMED {
        seats.push_str(", ");
        seats.push_str(&locale.fill(Label::AnnounceOthers, &[("count", &n.thousands(count - NAMED as u64))]));
    }
    let key = match count {
        0 => return None,
        1 => Label::AnnounceOne,
        _ => Label::AnnounceMany,
    };
    let declared = index.seats.iter().filter(|row| row.declared).count() as u64;
    Some(locale.fill(
        key,
        &[("count", &n.thousands(count)), ("seats", &seats), ("declared", &n.thousands(declared)), ("total", &n.thousands(index.seats.len() as u64))],
    ))
}

/// What a widget has to announce and when it last did: seats gather as updates
/// declare them, and go out in one sentence once [`GAP_MS`] has passed since the
/// last. Times are milliseconds on any one clock.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Announcer {
    /// The reader turned announcements off.
    pub off: bool,
    /// Seats declared since the last sentence.
    pending: Vec<String>,
    /// When the last sentence was made.
    last: Option<f64>,
    /// The last sentence: what the live region holds.
    pub message: String,
}

impl Announcer {
    /// Notes the seats an update declared (none while announcements are off).
    pub fn declared(&mut self, codes: &[String]) {
        if !self.off {
            for code in codes {
                if !self.pending.contains(code) {
                    self.pending.push(code.clone());
                }
            }
        }
    }

    /// Makes the sentence for the seats gathered, if any and if [`GAP_MS`] has passed
    /// since the last one, at `now`: at most one for each call, which the widget
    /// makes once an update. Whether the message changed.
    pub fn speak(&mut self, now: f64, index: &Index, locale: &Locale) -> bool {
        if self.pending.is_empty() || self.last.is_some_and(|last| now - last < GAP_MS) {
            return false;
        }
        let said = sentence(index, &self.pending, locale);
        self.pending.clear();
        match said {
            Some(message) => {
                self.message = message;
                self.last = Some(now);
                true
            }
            None => false,
        }
    }

    /// Turns announcements on or off; what was gathered is forgotten.
    pub fn set_off(&mut self, off: bool) {
        self.off = off;
        self.pending.clear();
        self.message.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALDERSHOT: &str = "E14001063";
    const CLACTON: &str = "E14001174";
    const HENDON: &str = "E14001279";
    const PUTNEY: &str = "E14001434";

    /// The 2024 index, every seat declared.
    fn declared() -> Index {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/index.json")).unwrap();
        crate::parse_index(&text).unwrap()
    }

    /// Outcomes in the default labels.
    fn gain(party: &str, from: &str) -> String {
        Locale::default().outcome(&crate::derive::Outcome::Gain { party: party.into(), from: from.into() })
    }

    fn hold(party: &str) -> String {
        Locale::default().outcome(&crate::derive::Outcome::Hold { party: party.into() })
    }

    /// The 2024 index with `codes` awaiting their declaration.
    fn awaiting(codes: &[&str]) -> Index {
        let mut index = declared();
        for row in index.seats.iter_mut().filter(|row| codes.contains(&row.code.as_str())) {
            row.declared = false;
        }
        index
    }

    fn codes(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn new_declarations_are_seats_that_were_awaiting() {
        let before = awaiting(&[HENDON, PUTNEY, CLACTON]);
        let after = awaiting(&[PUTNEY]);
        // In the index's order (by name), not the order they were listed in.
        assert_eq!(new_declarations(&before, &after), codes(&[CLACTON, HENDON]));
        assert!(new_declarations(&after, &after).is_empty());
        assert!(new_declarations(&after, &before).is_empty(), "a seat taken back is not a declaration");
        assert!(new_declarations(&declared(), &declared()).is_empty());
        let mut smaller = before.clone();
        smaller.seats.retain(|row| row.code != HENDON);
        assert_eq!(new_declarations(&smaller, &after), codes(&[CLACTON]), "a seat new to the index is not news");
    }

    #[test]
    fn the_sentence_names_the_seats_and_the_count() {
        let night = awaiting(&[PUTNEY]);
        let locale = Locale::default();
        assert_eq!(sentence(&night, &codes(&[HENDON]), &locale).unwrap(), format!("1 more seat declared: {} in Hendon; 649 of 650.", gain("Lab", "Con")));
        assert_eq!(
            sentence(&night, &codes(&[HENDON, CLACTON, ALDERSHOT]), &locale).unwrap(),
            format!("3 more seats declared: {} in Aldershot, {} in Clacton, {} in Hendon; 649 of 650.", gain("Lab", "Con"), gain("RUK", "Con"), gain("Lab", "Con"))
        );
        assert_eq!(sentence(&night, &codes(&[PUTNEY, "E99999999"]), &locale), None, "undeclared or unknown seats say nothing");
        let many: Vec<String> = declared().seats.iter().take(8).map(|row| row.code.clone()).collect();
        let text = sentence(&declared(), &many, &locale).unwrap();
        assert!(text.starts_with(&format!("8 more seats declared: {} in Aldershot, ", gain("Lab", "Con"))), "{text}");
        assert!(text.ends_with(", and 3 more; 650 of 650."), "{text}");
        assert_eq!(text.matches(" in ").count(), NAMED, "{text}");
    }

    #[test]
    fn the_words_are_the_locales() {
        let (labels, unknown) = crate::locale::Labels::new(
            [(Label::AnnounceOne, "Un sedd arall: {seats} ({declared}/{total})"), (Label::AnnounceSeat, "{party}, {seat}")]
                .into_iter()
                .map(|(k, v)| (k.key().to_string(), v.to_string()))
                .collect(),
        );
        assert!(unknown.is_empty());
        let locale = Locale { labels, numbers: crate::locale::Numbers::for_tag("de"), lang: Some("cy".into()) };
        assert_eq!(sentence(&declared(), &codes(&[HENDON]), &locale).unwrap(), "Un sedd arall: Labour, Hendon (650/650)");
        let all: Vec<String> = declared().seats.iter().map(|row| row.code.clone()).collect();
        let text = sentence(&declared(), &all, &Locale { numbers: crate::locale::Numbers::for_tag("de"), ..Locale::default() }).unwrap();
        assert!(text.starts_with("650 more seats declared: ") && text.ends_with(", and 645 more; 650 of 650."), "{text}");
    }

    #[test]
    fn one_sentence_an_update_and_none_within_ten_seconds() {
        let night = declared();
        let locale = Locale::default();
        let mut a = Announcer::default();
        assert!(!a.speak(0.0, &night, &locale), "nothing gathered, nothing said");
        a.declared(&codes(&[HENDON]));
        assert!(a.speak(1_000.0, &night, &locale));
        assert_eq!(a.message, format!("1 more seat declared: {} in Hendon; 650 of 650.", gain("Lab", "Con")));
        a.declared(&codes(&[PUTNEY]));
        assert!(!a.speak(5_000.0, &night, &locale), "too soon");
        a.declared(&codes(&[CLACTON, PUTNEY]));
        assert!(!a.speak(10_999.0, &night, &locale), "still too soon");
        assert!(a.speak(11_000.0, &night, &locale), "what gathered goes out in one sentence");
        assert_eq!(a.message, format!("2 more seats declared: {} in Clacton, {} in Putney; 650 of 650.", gain("RUK", "Con"), hold("Lab")));
        assert!(!a.speak(30_000.0, &night, &locale), "said once");
        a.set_off(true);
        a.declared(&codes(&[HENDON]));
        assert!(!a.speak(60_000.0, &night, &locale), "off");
        assert_eq!(a.message, "");
        a.set_off(false);
        assert!(!a.speak(70_000.0, &night, &locale), "nothing gathered while off is said when on again");
    }
}
