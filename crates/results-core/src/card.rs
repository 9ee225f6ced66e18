//! A seat's result as a social card: an image for a post or a print page, drawn as
//! a standalone SVG document at a social network's size (1200 by 675, or 1080 by
//! 1080). The card is a typed model first ([`Card`]: the words and figures in the
//! locale's language), then SVG drawn from it ([`card_svg`]), as the charts are.
//!
//! What a card holds: the election, the seat, the outcome ("hold" or "gain"), the
//! story in one sentence (the majority, over whom, up or down from last time: the
//! screen reader's summary, `history::spoken_summary`), the votes of the leading candidates as bars (the rest
//! as one "Others" bar, so the bars always add up to the whole count) and the data's
//! credit, as its licence asks.

use std::fmt::Write as _;

use crate::chart::OTHERS_COLOUR;
use crate::derive::SeatResult;
use crate::html::escape;
use crate::locale::Locale;
use crate::view::{ResultLine, Winners};
use crate::locale::Label;

/// The card's shape, by the size social networks show without cropping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// 1200 by 675 (16:9): link previews and most timelines.
    #[default]
    Landscape,
    /// 1080 by 1080: square posts.
    Square,
}

impl Shape {
    /// Width and height in pixels.
    pub fn size(self) -> (u32, u32) {
        match self {
            Shape::Landscape => (1200, 675),
            Shape::Square => (1080, 1080),
        }
    }

    /// `1200x675` or `1080x1080` (as a command line writes it).
    pub fn parse(text: &str) -> Option<Shape> {
        [Shape::Landscape, Shape::Square].into_iter().find(|shape| {
            let (w, h) = shape.size();
            text.trim().eq_ignore_ascii_case(&format!("{w}x{h}"))
        })
    }
}

/// The card's colours: the widget's own light and dark schemes (styles/widget.css).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// `light` or `dark`.
    pub fn parse(text: &str) -> Option<Theme> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// (background, text, muted text), as the widget's `--rw-background`,
    /// `--rw-text` and `--rw-muted` default to in this scheme.
    fn colours(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Theme::Light => ("#ffffff", "#1a1a1a", "#555555"),
            Theme::Dark => ("#161616", "#ececec", "#ababab"),
        }
    }
}

/// One bar of the card: a candidate (or the others together) and their share.
#[derive(Debug, Clone, PartialEq)]
pub struct CardBar {
    /// "Rushanara Ali, Labour".
    pub label: String,
    /// "34.1%"; empty where there is no bar.
    pub value: String,
    /// Fraction of the votes, 0 to 1; none for the others of a contest for several
    /// seats, whose shares (each of the ballots) do not add up.
    pub share: Option<f64>,
    /// `#rrggbb` in the light scheme, and the dark scheme's where the party has one.
    pub colour: String,
    pub dark_colour: Option<String>,
    /// Elected: drawn in bold.
    pub elected: bool,
}

/// A seat's result as a card shows it, in the locale's words and numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// "2024 general election".
    pub election: String,
    /// The seat's name (in Welsh where the locale speaks it and the seat has one).
    pub seat: String,
    /// The outcome in words (`Locale::outcome`), or why there is none yet.
    pub headline: String,
    /// The result in one sentence, where the seat has declared: "Labour held Bethnal
    /// Green and Stepney with a majority of 1,689 over an independent, down from
    /// 37,524 in 2019."; where several were elected, who they are and the margin.
    pub detail: Option<String>,
    /// The winner's colour, beside the headline, where there is one winner.
    pub colour: Option<(String, Option<String>)>,
    /// The leading candidates by votes, then the others together.
    pub bars: Vec<CardBar>,
    /// The data's credit, as its licence asks ("Contains Parliamentary information
    /// licensed under the Open Parliament Licence v3.0").
    pub credit: Option<String>,
}

