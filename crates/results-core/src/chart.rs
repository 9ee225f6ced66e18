//! Charts as pure functions: a spec computed from a result, then SVG drawn from the
//! spec. The widget only places the SVG.

use std::fmt::Write as _;

use crate::derive::SeatResult;
use crate::html::{escape, escape_into, SafeHtml};
use crate::locale::Locale;
use crate::sort::{sort_by_key_stable, Direction, Key};
use crate::locale::Label;

/// A chart's marks, filled rectangles and lines of text, as SVG elements, written as
/// plotters' SVG backend wrote them when it drew the charts: its drawing code cost
/// the widget 2.7 KB gzip.
#[derive(Default)]
struct Marks(String);

impl Marks {
    /// A rectangle from `(x0, y0)` to `(x1, y1)` filled with `colour`.
    fn rect(&mut self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), colour: &str) {
        let (r, g, b) = parse_colour(colour);
        let _ = writeln!(
            self.0,
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" opacity=\"1\" fill=\"#{r:02X}{g:02X}{b:02X}\" stroke=\"none\"/>",
            x1 - x0,
            y1 - y0
        );
    }

    /// A line of text in the page's own font ("inherit") at the labels' size, from
    /// `(x, y)`: below it, or (`centred`) centred on it vertically.
    fn text(&mut self, text: &str, (x, y): (i32, i32), centred: bool) {
        let dy = if centred { "0.5ex" } else { "0.76em" };
        let _ = writeln!(
            self.0,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"start\" font-family=\"inherit\" font-size=\"{}\" opacity=\"1\" fill=\"#000000\">",
            layout::LABEL_SIZE
        );
        escape_into(&mut self.0, text);
        self.0.push_str("\n</text>\n");
    }
}

/// One bar: a labelled value with its party colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The line above the bar ("Rushanara Ali, Labour").
    pub label: String,
    /// The figure at the end of the bar ("34.1%").
    pub value_label: String,
    /// Length as a fraction of the longest bar, 0 to 1.
    pub length: f64,
    /// Fill colour as `#rrggbb` (validated by the data's checks).
    pub colour: String,
}

/// A horizontal bar chart, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// The chart's accessible name.
    pub title: String,
    /// The chart's accessible description: every bar in words.
    pub description: String,
    pub bars: Vec<Bar>,
    /// Colours with a dark-mode variant: (colour, dark colour).
    pub dark: Vec<(String, String)>,
    /// A line across the bars at a length (a fraction, as the bars'), with its
    /// label: a count's quota.
    pub line: Option<(f64, String)>,
}

/// The (colour, dark colour) pairs among `pairs`, each once.
/// (A `dyn` iterator: one copy of this code for every chart's kind of rows.)
pub(crate) fn dark_pairs<'a>(pairs: &mut dyn Iterator<Item = (&'a str, Option<&'a str>)>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (colour, dark) in pairs {
        if let Some(dark) = dark {
            if !out.iter().any(|(c, _)| c == colour) {
                out.push((colour.to_string(), dark.to_string()));
            }
        }
    }
    out
}

impl BarChart {
    /// Vote share per candidate, in rank order; in a count with stages, then each
    /// later stage's totals for the candidates still in it.
    pub fn vote_share(result: &SeatResult, locale: &Locale) -> BarChart {
        let n = &locale.numbers;
        // One scale for every bar, the first count's and each later stage's, so a
        // candidate's growth between stages shows.
        let most = result.rows.iter().map(|r| r.stages.iter().fold(r.votes, |a, &b| a.max(b))).max().unwrap_or(0).max(1) as f64;
        let staged = !result.summary.stages.is_empty();
        let mut bars: Vec<Bar> = result
            .rows
            .iter()
            .map(|row| Bar {
                label: first_label(row, staged, locale),
                value_label: n.percent(row.share),
                length: row.votes as f64 / most,
                colour: row.colour.clone(),
            })
            .collect();
        for (k, stage) in result.summary.stages.iter().enumerate() {
            let at_stage: Vec<(&crate::derive::Row, u64)> = result.rows.iter().filter_map(|r| r.stages.get(k).map(|v| (r, *v))).collect();
            for (row, votes) in at_stage {
                bars.push(Bar {
                    label: format!("{}, {}: {}", row.name, row.party_name, crate::locale::in_sentence(stage)),
                    value_label: n.thousands(votes),
                    length: votes as f64 / most,
                    colour: row.colour.clone(),
                });
            }
        }
        let description = bars
            .iter()
            .map(|bar| format!("{}: {}", bar.label, bar.value_label))
            .collect::<Vec<_>>()
            .join("; ");
        BarChart {
            title: result_title(result, locale, (Label::ResultChart, Label::ResultChartElection)),
            description: format!("{description}."),
            bars,
            dark: dark_pairs(&mut result.rows.iter().map(|r| (r.colour.as_str(), r.dark_colour.as_deref()))),
            line: None,
        }
    }
}

