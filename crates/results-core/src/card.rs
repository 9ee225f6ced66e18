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
        let n = &locale.numbers;
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
                label: format!("{}, {}", row.name, row.party_name),
                value: n.percent(row.share),
                share: Some(row.share),
                colour: row.colour.clone(),
                dark_colour: row.dark_colour.clone(),
                elected: row.elected,
            })
            .collect();
        let rest = result.rows.get(shown..).unwrap_or_default();
        if !rest.is_empty() {
            let share: Option<f64> =
                (result.summary.seats <= 1).then(|| rest.iter().map(|row| row.share).sum());
            bars.push(CardBar {
                label: format!(
                    "{} ({})",
                    locale.text("chart.others"),
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
            ResultLine::Declared { outcome, .. } => {
                // Named as the reader's language names it, in the sentence as in the title.
                let named = SeatResult {
                    name: locale
                        .seat_name(&result.name, result.name_cy.as_deref())
                        .0
                        .to_string(),
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
            seat: locale
                .seat_name(&result.name, result.name_cy.as_deref())
                .0
                .to_string(),
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
        let mut text = match &self.detail {
            Some(detail) if crate::text::contains(detail, &self.seat) => {
                format!("{}: {detail}", self.election)
            }
            Some(detail) => format!(
                "{}, {}: {}. {detail}",
                self.seat, self.election, self.headline
            ),
            None => format!("{}, {}: {}.", self.seat, self.election, self.headline),
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

/// The average glyph of a wide sans-serif, as a fraction of its size: what a line's
/// width is reckoned by (SVG text does not wrap; `chart::layout::GLYPH` at 14 px).
/// DejaVu Sans, measured in Chromium on this card's lines: 0.50 regular, 0.62 bold.
const GLYPH: f64 = 0.6;
const BOLD_GLYPH: f64 = 0.66;

/// How many characters of text at `size` fit in `width`.
fn room(width: i32, size: i32) -> usize {
    (f64::from(width.max(0)) / (f64::from(size.max(1)) * GLYPH)) as usize
}

/// How many characters of bold text at `size` fit in `width`.
fn bold_room(width: i32, size: i32) -> usize {
    (f64::from(width.max(0)) / (f64::from(size.max(1)) * BOLD_GLYPH)) as usize
}

/// `text` broken between words into lines of at most `chars` characters, at most
/// `lines` of them; what does not fit ends the last line with "…".
pub fn wrap(text: &str, chars: usize, lines: usize) -> Vec<String> {
    let chars = chars.max(2);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let wanted = if line.is_empty() {
            word.chars().count()
        } else {
            line.chars().count() + 1 + word.chars().count()
        };
        if wanted <= chars {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if out.len() == lines {
            cut = true;
            break;
        }
        line = shorten(word, chars);
    }
    if !line.is_empty() {
        if out.len() < lines {
            out.push(line);
        } else {
            cut = true;
        }
    }
    if cut {
        if let Some(last) = out.last_mut() {
            let mut short: String = last
                .chars()
                .take(chars - 1)
                .collect::<String>()
                .trim_end()
                .to_string();
            short.push('…');
            *last = short;
        }
    }
    out
}

/// `word` cut to `chars` characters, the last of them "…", where it is longer.
fn shorten(word: &str, chars: usize) -> String {
    if word.chars().count() <= chars {
        return word.to_string();
    }
    let mut short: String = word.chars().take(chars.saturating_sub(1)).collect();
    short.push('…');
    short
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
        let _ = writeln!(self.svg, "<text x=\"{x}\" y=\"{baseline}\" font-size=\"{size}\" fill=\"{fill}\"{weight}>{}</text>", escape(text));
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
        .map(|text| wrap(text, room(w - 2 * pad, credit_size), 2))
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
    // and the seat's name from 64 px down to 40 with it; else smaller, or cut.
    let sizes = [28, 24, SMALLEST_DETAIL]
        .into_iter()
        .flat_map(|detail| (40..=64).rev().step_by(4).map(move |seat| (seat, detail)));
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
    let chosen = sizes.clone().find(fits).unwrap_or((40, SMALLEST_DETAIL));
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
    let alt = escape(&card.alt_text());
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"card-title\" font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\" color=\"{text}\">\n<title id=\"card-title\">{alt}</title>\n<rect width=\"{width}\" height=\"{height}\" fill=\"{background}\"/>\n{}</svg>\n",
        canvas.svg
    )
}

/// The election, the seat (its name at `seat_size`), the headline (beside the
/// winner's colour) and the detail (at `detail_size`), from the top of `area`; the
/// height used, or `i32::MAX` where the name or the detail would be cut at its size.
fn words_block(
    canvas: &mut Canvas,
    card: &Card,
    area: Area,
    (seat_size, detail_size): (i32, i32),
) -> i32 {
    let mut y = area.y;
    y += canvas.lines(
        &wrap(&card.election, room(area.w, 28), 2),
        (area.x, y),
        28,
        (false, true),
    ) + 12;
    // At a size where the name needs more than three lines, it is cut.
    let whole = card.seat.split_whitespace().collect::<Vec<_>>().join(" ");
    if seat_size > 40 && wrap(&card.seat, bold_room(area.w, seat_size), 3).join(" ") != whole {
        return i32::MAX;
    }
    y += canvas.lines(
        &wrap(&card.seat, bold_room(area.w, seat_size), 3),
        (area.x, y),
        seat_size,
        (true, false),
    ) + 20;
    let swatch = 36;
    let indent = if let Some((colour, dark)) = &card.colour {
        canvas.rect((area.x, y + 2), (swatch, swatch), colour, dark.as_deref());
        swatch + 16
    } else {
        0
    };
    y += canvas.lines(
        &wrap(&card.headline, bold_room(area.w - indent, 36), 2),
        (area.x + indent, y),
        36,
        (true, false),
    ) + 16;
    if let Some(detail) = &card.detail {
        // At a size where the words need more than six lines, they are cut.
        let whole = detail.split_whitespace().collect::<Vec<_>>().join(" ");
        let lines = wrap(detail, room(area.w, detail_size), 6);
        if detail_size > SMALLEST_DETAIL && lines.join(" ") != whole {
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
    let value_room = room_for("100.0%", size) + 12;
    let longest = card
        .bars
        .iter()
        .filter_map(|bar| bar.share)
        .fold(0.0_f64, f64::max);
    for (i, bar) in card.bars.iter().enumerate() {
        let top = area.y + i as i32 * row;
        let chars = if bar.elected {
            bold_room(area.w, size)
        } else {
            room(area.w, size)
        };
        let label = wrap(&bar.label, chars, 1).concat();
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

/// The width of `text` at `size`, as reckoned for wrapping.
fn room_for(text: &str, size: i32) -> i32 {
    (text.chars().count() as f64 * f64::from(size) * GLYPH).ceil() as i32
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
    fn wrapping_breaks_between_words_and_marks_what_is_cut() {
        assert_eq!(
            wrap("Bethnal Green and Stepney", 14, 3),
            ["Bethnal Green", "and Stepney"]
        );
        assert_eq!(
            wrap("Bethnal Green and Stepney", 40, 3),
            ["Bethnal Green and Stepney"]
        );
        assert_eq!(
            wrap("one two three four five six", 7, 2),
            ["one two", "three…"]
        );
        assert_eq!(wrap("", 10, 2), Vec::<String>::new());
        // A word longer than a line is shortened, not spilled past the edge.
        let long = wrap(
            "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
            20,
            2,
        );
        assert_eq!(long.len(), 1);
        assert!(
            long.iter().all(|line| line.chars().count() <= 20),
            "{long:?}"
        );
        for lines in 1..4 {
            for chars in 2..30 {
                let out = wrap("Contains Parliamentary information licensed under the Open Parliament Licence v3.0", chars, lines);
                assert!(out.len() <= lines, "{chars} {lines}: {out:?}");
                assert!(
                    out.iter().all(|line| line.chars().count() <= chars),
                    "{chars} {lines}: {out:?}"
                );
            }
        }
    }
}
