//! The elections the importers know: names, dates, boundary sets and what each is
//! compared with.

use results_core::{Election, ElectionKind};

/// (id, name, date, boundaries, previous)
const KNOWN: &[(&str, &str, &str, &str, Option<&str>)] = &[
    ("ge2024", "2024 general election", "2024-07-04", "2024", Some("ge2019")),
    ("ge2019", "2019 general election", "2019-12-12", "2010", Some("ge2017")),
    ("ge2017", "2017 general election", "2017-06-08", "2010", Some("ge2015")),
    ("ge2015", "2015 general election", "2015-05-07", "2010", Some("ge2010")),
    ("ge2010", "2010 general election", "2010-05-06", "2010", Some("ge2005")),
    ("ge2005", "2005 general election", "2005-05-05", "2005", None),
];

/// The election with this id, or an error listing the ids that are known.
pub fn general(id: &str) -> Result<Election, crate::import::ImportError> {
    KNOWN
        .iter()
        .find(|known| known.0 == id)
        .map(|&(id, name, date, boundaries, previous)| Election {
            id: id.into(),
            name: name.into(),
            date: date.into(),
            kind: ElectionKind::General,
            boundaries: Some(boundaries.into()),
            previous: previous.map(Into::into),
            attribution: None,
        })
        .ok_or_else(|| crate::import::ImportError::UnknownElection {
            id: id.into(),
            known: KNOWN.iter().map(|k| k.0).collect::<Vec<_>>().join(", "),
        })
}