/// A candidate's bar of the first count, as a chart and a card label it: "Rushanara
/// Ali, Labour"; in a count with stages, "…: first preferences".
pub(crate) fn first_label(row: &crate::derive::Row, staged: bool, locale: &Locale) -> String {
    if staged {
        format!("{}, {}: {}", row.name, row.party_name, locale.text(Label::ChartFirstPreferences))
    } else {
        format!("{}, {}", row.name, row.party_name)
    }
}

/// A seat's result named for its table's caption or its chart (the `keys`): the seat
/// and the election ("Votes by candidate, Poplar and Limehouse, 2024 general
/// election"), or the election alone (the second key) where its name names the seat
/// already ("Votes by candidate, Mayor of Tower Hamlets election 2022").
pub fn result_title(result: &SeatResult, locale: &Locale, keys: (Label, Label)) -> String {
    let election = ("election", result.election_name.as_str());
    if crate::text::contains(&result.election_name, &result.name) {
        locale.fill(keys.1, &[election])
    } else {
        locale.fill(keys.0, &[("seat", &result.name), election])
    }
}

/// Layout of the bar chart, in SVG user units. The widget draws the chart as wide as
/// its container, so a unit is a CSS pixel and text is 14 px at every width; the
/// SVG still scales (zoom, rotation) and stays crisp.
pub mod layout {
    /// The width drawn when the container's is not known (server rendering).
    pub const WIDTH: u32 = 360;
    pub const MIN_WIDTH: u32 = 260;
    pub const MAX_WIDTH: u32 = 640;
    pub const MARGIN: i32 = 4;
    pub const ROW: i32 = 44;
    /// Text size as the reader sees it.
    pub const LABEL_SIZE: u32 = 14;
    pub const BAR_TOP: i32 = 20;
    pub const BAR_HEIGHT: i32 = 16;
    /// Room kept to the right of the longest bar for its value ("100.0%").
    pub const VALUE_ROOM: i32 = 56;
    /// The average glyph of a wide sans-serif (DejaVu Sans, the Linux default) at
    /// the labels' size, in units: what a label's width is reckoned by.
    pub const GLYPH: f64 = 8.4;
}

/// A label shortened with "…" to fit `width` units at the chart's text size (SVG
/// text does not wrap), reckoned at [`layout::GLYPH`] units a character; the full
/// label stays in the chart's description and the table.
pub fn fit_label(label: &str, width: i32) -> String {
    let room = (f64::from(width.max(0)) / layout::GLYPH) as usize;
    if label.chars().count() <= room || room < 2 {
        return label.to_string();
    }
    let mut short: String = label.chars().take(room - 1).collect();
    short.push('…');
    short
}

fn parse_colour(hex: &str) -> (u8, u8, u8) {
    let hex = hex.trim_start_matches('#');
    let channel = |i: usize, width: usize| {
        hex.get(i * width..(i + 1) * width)
            .and_then(|part| u64::from_str_radix(part, 16).ok())
            .and_then(|v| u8::try_from(v).ok())
            .map_or(0x76, |v| if width == 1 { v * 17 } else { v })
    };
    let width = if hex.len() == 3 { 1 } else { 2 };
    (channel(0, width), channel(1, width), channel(2, width))
}

