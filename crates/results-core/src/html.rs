//! The one fast path: the national seats table's rows, the hex map and charts as
//! HTML text ([`SafeHtml`]), for what must be built faster than a render of
//! `html!` can (650 rows, one piece per row in the data's order; 650 hexes) or is
//! drawn as SVG. Every other table is typed rows (`view::Row`) that the widget
//! draws with `html!`.
//!
//! The widget puts these into the page once per data change and then only moves
//! them (a sort) or leaves some out (a filter), which is what keeps a 650-row table
//! fast; `results render` writes the same text into its static pages. Every string
//! from the data is escaped here, in one place, and only this crate can make a
//! [`SafeHtml`]: the widget puts no other text into a page as markup.

use std::fmt::Write;
use crate::locale::Label;

/// HTML text made by this crate's builders, which escape every string from the
/// data: the only text the widget puts into a page as markup (its
/// `components::markup`). Nothing outside the crate can make one from a string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Markup this crate built, escaping what came from the data.
    pub(crate) fn built(html: String) -> SafeHtml {
        SafeHtml(html)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Pieces one after another: markup of safe pieces is safe.
    pub fn concat<'a>(pieces: impl IntoIterator<Item = &'a SafeHtml>) -> SafeHtml {
        SafeHtml(pieces.into_iter().map(SafeHtml::as_str).collect())
    }
}