impl Card {
    /// The card of `result` (`before`: the result it is compared with, see
    /// `history::previous`), with at most `most_bars` bars: where more candidates
    /// stood, the leading `most_bars - 1` and one bar of the others together.
    pub fn new(
        result: &SeatResult,
        before: Option<&SeatResult>,
        credit: Option<&str>,
        locale: &Locale,
        most_bars: usize,
    ) -> Card {
        let staged = !result.summary.stages.is_empty();
        let n = &locale.numbers;
        // Named as the reader's language names it, in the title as in the sentence.
        let seat = locale
            .seat_name(&result.name, result.name_cy.as_deref())
            .0
            .to_string();
        let most_bars = most_bars.max(2);
        let shown = if result.rows.len() > most_bars {
            most_bars - 1
        } else {
            result.rows.len()
        };
        let mut bars: Vec<CardBar> = result
            .rows
            .iter()
            .take(shown)
            .map(|row| CardBar {
                // As the widget's chart labels them.
                label: crate::chart::first_label(row, staged, locale),
                value: n.percent(row.share),
                share: Some(row.share),
                colour: row.colour.clone(),
                dark_colour: row.dark_colour.clone(),
                elected: row.elected,
            })
            .collect();
        let rest = result.rows.get(shown..).unwrap_or_default();
        if !rest.is_empty() {
            let share: Option<f64> = (result.summary.seats <= 1 || result.summary.transferable)
                .then(|| rest.iter().map(|row| row.share).sum());
            bars.push(CardBar {
                label: format!(
                    "{} ({})",
                    locale.text(Label::ChartOthers),
                    n.thousands(rest.len() as u64)
                ),
                value: share.map(|share| n.percent(share)).unwrap_or_default(),
                share,
                colour: OTHERS_COLOUR.to_string(),
                dark_colour: None,
                elected: false,
            });
        }
        let (headline, detail) = match ResultLine::new(result, locale) {
            ResultLine::NoCandidates(words) | ResultLine::Awaiting(words) => (words, None),
            // Several elected: who they are (the story would repeat the headline's
            // seats), then the margin or how the count was made.
            ResultLine::Declared {
                outcome,
                winners: Winners::Several(list),
                majority,
                ..
            } => (outcome, Some(format!("{list} {majority}"))),
            // A count with stages: its majority is after them ("after second
            // preferences"), where the bars are first preferences.
            ResultLine::Declared {
                outcome,
                winners: Winners::One { name, .. },
                majority,
                ..
            } if staged => (
                outcome,
                Some(format!(
                    "{} {majority}",
                    locale.fill(Label::ResultElectedList, &[("names", &name)])
                )),
            ),
            ResultLine::Declared { outcome, .. } => {
                let named = SeatResult {
                    name: seat.clone(),
                    ..result.clone()
                };
                (
                    outcome,
                    Some(crate::history::spoken_summary(&named, before, locale)),
                )
            }
        };
        // One winner's colour; several parties' seats have no one colour.
        let colour = (result.summary.declared && result.summary.seats <= 1)
            .then(|| {
                result
                    .winner()
                    .map(|w| (w.colour.clone(), w.dark_colour.clone()))
            })
            .flatten();
        Card {
            election: result.election_name.clone(),
            seat,
            headline,
            detail,
            colour,
            bars,
            credit: credit.map(str::to_string),
        }
    }

    /// The bars a card of `shape` has room for.
    pub fn bars_for(shape: Shape) -> usize {
        match shape {
            Shape::Landscape => 6,
            Shape::Square => 8,
        }
    }

