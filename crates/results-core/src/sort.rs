//! Sorting tables: which column, which way, and a stable order. Every table (a
//! result's candidates, a seat's history, the national list) shares this.

use std::cmp::Ordering;

use crate::derive::Row;
use crate::locale::Label;

/// A column of a sortable table.
pub trait TableColumn: Copy + Eq {
    /// The label of the header a reader sees.
    fn label(self) -> Label;
    /// The direction a first press sorts in: words A to Z, numbers largest first.
    fn first_direction(self) -> Direction;
    /// Whether the column holds numbers (right-aligned).
    fn is_numeric(self) -> bool;
}

/// A sortable column of the result table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Candidate,
    Party,
    Votes,
    Share,
}

impl Column {
    /// All columns, in the order the table shows them.
    pub const ALL: [Column; 4] = [Column::Candidate, Column::Party, Column::Votes, Column::Share];

}

impl TableColumn for Column {
    fn label(self) -> Label {
        match self {
            Column::Candidate => Label::ColumnCandidate,
            Column::Party => Label::ColumnParty,
            Column::Votes => Label::ColumnVotes,
            Column::Share => Label::ColumnShare,
        }
    }

    fn first_direction(self) -> Direction {
        match self {
            Column::Candidate | Column::Party => Direction::Ascending,
            Column::Votes | Column::Share => Direction::Descending,
        }
    }

    fn is_numeric(self) -> bool {
        matches!(self, Column::Votes | Column::Share)
    }
}

/// Which way a column is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    /// The value of `aria-sort` for this direction.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    fn reversed(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

/// A table's sort: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort<C = Column> {
    pub column: C,
    pub direction: Direction,
}

impl Default for Sort<Column> {
    /// By votes, most first, as results are announced.
    fn default() -> Self {
        Sort { column: Column::Votes, direction: Direction::Descending }
    }
}

impl<C: TableColumn> Sort<C> {
    /// The sort after pressing a column's button: the same column reverses, another
    /// column starts in its first direction.
    pub fn pressed(self, column: C) -> Sort<C> {
        if self.column == column {
            Sort { column, direction: self.direction.reversed() }
        } else {
            Sort { column, direction: column.first_direction() }
        }
    }

    /// The `aria-sort` value for a column's header, if it is the sorted one.
    pub fn aria_for(self, column: C) -> Option<&'static str> {
        (self.column == column).then(|| self.direction.aria())
    }
}

impl Sort<Column> {
    /// Row indices in display order.
    pub fn order(self, rows: &[Row]) -> Vec<usize> {
        order_by(rows, self.direction, |row| match self.column {
            Column::Candidate => Key::Text(collation_key(&row.name)),
            Column::Party => Key::Text(collation_key(&row.party_name)),
            // Shares are votes over one denominator, so votes order them exactly.
            Column::Votes | Column::Share => Key::Number(row.votes),
        })
    }
}

/// A sort key: text compares by [`collation_key`], numbers as numbers; a missing
/// figure (a blank) comes after every other key whichever way a column sorts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Missing,
    Text(String),
    Number(u64),
    /// Several keys, compared in turn.
    Many(Vec<Key>),
}

impl Key {
    /// A fraction as a key, to a millionth.
    pub fn fraction(value: Option<f64>) -> Key {
        match value {
            Some(v) if v.is_finite() => Key::Number((v.max(0.0) * 1e6).round() as u64),
            _ => Key::Missing,
        }
    }
}

/// Indices of `items` ordered by `key` in `direction`. Items that compare equal keep
/// their given order in both directions, so sorting is stable and reversible.
pub fn order_by<T>(items: &[T], direction: Direction, key: impl Fn(&T) -> Key) -> Vec<usize> {
    order_of(items.len(), direction, &|i| items.get(i).map_or(Key::Missing, &key))
}

/// [`order_by`] for the items `0..len`, the `i`-th keyed by `key(i)`: one copy of
/// the code that gathers the keys, rather than one for each type of item and key.
fn order_of(len: usize, direction: Direction, key: &dyn Fn(usize) -> Key) -> Vec<usize> {
    let keys: Vec<Key> = (0..len).map(key).collect();
    sort_indices(&keys, direction)
}