/// Draws the chart as an SVG document with `role="img"`, a `<title>` and a `<desc>`.
/// `id` must be unique on the page: it names the title and description.
/// `width` is the container's width in CSS pixels, clamped to a readable range.
pub fn bar_chart_svg(chart: &BarChart, id: &str, width: u32) -> SafeHtml {
    use layout::*;
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    // A line's label goes on a line of its own above the bars.
    let above = if chart.line.is_some() { 22 } else { 0 };
    let height = (chart.bars.len() as i32 * ROW + 2 * MARGIN + above).max(ROW) as u32;
    let mut marks = Marks::default();
    let full = width as i32 - 2 * MARGIN - VALUE_ROOM;
    let at = |length: f64| ((length.clamp(0.0, 1.0) * f64::from(full)).round() as i32).max(2);
    for (i, bar) in chart.bars.iter().enumerate() {
        let top = MARGIN + above + i as i32 * ROW;
        marks.text(&fit_label(&bar.label, width as i32 - 2 * MARGIN), (MARGIN, top), false);
        let length = at(bar.length);
        let y = top + BAR_TOP;
        marks.rect((MARGIN, y), (MARGIN + length, y + BAR_HEIGHT), &bar.colour);
        marks.text(&bar.value_label, (MARGIN + length + 6, y + BAR_HEIGHT / 2), true);
    }
    if let Some((length, label)) = &chart.line {
        let x = MARGIN + at(*length);
        // Drawn in the text's colour, as the House's majority line is.
        let _ = writeln!(marks.0, "<path d=\"M{x} {}V{}\" class=\"rw-line\"/>", MARGIN + 18, height as i32 - MARGIN);
        // Its label ends at the line where it would not fit after it.
        let room = (label.chars().count() as f64 * GLYPH) as i32;
        let start = if x + 4 + room <= width as i32 - MARGIN { x + 4 } else { (x - 4 - room).max(MARGIN) };
        marks.text(label, (start, MARGIN), false);
    }
    wrap(marks, id, (width, height), (&chart.title, &chart.description), &chart.dark)
}

/// The marks in an `<svg>` that scales with its container and carries its accessible
/// name and description. A fill with a dark-mode variant gets the swatch class of its
/// pair (`html::swatch_class`), whose rule the dark scheme follows.
fn wrap(Marks(mut inner): Marks, id: &str, (width, height): (u32, u32), (title, description): (&str, &str), dark: &[(String, String)]) -> SafeHtml {
    for (colour, dark_colour) in dark {
        let (r, g, b) = parse_colour(colour);
        let fill = format!("fill=\"#{r:02X}{g:02X}{b:02X}\"");
        inner = crate::text::replace(&inner, &fill, &format!("{fill} class=\"{}\"", crate::html::swatch_class(colour, Some(dark_colour))));
    }
    let id = escape(id);
    SafeHtml::built(format!(
        "<svg class=\"rw-chart-svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n{inner}</svg>\n",
        escape(title),
        escape(description),
    ))
}

/// One segment of a stacked bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub label: String,
    pub colour: String,
    /// Fraction of the whole bar, 0 to 1.
    pub share: f64,
}

/// A 100% stacked bar per row (an election), with a legend of the segments.
#[derive(Debug, Clone, PartialEq)]
pub struct StackedChart {
    pub title: String,
    pub description: String,
    /// Each row: its label ("2019, Bethnal Green and Bow") and segments.
    pub rows: Vec<(String, Vec<Segment>)>,
    /// Each segment kind once: its label and colour.
    pub legend: Vec<(String, String)>,
    /// Colours with a dark-mode variant: (colour, dark colour).
    pub dark: Vec<(String, String)>,
}

/// The colour for everything outside the main parties.
pub const OTHERS_COLOUR: &str = "#9a9a9a";