    /// The card in words, for the image's accessible name and a post's alt text:
    /// "2024 general election: Labour held Bethnal Green and Stepney with a majority
    /// of 1,689 ... Rushanara Ali, Labour 34.1%; ..." (the story names the seat; where
    /// the words do not name it, "Bethnal Green East, Tower Hamlets council election
    /// 2022: Lab 2, Aspire 1. Elected: ...").
    pub fn alt_text(&self) -> String {
        // The election's name may name the seat already ("Mayor of Tower Hamlets
        // election 2022"), as `chart::result_title` allows for.
        let place = if crate::text::contains(&self.election, &self.seat) {
            self.election.clone()
        } else {
            format!("{}, {}", self.seat, self.election)
        };
        let mut text = match &self.detail {
            Some(detail) if crate::text::contains(detail, &self.seat) => {
                format!("{}: {detail}", self.election)
            }
            Some(detail) => format!("{place}: {}. {detail}", self.headline),
            None => format!("{place}: {}.", self.headline),
        };
        let bars: Vec<String> = self
            .bars
            .iter()
            .map(|bar| {
                format!("{} {}", bar.label, bar.value)
                    .trim_end()
                    .to_string()
            })
            .collect();
        if !bars.is_empty() {
            let _ = write!(text, " {}.", bars.join("; "));
        }
        text
    }
}

/// The smallest size the story is drawn at, in pixels: below it, it is cut.
const SMALLEST_DETAIL: i32 = 22;
/// The smallest size the seat's name is drawn at.
const SMALLEST_SEAT: i32 = 28;

/// How wide a character is drawn, as a fraction of the text's size: DejaVu Sans's
/// advances (the card's first font), by class and rounded up, so a line reckoned to
/// fit does fit (SVG text does not wrap). Bold is about a tenth wider.
fn advance(c: char, bold: bool) -> f64 {
    let regular = match c {
        'i' | 'j' | 'l' | '\'' | ',' | '.' | ':' | ';' | '!' | '|' => 0.3,
        ' ' | 'f' | 't' | 'r' | '-' | '(' | ')' | '/' | 'I' | 'J' => 0.42,
        'm' | 'M' | 'W' | '%' | '…' => 1.0,
        'w' => 0.84,
        'A'..='Z' => 0.76,
        '0'..='9' => 0.64,
        c if c.is_ascii() => 0.64,
        // East Asian scripts (a font may lack them: drawn as boxes, as wide).
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}' => 1.0,
        _ => 0.7,
    };
    if bold {
        regular * 1.12
    } else {
        regular
    }
}

/// The width of `text` drawn at `size`, bold or not, as reckoned for fitting.
fn width_of(text: &str, size: i32, bold: bool) -> i32 {
    (text.chars().map(|c| advance(c, bold)).sum::<f64>() * f64::from(size)).ceil() as i32
}

/// How text is set: its size in pixels and whether bold.
#[derive(Clone, Copy)]
struct Font {
    size: i32,
    bold: bool,
}

/// `text` broken into at most `lines` lines that each fit `width` in `font`: after a
/// space, a hyphen or a slash ("Newcastle-under-Lyme", "Corstorphine/Murrayfield");
/// what does not fit ends the last line with "…". Also whether it was cut.
fn wrap(text: &str, width: i32, font: Font, lines: usize) -> (Vec<String>, bool) {
    let fits = |line: &str| width_of(line.trim_end(), font.size, font.bold) <= width;
    // The pieces a line may end after.
    let mut pieces: Vec<String> = Vec::new();
    let mut piece = String::new();
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        piece.push(c);
        if matches!(c, ' ' | '-' | '/') {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        if fits(&(line.clone() + &piece)) {
            line.push_str(&piece);
            continue;
        }
        if !line.is_empty() {
            out.push(line.trim_end().to_string());
        }
        line = piece;
    }
    if !line.trim_end().is_empty() {
        out.push(line.trim_end().to_string());
    }
    let cut = out.len() > lines || out.iter().any(|line| !fits(line));
    out.truncate(lines.max(1));
    if cut {
        for (i, line) in out.iter_mut().enumerate() {
            if i + 1 == lines || !fits(line) {
                let mut short: String = line.clone();
                while !short.is_empty() && !fits(&(short.trim_end().to_string() + "…")) {
                    short.pop();
                }
                *line = short.trim_end().to_string() + "…";
            }
        }
    }
    (out, cut)
}