/// Sorts `items` in place by `key`, stably.
pub fn sort_by_key_stable<T>(items: &mut [T], direction: Direction, key: impl Fn(&T) -> Key) {
    let order = order_by(items, direction, key);
    // The order applied by swaps, in place: the code each type of item needs is a
    // loop and a swap (moving the items through a list of slots cost the widget
    // 1 KB gzip over its seven types of item). Position `i` takes the item
    // `order[i]` names or, where an earlier swap moved that item on, the one its
    // place names in turn (the lists are of parties and candidates: short).
    for i in 0..order.len() {
        let mut from = order.get(i).copied().unwrap_or(i);
        while from < i {
            from = order.get(from).copied().unwrap_or(i);
        }
        items.swap(i, from);
    }
}

/// Every sort in the crate ends here, so the widget carries one copy of the sort
/// routine rather than one per comparison. Ties keep their order (the index breaks
/// them). Keys in order already (a national index comes in name order, its default
/// sort) are seen in one pass and not sorted.
///
/// The sort is a plain merge sort, bottom up: the standard library's sorts cost the
/// widget 1.2 KB gzip more, and the longest table has 650 rows.
fn sort_indices(keys: &[Key], direction: Direction) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    if (1..keys.len()).all(|i| compare(keys, direction, i - 1, i) == Ordering::Less) {
        return order;
    }
    // Runs of `width` in `order` merged in pairs into `merged`, then the other way.
    let mut merged = vec![0; order.len()];
    let mut width = 1;
    while width < order.len() {
        for (pair, out) in order.chunks(2 * width).zip(merged.chunks_mut(2 * width)) {
            let (left, right) = pair.split_at(width.min(pair.len()));
            let (mut i, mut j) = (0, 0);
            for slot in out {
                *slot = match (left.get(i), right.get(j)) {
                    (Some(&a), Some(&b)) if compare(keys, direction, a, b) == Ordering::Greater => {
                        j += 1;
                        b
                    }
                    (Some(&a), _) => {
                        i += 1;
                        a
                    }
                    (None, Some(&b)) => {
                        j += 1;
                        b
                    }
                    (None, None) => break,
                };
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// The order of the items at `a` and `b`: by key in `direction`, then by index.
/// Not inlined, so that the check and the sort share one copy of it.
#[inline(never)]
fn compare(keys: &[Key], direction: Direction, a: usize, b: usize) -> Ordering {
    let ordering = match (keys.get(a), keys.get(b)) {
        // A blank (a figure not known, such as a majority before the count ends)
        // goes after every value whichever way the column sorts, so that "closest
        // results" never starts with seats that have none.
        (Some(x), Some(y)) => (*x == Key::Missing).cmp(&(*y == Key::Missing)).then(match direction {
            Direction::Ascending => x.cmp(y),
            Direction::Descending => y.cmp(x),
        }),
        _ => Ordering::Equal,
    };
    ordering.then(a.cmp(&b))
}

/// A key that orders names as a reader expects: case and accents do not count
/// ("Ábalos" beside "Abbott", "de Cordova" beside "Dean").
pub fn collation_key(text: &str) -> String {
    // A small fold table rather than `char::to_lowercase`, whose Unicode tables would
    // cost the widget kilobytes; names in other scripts keep their own order.
    text.chars()
        .map(|c| match c {
            'à'..='å' | 'À'..='Å' | 'ā' | 'ă' | 'ą' | 'Ā' | 'Ă' | 'Ą' => 'a',
            'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
            'è'..='ë' | 'È'..='Ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'į' | 'Ī' | 'Į' => 'i',
            'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
            'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'ő' | 'Ō' | 'Ő' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'ů' | 'ű' | 'Ū' | 'Ů' | 'Ű' => 'u',
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
            'ś' | 'š' | 'Ś' | 'Š' => 's',
            'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
            'ł' | 'Ł' => 'l',
            '’' => '\'',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, party: &str, votes: u64) -> Row {
        Row {
            name: name.into(),
            party_id: party.to_lowercase(),
            party_name: party.into(),
            party_abbreviation: party.into(),
            colour: "#888888".into(),
            dark_colour: None,
            votes,
            share: 0.0,
            rank: 0,
            elected: false,
            sitting: false,
            change: None,
            lost_deposit: false,
            stages: Vec::new(),
        }
    }

    fn rows() -> Vec<Row> {
        vec![
            row("Rushanara Ali", "Labour", 15896),
            row("Ajmal Masroor", "Independent", 14207),
            row("Phoebe Gill", "Green", 6391),
            row("Sham Uddin", "Independent", 325),
            row("Md Somon Ahmed", "Independent", 315),
        ]
    }

    fn names(rows: &[Row], sort: Sort) -> Vec<&str> {
        sort.order(rows).into_iter().map(|i| rows[i].name.as_str()).collect()
    }

    #[test]
    fn starts_by_votes_most_first() {
        assert_eq!(names(&rows(), Sort::default())[0], "Rushanara Ali");
    }

    #[test]
    fn pressing_again_reverses() {
        let votes = Sort::default().pressed(Column::Votes);
        assert_eq!(votes.direction, Direction::Ascending);
        assert_eq!(names(&rows(), votes), ["Md Somon Ahmed", "Sham Uddin", "Phoebe Gill", "Ajmal Masroor", "Rushanara Ali"]);
    }

    #[test]
    fn a_new_column_starts_in_its_own_direction() {
        let by_name = Sort::default().pressed(Column::Candidate);
        assert_eq!(by_name.direction, Direction::Ascending);
        assert_eq!(names(&rows(), by_name), ["Ajmal Masroor", "Md Somon Ahmed", "Phoebe Gill", "Rushanara Ali", "Sham Uddin"]);
        assert_eq!(by_name.pressed(Column::Share), Sort { column: Column::Share, direction: Direction::Descending });
    }

    #[test]
    fn ties_keep_rank_order_in_both_directions() {
        let by_party = Sort::default().pressed(Column::Party);
        assert_eq!(names(&rows(), by_party), ["Phoebe Gill", "Ajmal Masroor", "Sham Uddin", "Md Somon Ahmed", "Rushanara Ali"]);
        let reversed = by_party.pressed(Column::Party);
        assert_eq!(names(&rows(), reversed), ["Rushanara Ali", "Ajmal Masroor", "Sham Uddin", "Md Somon Ahmed", "Phoebe Gill"]);
    }

    #[test]
    fn a_blank_goes_last_whichever_way_a_column_sorts() {
        let keys = [Key::Number(3), Key::Missing, Key::Number(1), Key::Missing, Key::Number(2)];
        let order = |direction| order_by(&keys, direction, Clone::clone);
        assert_eq!(order(Direction::Ascending), [2, 4, 0, 1, 3]);
        assert_eq!(order(Direction::Descending), [0, 4, 2, 1, 3]);
        let mut all_blank = vec![Key::Missing, Key::Missing];
        sort_by_key_stable(&mut all_blank, Direction::Descending, Clone::clone);
        assert_eq!(order_by(&all_blank, Direction::Ascending, Clone::clone), [0, 1]);
    }

    #[test]
    fn sorting_in_place_is_stable() {
        let mut items = vec![("b", 1), ("a", 2), ("c", 1), ("d", 2)];
        sort_by_key_stable(&mut items, Direction::Descending, |(_, n)| Key::Number(*n));
        assert_eq!(items, [("a", 2), ("d", 2), ("b", 1), ("c", 1)]);
        sort_by_key_stable(&mut items, Direction::Ascending, |(name, _)| Key::Text(name.to_string()));
        assert_eq!(items, [("a", 2), ("b", 1), ("c", 1), ("d", 2)]);
    }

    #[test]
    fn sorting_in_place_matches_the_standard_stable_sort() {
        // Lists of 0 to 40 items with few distinct keys (many ties), from a fixed
        // pseudo-random sequence, each item tagged with its first place.
        let mut seed: u64 = 2024;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            seed >> 33
        };
        for _ in 0..20_000 {
            let len = (next() % 41) as usize;
            let distinct = next() % 8 + 1;
            let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % distinct, i)).collect();
            for direction in [Direction::Ascending, Direction::Descending] {
                let mut ours = items.clone();
                sort_by_key_stable(&mut ours, direction, |(k, _)| Key::Number(*k));
                let mut std = items.clone();
                match direction {
                    Direction::Ascending => std.sort_by_key(|(k, _)| *k),
                    Direction::Descending => std.sort_by(|(a, _), (b, _)| b.cmp(a)),
                }
                assert_eq!(ours, std, "{items:?} {direction:?}");
            }
        }
    }

    #[test]
    fn every_order_is_a_permutation() {
        let rows = rows();
        for column in Column::ALL {
            for direction in [Direction::Ascending, Direction::Descending] {
                let mut order = Sort { column, direction }.order(&rows);
                order.sort_unstable();
                assert_eq!(order, (0..rows.len()).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn names_collate_without_case_or_accents() {
        let rows = vec![row("Zoë", "A", 1), row("Áine Groogan", "A", 1), row("abbott", "A", 1), row("Adams", "A", 1), row("ÉTIENNE", "A", 1), row("Eve", "A", 1)];
        assert_eq!(
            names(&rows, Sort { column: Column::Candidate, direction: Direction::Ascending }),
            ["abbott", "Adams", "Áine Groogan", "ÉTIENNE", "Eve", "Zoë"]
        );
    }
}