impl StackedChart {
    /// Party shares by election for a seat's history: the parties that won or took
    /// a tenth of the vote somewhere in it (at most five) by colour, the rest as Others.
    pub fn history(seat_name: &str, entries: &[crate::history::HistoryEntry], locale: &Locale) -> StackedChart {
        let others_label = locale.text(Label::ChartOthers);
        let mut main: Vec<(String, String, String, f64)> = Vec::new(); // id, name, colour, best share
        for entry in entries {
            for row in &entry.result.rows {
                let counts = row.rank == 1 || row.share >= 0.10;
                match main.iter_mut().find(|m| m.0 == row.party_id) {
                    Some(m) => m.3 = m.3.max(row.share),
                    None if counts && row.party_id != "none" => {
                        main.push((row.party_id.clone(), row.party_name.clone(), row.colour.clone(), row.share))
                    }
                    None => {}
                }
            }
        }
        sort_by_key_stable(&mut main, Direction::Descending, |m| Key::fraction(Some(m.3)));
        main.truncate(5);
        let mut described = Vec::new();
        let rows: Vec<(String, Vec<Segment>)> = entries
            .iter()
            .rev()
            .map(|entry| {
                let r = &entry.result;
                let year = r.election_date.get(..4).unwrap_or(&r.election_name).to_string();
                let label = match (entry.notional, entry.predecessor) {
                    (true, _) => locale.fill(Label::HistoryNotional, &[("year", &year)]),
                    (false, true) => format!("{year}, {}", r.name),
                    (false, false) => year,
                };
                let mut segments: Vec<Segment> = main
                    .iter()
                    .map(|(id, name, colour, _)| Segment {
                        label: name.clone(),
                        colour: colour.clone(),
                        share: r.rows.iter().filter(|row| &row.party_id == id).map(|row| row.share).sum(),
                    })
                    .collect();
                // A seat awaiting its count has no shares, not a bar of Others.
                let others = if r.summary.declared { (1.0 - segments.iter().map(|s| s.share).sum::<f64>()).max(0.0) } else { 0.0 };
                segments.push(Segment { label: others_label.into(), colour: OTHERS_COLOUR.into(), share: others });
                described.push(format!(
                    "{label}: {}",
                    if !r.summary.declared { locale.outcome(&r.summary.outcome) } else { segments.iter().filter(|s| s.share >= 0.0005).map(|s| format!("{} {}", s.label, locale.numbers.percent(s.share))).collect::<Vec<_>>().join(", ") }
                ));
                (label, segments)
            })
            .collect();
        let mut legend: Vec<(String, String)> = main.into_iter().map(|(_, name, colour, _)| (name, colour)).collect();
        legend.push((others_label.into(), OTHERS_COLOUR.into()));
        StackedChart {
            title: locale.fill(Label::HistoryChart, &[("seat", seat_name)]),
            description: format!("{}.", described.join("; ")),
            rows,
            legend,
            dark: dark_pairs(&mut entries.iter().flat_map(|e| e.result.rows.iter()).map(|r| (r.colour.as_str(), r.dark_colour.as_deref()))),
        }
    }
}

/// Draws a stacked chart: a label line and a full-width bar per row, then the legend.
pub fn stacked_chart_svg(chart: &StackedChart, id: &str, width: u32) -> SafeHtml {
    use layout::*;
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let legend_rows = chart.legend.len().div_ceil(2) as i32;
    let height = (chart.rows.len() as i32 * ROW + legend_rows * 22 + 3 * MARGIN).max(ROW) as u32;
    let mut marks = Marks::default();
    let full = f64::from(width as i32 - 2 * MARGIN);
    for (i, (label, segments)) in chart.rows.iter().enumerate() {
        let top = MARGIN + i as i32 * ROW;
        marks.text(&fit_label(label, width as i32 - 2 * MARGIN), (MARGIN, top), false);
        let y = top + BAR_TOP;
        let mut x = f64::from(MARGIN);
        for segment in segments {
            let w = segment.share.clamp(0.0, 1.0) * full;
            if w >= 0.5 {
                marks.rect((x.round() as i32, y), ((x + w).round() as i32, y + BAR_HEIGHT), &segment.colour);
            }
            x += w;
        }
    }
    let legend_top = MARGIN * 2 + chart.rows.len() as i32 * ROW;
    let column = (width as i32 - 2 * MARGIN) / 2;
    for (i, (label, colour)) in chart.legend.iter().enumerate() {
        let x = MARGIN + (i as i32 % 2) * column;
        let y = legend_top + (i as i32 / 2) * 22;
        marks.rect((x, y + 2), (x + 12, y + 14), colour);
        marks.text(&fit_label(label, column - 22), (x + 18, y), false);
    }
    wrap(marks, id, (width, height), (&chart.title, &chart.description), &chart.dark)
}