/// `text` escaped for the card's XML, without the characters XML does not allow
/// (control characters but tab and line ends, U+FFFE and U+FFFF), which a results
/// file may hold and would make the whole card unreadable.
fn xml(text: &str) -> String {
    let allowed = |c: &char| {
        matches!(c, '\t' | '\n' | '\r') || (*c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    };
    escape(&text.chars().filter(allowed).collect::<String>())
}

/// An SVG writer at the card's scale: text in the card's font, rectangles.
struct Canvas {
    svg: String,
    colours: (&'static str, &'static str, &'static str),
    dark: bool,
}

impl Canvas {
    /// A line of text whose top is at `y`, `size` pixels high; `muted` in the muted
    /// colour, `bold` in bold.
    fn text(&mut self, text: &str, (x, y): (i32, i32), size: i32, (bold, muted): (bool, bool)) {
        let fill = if muted {
            self.colours.2
        } else {
            self.colours.1
        };
        let weight = if bold { " font-weight=\"700\"" } else { "" };
        let baseline = y + size * 4 / 5;
        let _ = writeln!(self.svg, "<text x=\"{x}\" y=\"{baseline}\" font-size=\"{size}\" fill=\"{fill}\"{weight}>{}</text>", xml(text));
    }

    /// Lines of text from `y`, each `size` high with a fifth between; the height used.
    fn lines(
        &mut self,
        lines: &[String],
        (x, y): (i32, i32),
        size: i32,
        style: (bool, bool),
    ) -> i32 {
        let step = size * 6 / 5;
        for (i, line) in lines.iter().enumerate() {
            self.text(line, (x, y + i as i32 * step), size, style);
        }
        lines.len() as i32 * step
    }

    /// A rectangle from `(x, y)`, `w` by `h`, in a party's colour for the scheme.
    fn rect(
        &mut self,
        (x, y): (i32, i32),
        (w, h): (i32, i32),
        colour: &str,
        dark_colour: Option<&str>,
    ) {
        let fill = match dark_colour {
            Some(dark) if self.dark => dark,
            _ => colour,
        };
        let _ = writeln!(
            self.svg,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            w.max(0),
            h.max(0),
            escape(fill)
        );
    }
}

/// A box on the card: its left, top, width and height.
#[derive(Clone, Copy)]
struct Area {
    x: i32,
    y: i32,
    w: i32,
    h: i32,
}

/// The card drawn as a standalone SVG document of `shape`'s size in `theme`'s
/// colours, with the card in words as its accessible name.
///
/// Landscape puts the words on the left and the bars on the right; square puts the
/// words above the bars. The credit runs along the foot of both.
pub fn card_svg(card: &Card, shape: Shape, theme: Theme) -> String {
    let (width, height) = shape.size();
    let (w, h) = (width as i32, height as i32);
    let pad = 56;
    let mut canvas = Canvas {
        svg: String::new(),
        colours: theme.colours(),
        dark: theme == Theme::Dark,
    };

    // The credit along the foot, in at most two lines.
    let credit_size = 20;
    let credit = card
        .credit
        .as_deref()
        .map(|text| {
            wrap(
                text,
                w - 2 * pad,
                Font {
                    size: credit_size,
                    bold: false,
                },
                2,
            )
            .0
        })
        .unwrap_or_default();
    let foot = credit.len() as i32 * credit_size * 6 / 5;
    let body_bottom = h - pad - if foot > 0 { foot + 24 } else { 0 };
    canvas.lines(&credit, (pad, h - pad - foot), credit_size, (false, true));

    let (words, bars) = match shape {
        Shape::Landscape => {
            let split = 460;
            (
                Area {
                    x: pad,
                    y: pad,
                    w: split,
                    h: body_bottom - pad,
                },
                Area {
                    x: pad + split + 40,
                    y: pad,
                    w: w - 2 * pad - split - 40,
                    h: body_bottom - pad,
                },
            )
        }
        Shape::Square => (
            Area {
                x: pad,
                y: pad,
                w: w - 2 * pad,
                h: (body_bottom - pad) / 2,
            },
            Area {
                x: pad,
                y: 0,
                w: w - 2 * pad,
                h: 0,
            },
        ),
    };
    // The words as large as fit their area, whole: the story at 28 px if it can be,
    // and the seat's name from 64 px down to 28 with it; else smaller, or cut.
    let sizes = [28, 24, SMALLEST_DETAIL].into_iter().flat_map(|detail| {
        (SMALLEST_SEAT..=64)
            .rev()
            .step_by(4)
            .map(move |seat| (seat, detail))
    });
    let fits = |sizes: &(i32, i32)| {
        words_block(
            &mut Canvas {
                svg: String::new(),
                ..canvas
            },
            card,
            words,
            *sizes,
        ) <= words.h
    };
    let chosen = sizes
        .clone()
        .find(fits)
        .unwrap_or((SMALLEST_SEAT, SMALLEST_DETAIL));
    let used = words_block(&mut canvas, card, words, chosen);
    let bars = match shape {
        Shape::Landscape => bars,
        Shape::Square => Area {
            y: pad + used + 32,
            h: body_bottom - pad - used - 32,
            ..bars
        },
    };
    bars_block(&mut canvas, card, bars);

    let (background, text, _) = theme.colours();
    let alt = xml(&card.alt_text());
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"card-title\" font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\" color=\"{text}\">\n<title id=\"card-title\">{alt}</title>\n<rect width=\"{width}\" height=\"{height}\" fill=\"{background}\"/>\n{}</svg>\n",
        canvas.svg
    )
}

/// The election, the seat (its name at `seat_size`), the headline (beside the
/// winner's colour) and the detail (at `detail_size`), from the top of `area`; the
/// height used, or `i32::MAX` where the name or the detail would be cut at its size
/// (but the smallest).
fn words_block(
    canvas: &mut Canvas,
    card: &Card,
    area: Area,
    (seat_size, detail_size): (i32, i32),
) -> i32 {
    let mut y = area.y;
    let election = Font {
        size: 28,
        bold: false,
    };
    y += canvas.lines(
        &wrap(&card.election, area.w, election, 2).0,
        (area.x, y),
        election.size,
        (false, true),
    ) + 12;
    let seat = Font {
        size: seat_size,
        bold: true,
    };
    let (name, cut) = wrap(&card.seat, area.w, seat, 3);
    if cut && seat_size > SMALLEST_SEAT {
        return i32::MAX;
    }
    y += canvas.lines(&name, (area.x, y), seat_size, (true, false)) + 20;
    let swatch = 36;
    let indent = if let Some((colour, dark)) = &card.colour {
        canvas.rect((area.x, y + 2), (swatch, swatch), colour, dark.as_deref());
        swatch + 16
    } else {
        0
    };
    let headline = Font {
        size: 36,
        bold: true,
    };
    y += canvas.lines(
        &wrap(&card.headline, area.w - indent, headline, 2).0,
        (area.x + indent, y),
        headline.size,
        (true, false),
    ) + 16;
    if let Some(detail) = &card.detail {
        let (lines, cut) = wrap(
            detail,
            area.w,
            Font {
                size: detail_size,
                bold: false,
            },
            6,
        );
        if cut && detail_size > SMALLEST_DETAIL {
            return i32::MAX;
        }
        y += canvas.lines(&lines, (area.x, y), detail_size, (false, false));
    }
    y - area.y
}

/// The bars, each a label above a bar with its share at its end, filling `area`.
fn bars_block(canvas: &mut Canvas, card: &Card, area: Area) {
    let count = card.bars.len().max(1) as i32;
    // Each row: a label, a gap, a bar, a gap; as tall as the area allows, to a limit.
    let row = (area.h / count).clamp(36, 96);
    let size = (row * 3 / 10).clamp(18, 28);
    let bar_height = (row * 2 / 5).clamp(12, 36);
    let value_room = width_of("100.0%", size, false) + 12;
    let longest = card
        .bars
        .iter()
        .filter_map(|bar| bar.share)
        .fold(0.0_f64, f64::max);
    for (i, bar) in card.bars.iter().enumerate() {
        let top = area.y + i as i32 * row;
        let label = wrap(
            &bar.label,
            area.w,
            Font {
                size,
                bold: bar.elected,
            },
            1,
        )
        .0
        .concat();
        canvas.text(&label, (area.x, top), size, (bar.elected, false));
        let Some(share) = bar.share else { continue };
        let full = f64::from(area.w - value_room);
        let length = if longest > 0.0 {
            ((share / longest) * full).round() as i32
        } else {
            0
        }
        .max(2);
        let y = top + size + 8;
        canvas.rect(
            (area.x, y),
            (length, bar_height),
            &bar.colour,
            bar.dark_colour.as_deref(),
        );
        canvas.text(
            &bar.value,
            (area.x + length + 10, y + (bar_height - size) / 2),
            size,
            (false, false),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_themes_read_as_a_command_line_writes_them() {
        assert_eq!(Shape::parse("1200x675"), Some(Shape::Landscape));
        assert_eq!(Shape::parse(" 1080X1080 "), Some(Shape::Square));
        assert_eq!(Shape::parse("800x600"), None);
        assert_eq!(Theme::parse("Dark"), Some(Theme::Dark));
        assert_eq!(Theme::parse("light"), Some(Theme::Light));
        assert_eq!(Theme::parse("sepia"), None);
    }

    #[test]
    fn wrapping_breaks_after_spaces_hyphens_and_slashes_and_marks_what_is_cut() {
        let font = Font {
            size: 20,
            bold: false,
        };
        let at = |text: &str| width_of(text, 20, false);
        assert_eq!(
            wrap("Bethnal Green and Stepney", at("Bethnal Green"), font, 3),
            (
                vec!["Bethnal Green".to_string(), "and Stepney".into()],
                false
            )
        );
        assert_eq!(
            wrap("Bethnal Green and Stepney", 2000, font, 3).0,
            ["Bethnal Green and Stepney"]
        );
        assert_eq!(
            wrap("Newcastle-under-Lyme", at("Newcastle-under-"), font, 3).0,
            ["Newcastle-under-", "Lyme"]
        );
        assert_eq!(
            wrap("Corstorphine/Murrayfield", at("Corstorphine/"), font, 3).0,
            ["Corstorphine/", "Murrayfield"]
        );
        let (two, cut) = wrap("one two three four five six", at("one two"), font, 2);
        assert!(cut && two.len() == 2 && two[1].ends_with('…'), "{two:?}");
        assert_eq!(wrap("", 100, font, 2), (Vec::<String>::new(), false));
        // A word longer than a line is shortened, not spilled past the edge.
        for width in [40, 100, 300] {
            for lines in 1..4 {
                for text in ["Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch", "Contains Parliamentary information licensed under the Open Parliament Licence v3.0", "MONTGOMERYSHIRE AND GLYNDŴR", "東京都 選挙区"] {
                    let (out, _) = wrap(text, width, font, lines);
                    assert!(out.len() <= lines, "{width} {lines}: {out:?}");
                    assert!(out.iter().all(|line| at(line) <= width || line.chars().count() <= 1), "{width} {lines}: {out:?}");
                }
            }
        }
        // Capitals and wide letters are reckoned wider than the average.
        assert!(width_of("MMMM", 20, false) > width_of("iiii", 20, false) * 3);
        assert!(width_of("Abc", 20, true) > width_of("Abc", 20, false));
    }
}