impl std::fmt::Display for SafeHtml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for SafeHtml {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

use crate::locale::Locale;
use crate::model::{Index, Party};

/// Text made safe for HTML and XML, in content and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// `text` as a quoted CSS string, for a selector such as `[data-code="…"]`: quotes
/// and backslashes escaped, and control characters as code points, so that no code
/// in the data can break the selector it is looked up by.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// [`escape`], written onto the end of `out`: text with nothing to escape (almost
/// all of it) goes in whole.
pub fn escape_into(out: &mut String, text: &str) {
    if !text.bytes().any(|b| matches!(b, b'<' | b'>' | b'&' | b'"' | b'\'')) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
}

/// A coloured square beside a party's name: the name, not the colour, carries it.
/// The square is an element with a class named for its colours (see
/// [`swatch_class`]); the widget adds a style rule per class (`swatch_rule`),
/// since a strict content security policy refuses colours in `style` attributes.
pub fn party_label(colour: &str, dark_colour: Option<&str>, name: &str) -> String {
    // The square is the label's `::before` (see the styles), so assistive technology
    // has nothing to read in it, and a 650-row table has 650 elements fewer.
    format!(r#"<span class="rw-party-label {}">{}</span>"#, swatch_class(colour, dark_colour), escape(name))
}

/// `rw-c-e4003b-ff5c7a`: a class for a colour and its dark-mode variant, made of the
/// colours' hex digits only, so no string from the data reaches a class or a rule.
pub fn swatch_class(colour: &str, dark_colour: Option<&str>) -> String {
    match dark_colour {
        Some(dark) => format!("rw-c-{}-{}", digits(colour), digits(dark)),
        None => format!("rw-c-{}", digits(colour)),
    }
}

/// A colour's hex digits, lower case, and nothing else.
fn digits(colour: &str) -> String {
    colour.chars().filter(char::is_ascii_hexdigit).map(|c| c.to_ascii_lowercase()).collect()
}

/// The style rule for [`swatch_class`]: the colour, and the dark one for dark mode.
pub fn swatch_rule(colour: &str, dark_colour: Option<&str>) -> String {
    let dark = dark_colour.map_or_else(String::new, |d| format!("--rw-swatch-dark:#{};", digits(d)));
    format!(".{}{{--rw-swatch:#{};{dark}}}", swatch_class(colour, dark_colour), digits(colour))
}

/// The swatch rules for every party of a file or index, one per distinct class.
pub fn swatch_rules(parties: &[Party]) -> Vec<(String, String)> {
    let mut rules: Vec<(String, String)> = Vec::new();
    for party in parties {
        let class = swatch_class(&party.colour, party.dark_colour.as_deref());
        if !rules.iter().any(|(c, _)| *c == class) {
            rules.push((class, swatch_rule(&party.colour, party.dark_colour.as_deref())));
        }
    }
    rules
}

fn party_label_of(party: &Party) -> String {
    party_label(&party.colour, party.dark_colour.as_deref(), &party.name)
}

/// Every seat of an index: its name as a button that opens the seat (the table
/// handles the press), winner, party, result, majority, majority share, turnout.
/// Seats in `fresh` declared in the last update and are marked.
pub fn seat_rows(index: &Index, fresh: &[String], locale: &Locale) -> Vec<SafeHtml> {
    let n = &locale.numbers;
    // Each party's label once, not once a seat. Written piece by piece rather than
    // with `write!`: 650 rows of ten pieces are most of the national view's start.
    let labels: Vec<String> = index.parties.iter().map(party_label_of).collect();
    index
        .seats
        .iter()
        .map(|row| {
            let mut out = String::with_capacity(400);
            out.push_str("<tr");
            match (fresh.contains(&row.code), row.declared) {
                (true, true) => out.push_str(r#" class="rw-fresh""#),
                (true, false) => out.push_str(r#" class="rw-fresh rw-awaiting""#),
                (false, false) => out.push_str(r#" class="rw-awaiting""#),
                (false, true) => {}
            }
            out.push_str(r#"><th scope="row"><button type="button" class="rw-link" data-code=""#);
            escape_into(&mut out, &row.code);
            out.push_str(r#"">"#);
            match locale.seat_name(&row.name, row.name_cy.as_deref()) {
                (welsh, true) => {
                    out.push_str(r#"<span lang="cy">"#);
                    escape_into(&mut out, welsh);
                    out.push_str("</span>");
                }
                (name, false) => escape_into(&mut out, name),
            }
            out.push_str("</button></th><td>");
            escape_into(&mut out, row.winner.as_deref().unwrap_or(""));
            out.push_str("</td><td>");
            if let Some(label) = row.party.as_deref().and_then(|id| index.parties.iter().position(|p| p.id == id)).and_then(|i| labels.get(i)) {
                out.push_str(label);
            }
            out.push_str("</td><td>");
            escape_into(&mut out, &locale.outcome(&index.outcome(row)));
            // The figures' cells carry no class: 650 rows of three are a good share
            // of what the browser parses, and the styles place them by position.
            out.push_str("</td><td>");
            if row.tie {
                escape_into(&mut out, locale.text(Label::ResultTieShort));
            } else if let Some(majority) = row.majority {
                out.push_str(&n.thousands(majority));
            }
            out.push_str("</td><td>");
            if let Some(share) = row.majority_share {
                out.push_str(&n.percent(share));
            }
            out.push_str("</td><td>");
            if let Some(turnout) = row.turnout {
                out.push_str(&n.percent(turnout));
            }
            out.push_str("</td></tr>");
            SafeHtml(out)
        })
        .collect()
}

struct HexBounds {
    q_min: i32,
    q_max: i32,
    r_min: i32,
    r_max: i32,
}

/// The extent of the index's hex layout, if any seat has a hex.
fn hex_bounds(index: &Index) -> Option<HexBounds> {
    let mut hexes = index.seats.iter().filter_map(|row| row.hex).peekable();
    let &[q, r] = hexes.peek()?;
    Some(hexes.fold(HexBounds { q_min: q, q_max: q, r_min: r, r_max: r }, |b, [q, r]| HexBounds {
        q_min: b.q_min.min(q),
        q_max: b.q_max.max(q),
        r_min: b.r_min.min(r),
        r_max: b.r_max.max(r),
    }))
}

/// The hex map's empty frame: its `<svg>` element without the hexes, the size the
/// whole map is, and a stop for the Tab key: what the widget puts in at once, before
/// the hexes (see [`hex_map_svg`]). `None` where no seat has a hex.
pub fn hex_map_frame(index: &Index, locale: &Locale) -> Option<SafeHtml> {
    let open = open_tag(&hex_bounds(index)?, locale);
    Some(SafeHtml(format!(r#"{} tabindex="0"></svg>"#, open.trim_end_matches('>'))))
}

fn open_tag(&HexBounds { q_min, q_max, r_min, r_max }: &HexBounds, locale: &Locale) -> String {
    let width = (q_max - q_min + 1) * 100 + 50;
    let height = (r_max - r_min) * 87 + 116;
    format!(r#"<svg viewBox="0 0 {width} {height}" role="group" aria-label="{}">"#, escape(locale.text(Label::NationalHexMap)))
}

/// The seats as hexes coloured by winner, each a link named for its seat: an `<svg>`
/// element, or nothing when the index has no hex layout. The map is one stop for the
/// Tab key, its north-west hex (the others have `tabindex="-1"`); the arrow keys move
/// between hexes (`national::hex_step`). Pointy-top hexagons 100 units wide, in whole
/// units (integer geometry keeps float formatting out of the widget): a side is 57.7,
/// rows are 86.6 apart.
pub fn hex_map_svg(index: &Index, fresh: &[String], locale: &Locale) -> Option<SafeHtml> {
    let placed: Vec<(&crate::model::IndexRow, [i32; 2])> = index.seats.iter().filter_map(|row| row.hex.map(|h| (row, h))).collect();
    let bounds = hex_bounds(index)?;
    let HexBounds { q_min, r_max, .. } = bounds;
    let first = placed.iter().min_by_key(|(_, hex)| {
        let (x, y) = crate::national::hex_centre(*hex);
        (y, x)
    });
    let first = first.map(|(row, _)| row.code.as_str());
    let mut out = String::with_capacity(placed.len() * 220);
    out.push_str(&open_tag(&bounds, locale));
    for (row, [q, r]) in placed {
        // odd-r: odd rows sit half a hex to the right; the map's rows count northwards.
        let shift = if r.rem_euclid(2) == 1 { 50 } else { 0 };
        let cx = (q - q_min) * 100 + shift + 50;
        let cy = (r_max - r) * 87 + 58;
        let party = row.party.as_deref().and_then(|id| index.party(id));
        let name = locale.seat_name(&row.name, row.name_cy.as_deref()).0;
        let label = match party {
            Some(p) => format!("{name}: {}, {}", p.name, locale.outcome(&index.outcome(row))),
            None => format!("{name}: {}", locale.text(Label::NationalAwaiting)),
        };
        let class = if fresh.contains(&row.code) { "rw-hex rw-fresh" } else { "rw-hex" };
        let colour = party.map_or("#cccccc", |p| p.colour.as_str());
        // One element a hex, drawn from its top corner with relative moves: a third
        // of the markup a group around a polygon took, for the browser to parse and
        // lay out 650 times.
        let _ = write!(
            out,
            r#"<path class="{class}" role="link" tabindex="{}" aria-label="{}" data-code="{}" d="M{cx} {}l50 29v58l-50 29-50-29v-58z" fill="{}"/>"#,
            if Some(row.code.as_str()) == first { "0" } else { "-1" },
            escape(&label),
            escape(&row.code),
            cy - 58,
            escape(colour)
        );
    }
    out.push_str("</svg>");
    Some(SafeHtml(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::national::tests::index;

    #[test]
    fn a_css_string_cannot_be_broken_out_of() {
        assert_eq!(css_string("E14001086"), r#""E14001086""#);
        assert_eq!(css_string(r#"a"] , *[x="#), r#""a\"] , *[x=""#);
        assert_eq!(css_string("back\\slash"), r#""back\\slash""#);
        assert_eq!(css_string("new\nline\u{0}"), "\"new\\a line\\0 \"");
    }

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(escape(r#"<img src=x onerror="a('b')">&"#), "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
        assert_eq!(escape("Ynys Môn"), "Ynys Môn");
    }

    #[test]
    fn every_seat_has_a_row_with_its_button_and_figures() {
        let index = index();
        let rows = seat_rows(&index, &[], &Locale::default());
        assert_eq!(rows.len(), 650);
        let bethnal = rows.iter().find(|r| r.contains(r#"data-code="E14001086""#)).unwrap();
        assert!(bethnal.contains(">Bethnal Green and Stepney</button>"), "{bethnal}");
        assert!(bethnal.contains("<td>Rushanara Ali</td>"), "{bethnal}");
        let hold = Locale::default().outcome(&crate::derive::Outcome::Hold { party: "Lab".into() });
        assert_eq!(
            bethnal.as_str(),
            format!(r#"<tr><th scope="row"><button type="button" class="rw-link" data-code="E14001086">Bethnal Green and Stepney</button></th><td>Rushanara Ali</td><td><span class="rw-party-label rw-c-e4003b-ff5c7a">Labour</span></td><td>{hold}</td><td>1,689</td><td>3.6%</td><td>57.3%</td></tr>"#)
        );
        assert!(rows.iter().all(|r| r.starts_with("<tr") && r.ends_with("</tr>") && r.matches("<td").count() == 6));
    }

    #[test]
    fn fresh_and_awaiting_seats_are_marked() {
        let mut index = index();
        index.seats[1].declared = false;
        index.seats[3].declared = false;
        index.seats[3].name = "A & B <Test>".into();
        let fresh = vec![index.seats[0].code.clone(), index.seats[3].code.clone()];
        let rows = seat_rows(&index, &fresh, &Locale::default());
        assert!(rows[0].starts_with(r#"<tr class="rw-fresh">"#));
        assert!(rows[1].starts_with(r#"<tr class="rw-awaiting">"#));
        assert!(rows[2].starts_with("<tr><th"));
        assert!(rows[3].starts_with(r#"<tr class="rw-fresh rw-awaiting">"#));
        assert!(rows[3].contains(">A &amp; B &lt;Test&gt;</button>"), "{}", rows[3]);
        let map = hex_map_svg(&index, &fresh, &Locale::default()).unwrap();
        assert_eq!(map.matches(r#"class="rw-hex rw-fresh""#).count(), 2);
    }

    #[test]
    fn the_hex_map_names_and_places_every_seat() {
        let index = index();
        let map = hex_map_svg(&index, &[], &Locale::default()).unwrap();
        assert_eq!(map.matches("<path").count(), 650);
        let hold = Locale::default().outcome(&crate::derive::Outcome::Hold { party: "Lab".into() });
        assert!(map.contains(&format!(r#"aria-label="Poplar and Limehouse: Labour, {hold}" data-code="E14001430""#)));
        assert!(map.starts_with(r#"<svg viewBox="0 0 "#) && map.ends_with("</svg>"));
        // One stop for the Tab key: the north-west hex, in Shetland.
        assert_eq!(map.matches(r#"tabindex="0""#).count(), 1);
        assert_eq!(map.matches(r#"tabindex="-1""#).count(), 649);
        let stop = map.split("<path").find(|p| p.contains(r#"tabindex="0""#)).unwrap();
        assert!(stop.contains("Orkney and Shetland"), "{stop}");
        let mut bare = index.clone();
        bare.seats.iter_mut().for_each(|s| s.hex = None);
        assert_eq!(hex_map_svg(&bare, &[], &Locale::default()), None);
        assert_eq!(hex_map_frame(&bare, &Locale::default()), None);
        let frame = hex_map_frame(&index, &Locale::default()).unwrap();
        assert!(frame.starts_with(r#"<svg viewBox="0 0 "#) && frame.ends_with(r#" tabindex="0"></svg>"#), "{}", frame.as_str());
    }

    #[test]
    fn hostile_strings_stay_text() {
        let label = party_label("#fff\" onload=\"x", Some("<b>"), "<script>alert(1)</script>");
        assert!(!label.contains("<script>") && !label.contains("\" onload") && !label.contains("<b>"), "{label}");
        assert_eq!(label, r#"<span class="rw-party-label rw-c-fffad-b">&lt;script&gt;alert(1)&lt;/script&gt;</span>"#);
        // Only hex digits reach a class or a rule, whatever the data holds (validation
        // refuses such colours before this in any case).
        assert_eq!(swatch_rule("#fff\" onload=\"x", Some("}body{x")), ".rw-c-fffad-bd{--rw-swatch:#fffad;--rw-swatch-dark:#bd;}");
    }

    #[test]
    fn one_swatch_rule_per_pair_of_colours() {
        let index = index();
        let rules = swatch_rules(&index.parties);
        assert!(rules.iter().any(|(class, rule)| class == "rw-c-e4003b-ff5c7a" && rule == ".rw-c-e4003b-ff5c7a{--rw-swatch:#e4003b;--rw-swatch-dark:#ff5c7a;}"), "{rules:?}");
        let mut classes: Vec<&String> = rules.iter().map(|(c, _)| c).collect();
        classes.dedup();
        assert_eq!(classes.len(), rules.len());
        assert!(rules.len() < index.parties.len(), "independents share a colour");
    }
}