/// Draws the House as a waffle, one square a seat, filled column by column with the
/// parties in order of seats: a heading line, the grid, a line that leaves the
/// seats a majority needs to its left, and a legend of the parties, each after its seats ("411 Labour": the figure shows however narrow).
pub fn house_svg(house: &crate::story::House, id: &str, width: u32) -> SafeHtml {
    use layout::*;
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH) as i32;
    // No chamber has 100,000 seats: an index that claims more is drawn as if it had
    // that many, and no figure here overflows.
    const MOST: u32 = 100_000;
    let total = house.total.clamp(1, MOST) as i32;
    // About four columns a row (at most 30 rows, so the chart's height stays within
    // reason whatever an index claims), at most 24 units a square.
    let rows = ((f64::from(total) / 4.0).sqrt().ceil() as i32).clamp(3, 30);
    let columns = (total + rows - 1) / rows;
    let cell = ((width - 2 * MARGIN) / columns).clamp(2, 24);
    let top = MARGIN + 24;
    let (x, y) = (|c: i32| MARGIN + c * cell, |r: i32| top + r * cell);
    let mut marks = Marks::default();
    marks.text(&fit_label(&house.heading, width - 2 * MARGIN), (MARGIN, MARGIN), false);
    let mut seat = 0;
    for (party, seats) in &house.parties {
        let (start, end) = (seat, (seat + (*seats).min(MOST) as i32).min(total));
        // The first column's part, the full columns, the last column's part.
        let mut from = start;
        while from < end {
            let (column, row) = (from / rows, from % rows);
            if row == 0 && end - from >= rows {
                let to = from + (end - from) / rows * rows;
                marks.rect((x(column), y(0)), (x(to / rows), y(rows)), &party.colour);
                from = to;
            } else {
                let to = end.min((column + 1) * rows);
                marks.rect((x(column), y(row)), (x(column + 1), y(row + (to - from))), &party.colour);
                from = to;
            }
        }
        seat = end;
    }
    // The squares' edges, in the background's colour, over the fills.
    let _ = write!(
        marks.0,
        "<pattern id=\"{id}-seat\" width=\"{cell}\" height=\"{cell}\" patternUnits=\"userSpaceOnUse\" x=\"{MARGIN}\" y=\"{top}\"><path d=\"M{cell} 0V{cell}H0\" class=\"rw-gap\"/></pattern>\n<rect x=\"{MARGIN}\" y=\"{top}\" width=\"{w}\" height=\"{h}\" fill=\"url(#{id}-seat)\"/>\n",
        id = escape(id),
        w = columns * cell,
        h = rows * cell,
    );
    // The line: after the seat that makes a majority.
    let last = (house.line.min(MOST) as i32).min(total).max(1) - 1;
    let (column, row) = (last / rows, last % rows);
    let _ = writeln!(marks.0, "<path d=\"M{} {}V{}H{}V{}\" class=\"rw-line\"/>", x(column + 1), top - 4, y(row + 1), x(column), y(rows) + 4);
    let legend_top = y(rows) + 2 * MARGIN + 4;
    let half = (width - 2 * MARGIN) / 2;
    for (i, (party, seats)) in house.parties.iter().enumerate() {
        let (lx, ly) = (MARGIN + (i as i32 % 2) * half, legend_top + (i as i32 / 2) * 22);
        marks.rect((lx, ly + 2), (lx + 12, ly + 14), &party.colour);
        marks.text(&fit_label(&format!("{seats} {}", party.name), half - 22), (lx + 18, ly), false);
    }
    let height = legend_top + (house.parties.len() as i32 + 1) / 2 * 22 + MARGIN;
    wrap(marks, id, (width as u32, height as u32), (&house.title, &house.description), &house.dark)
}

impl BarChart {
    /// Party shares in several seats: a group of bars per party (main parties of any
    /// of the seats), one bar per seat, in party colours.
    pub fn compare(results: &[&SeatResult], locale: &Locale) -> BarChart {
        let parties = compare_parties(results);
        let mut bars = Vec::new();
        for (id, name, colour) in &parties {
            for result in results {
                let share = result.party_share(id).unwrap_or(0.0);
                bars.push(Bar { label: format!("{name}, {}", result.name), value_label: locale.numbers.percent(share), length: share, colour: colour.clone() });
            }
        }
        let description = bars.iter().map(|b| format!("{}: {}", b.label, b.value_label)).collect::<Vec<_>>().join("; ");
        BarChart {
            title: locale.fill(Label::CompareCaption, &[("seats", &results.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", "))]),
            description: format!("{description}."),
            bars,
            dark: dark_pairs(&mut results.iter().flat_map(|r| r.rows.iter()).map(|r| (r.colour.as_str(), r.dark_colour.as_deref()))),
            line: None,
        }
    }
}

/// The parties a comparison shows: any party with a tenth of the vote, or a winner,
/// in any of the seats, largest first. (id, name, colour)
pub fn compare_parties(results: &[&SeatResult]) -> Vec<(String, String, String)> {
    let mut parties: Vec<(String, String, String, f64)> = Vec::new();
    for result in results {
        for row in &result.rows {
            if row.rank != 1 && row.share < 0.10 {
                continue;
            }
            match parties.iter_mut().find(|p| p.0 == row.party_id) {
                Some(p) => p.3 = p.3.max(row.share),
                None => parties.push((row.party_id.clone(), row.party_name.clone(), row.colour.clone(), row.share)),
            }
        }
    }
    sort_by_key_stable(&mut parties, Direction::Descending, |p| Key::fraction(Some(p.3)));
    parties.into_iter().map(|(id, name, colour, _)| (id, name, colour)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_titled_without_naming_its_seat_twice() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let title = |file: &str, keys| {
            let file = crate::load::parse_results(&std::fs::read_to_string(root.join(file)).unwrap()).unwrap();
            let seat = file.constituencies.iter().find(|c| file.elections.last().is_some_and(|e| e.id == c.election)).unwrap();
            let result = SeatResult::new(&file, seat);
            // The chart's own title is the chart key's.
            let chart = BarChart::vote_share(&result, &Locale::default()).title;
            assert_eq!(chart, result_title(&result, &Locale::default(), (Label::ResultChart, Label::ResultChartElection)));
            result_title(&result, &Locale::default(), keys)
        };
        let (caption, chart) = ((Label::ResultCaption, Label::ResultCaptionElection), (Label::ResultChart, Label::ResultChartElection));
        assert_eq!(title("tower-hamlets-mayor-2022.json", caption), "Votes by candidate, Mayor of Tower Hamlets election 2022");
        assert_eq!(title("tower-hamlets-mayor-2022.json", chart), "Vote share by candidate, Mayor of Tower Hamlets election 2022");
        assert_eq!(title("seats/E14001086.json", caption), "Votes by candidate, Bethnal Green and Stepney, 2024 general election");
        assert_eq!(title("seats/E14001086.json", chart), "Vote share by candidate, Bethnal Green and Stepney, 2024 general election");
    }

    #[test]
    fn every_bar_of_a_count_with_stages_has_one_scale() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let file = crate::load::parse_results(&std::fs::read_to_string(root.join("tower-hamlets-mayor-2022.json")).unwrap()).unwrap();
        let seat = file.constituencies.iter().find(|c| file.elections.last().is_some_and(|e| e.id == c.election)).unwrap();
        let chart = BarChart::vote_share(&SeatResult::new(&file, seat), &Locale::default());
        let bar = |label: &str| chart.bars.iter().find(|b| b.label.starts_with(label)).unwrap();
        // Lutfur Rahman: 39,533 first preferences, 40,804 after second preferences.
        let (first, last) = (bar("Lutfur Rahman, Aspire: first"), bar("Lutfur Rahman, Aspire: after"));
        assert_eq!((first.value_label.as_str(), last.value_label.as_str()), ("47.0%", "40,804"));
        assert_eq!(last.length, 1.0);
        assert!((first.length - 39_533.0 / 40_804.0).abs() < 1e-9, "{}", first.length);
        assert!(chart.bars.iter().all(|b| (0.0..=1.0).contains(&b.length)));
    }

    fn chart(labels: &[(&str, f64)]) -> BarChart {
        BarChart {
            title: "Vote share".into(),
            description: "desc".into(),
            bars: labels
                .iter()
                .map(|(label, length)| Bar { label: label.to_string(), value_label: "1.0%".into(), length: *length, colour: "#e4003b".into() })
                .collect(),
            dark: vec![("#e4003b".into(), "#ff5c7a".into())],
            line: None,
        }
    }

    #[test]
    fn one_bar_per_row_with_party_colour() {
        let svg = bar_chart_svg(&chart(&[("A", 1.0), ("B", 0.5)]), "c1", layout::WIDTH);
        assert!(svg.starts_with("<svg class=\"rw-chart-svg\" viewBox=\"0 0 360 96\""), "{svg}");
        assert_eq!(svg.matches("<rect").count(), 2, "two bars: {svg}");
        assert_eq!(svg.matches("fill=\"#E4003B\"").count(), 2, "{svg}");
        // The dark-mode colour comes in through the swatch class of the pair.
        assert_eq!(svg.matches("fill=\"#E4003B\" class=\"rw-c-e4003b-ff5c7a\"").count(), 2, "{svg}");
        assert!(svg.contains("role=\"img\"") && svg.contains("<title id=\"c1-title\">Vote share</title>"));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("font-size=\"14\""), "{svg}");
    }

    #[test]
    fn bars_scale_to_the_longest() {
        let svg = bar_chart_svg(&chart(&[("A", 1.0), ("B", 0.5)]), "c", layout::WIDTH);
        let full = layout::WIDTH as i32 - 2 * layout::MARGIN - layout::VALUE_ROOM;
        assert!(svg.contains(&format!("width=\"{}\"", full + 1)) || svg.contains(&format!("width=\"{full}\"")), "{svg}");
        assert!(svg.contains(&format!("width=\"{}\"", full / 2 + 1)) || svg.contains(&format!("width=\"{}\"", full / 2)), "{svg}");
    }

    #[test]
    fn drawn_at_the_container_width_within_limits() {
        let bars = chart(&[("A", 1.0)]);
        for (asked, drawn) in [(100, 260), (320, 320), (1200, 640)] {
            let svg = bar_chart_svg(&bars, "c", asked);
            assert!(svg.contains(&format!("viewBox=\"0 0 {drawn} ")), "{asked}: {svg}");
        }
    }

    #[test]
    fn history_stacks_main_parties_and_others() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seats/E14001086.json")).unwrap();
        let file = crate::load::parse_results(&text).unwrap();
        let entries = crate::history::seat_history(&file, "E14001086", None);
        let chart = StackedChart::history("Bethnal Green and Stepney", &entries, &crate::locale::Locale::default());
        assert_eq!(chart.rows.len(), 6);
        assert_eq!(chart.rows[0].0, "2005, Bethnal Green & Bow");
        assert_eq!(chart.rows[5].0, "2024");
        assert!(chart.legend.iter().any(|(name, _)| name == "Respect"));
        assert_eq!(chart.legend.last().unwrap().0, "Others");
        for (_, segments) in &chart.rows {
            let total: f64 = segments.iter().map(|s| s.share).sum();
            assert!((total - 1.0).abs() < 1e-9, "{total}");
        }
        assert!(chart.description.contains("Respect 35.9%"), "{}", chart.description);
        assert!(chart.description.contains("2024: Labour 34.1%") && chart.description.contains("Independent 32.4%"), "{}", chart.description);
        let svg = stacked_chart_svg(&chart, "h", 360);
        assert!(svg.contains("role=\"img\"") && svg.contains("Respect"));
    }

    #[test]
    fn long_labels_are_shortened_to_fit() {
        assert_eq!(fit_label("Labour, 33.7% of the vote", 312), "Labour, 33.7% of the vote");
        let long = "Social Democratic and Labour Party, 0.3% of the vote";
        let short = fit_label(long, 312);
        assert!(short.ends_with('…') && short.chars().count() == 37, "{short}");
        let svg = bar_chart_svg(&chart(&[(long, 1.0)]), "c", 320);
        assert!(svg.contains(&fit_label(long, 312)) && svg.contains("<desc id=\"c-desc\">desc</desc>"));
    }

    #[test]
    fn hostile_labels_stay_text() {
        let svg = bar_chart_svg(&chart(&[("<script>alert(1)</script>", 1.0)]), "x\"><script>", 500);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn marks_are_the_elements_plotters_wrote() {
        let mut marks = Marks::default();
        marks.rect((4, 24), (104, 40), "#e4003b");
        marks.text("O'Hara & <Co>", (4, 4), false);
        marks.text("1.0%", (110, 32), true);
        assert_eq!(
            marks.0,
            "<rect x=\"4\" y=\"24\" width=\"100\" height=\"16\" opacity=\"1\" fill=\"#E4003B\" stroke=\"none\"/>\n\
             <text x=\"4\" y=\"4\" dy=\"0.76em\" text-anchor=\"start\" font-family=\"inherit\" font-size=\"14\" opacity=\"1\" fill=\"#000000\">\nO&#39;Hara &amp; &lt;Co&gt;\n</text>\n\
             <text x=\"110\" y=\"32\" dy=\"0.5ex\" text-anchor=\"start\" font-family=\"inherit\" font-size=\"14\" opacity=\"1\" fill=\"#000000\">\n1.0%\n</text>\n"
        );
    }

    #[test]
    fn colours_parse_long_and_short() {
        assert_eq!(parse_colour("#e4003b"), (0xe4, 0x00, 0x3b));
        assert_eq!(parse_colour("#fff"), (255, 255, 255));
        assert_eq!(parse_colour("nonsense"), (0x76, 0x76, 0x76));
    }
}
