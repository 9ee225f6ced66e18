//! How an election's seats link to the previous election's: named predecessors
//! where boundaries changed, or the seat of the same name.

use std::path::Path;

use results_core::model::{Previous, PreviousPart, ResultsFile};

use crate::import::csv::Table;
use crate::import::names::normalise;
use crate::import::ImportError;

/// Sets `previous.seats` from a CSV file of `code,predecessors` rows.
pub fn apply_predecessors(file: &mut ResultsFile, path: &Path) -> Result<(), ImportError> {
    let table = Table::read(path, 0)?;
    let code = table.column(&["code"])?;
    let predecessors = table.column(&["predecessors"])?;
    for row in table.rows() {
        let seats: Vec<String> = row.text(predecessors).split(';').map(str::trim).filter(|s| !s.is_empty()).map(Into::into).collect();
        match file.constituencies.iter_mut().find(|c| c.code == row.text(code)) {
            Some(seat) => seat.previous.get_or_insert_with(|| Previous { notional: true, ..Previous::default() }).seats = seats,
            None => return Err(row.column_error(code, &format!("seat {} is not in the imported election", row.text(code)))),
        }
    }
    Ok(())
}

/// Sets `previous.seats` and `previous.from` from mySociety's overlap of the 2024
/// seats with those of 2010-2019 (`pcon2024-from-pcon2010-overlap.csv`): the seats
/// each was formed from, largest share of its population first, so the main
/// predecessor comes first and carries the seat's history back.
pub fn apply_overlap(file: &mut ResultsFile, path: &Path) -> Result<(), ImportError> {
    let table = Table::read(path, 0)?;
    let new_code = table.column(&["pcon2024_code"])?;
    let old_code = table.column(&["pcon2010_code"])?;
    let old_name = table.column(&["pcon2010_name"])?;
    let share = table.column(&["share_of_2024_population"])?;
    let mut parts: std::collections::BTreeMap<String, Vec<PreviousPart>> = std::collections::BTreeMap::new();
    for row in table.rows() {
        let fraction = match row.number(share)? {
            Some(fraction) if (0.0..=1.0).contains(&fraction) => fraction,
            Some(_) => return Err(row.column_error(share, &format!("\"{}\" is not a fraction between 0 and 1", row.text(share)))),
            None => return Err(row.column_error(share, "is empty; expected a fraction between 0 and 1")),
        };
        let part = PreviousPart { seat: row.text(old_code).into(), name: row.text(old_name).into(), share: fraction };
        parts.entry(row.text(new_code).into()).or_default().push(part);
    }
    let mut missing = Vec::new();
    for seat in &mut file.constituencies {
        let Some(mut from) = parts.remove(&seat.code) else {
            missing.push(seat.code.clone());
            continue;
        };
        // Largest share first; equal shares by name, so the order is the same every time.
        from.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.name.cmp(&b.name)));
        let previous = seat.previous.get_or_insert_with(|| Previous { notional: true, ..Previous::default() });
        previous.seats = from.iter().map(|p| p.seat.clone()).collect();
        previous.from = from;
    }
    let mut problems: Vec<String> = missing.iter().map(|code| format!("{}: names no predecessor for seat {code}", path.display())).collect();
    problems.extend(parts.keys().map(|code| format!("{}: seat {code} is not in the imported election", path.display())));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Invalid(problems))
    }
}

/// Welsh names in mySociety's file that are not the seats' Welsh names in the
/// Parliamentary Constituencies Order 2023 (seat, as the file has it, the Welsh
/// name or none): Caerfyrddin is the seat's name in both languages (the file gives
/// the English "Carmarthen" as its Welsh name), and the file drops the circumflex
/// of Gŵyr and Glyndŵr (which the English "Montgomeryshire and Glyndŵr" keeps).
/// Applied only where the file still says what is listed.
const WELSH_CORRECTIONS: &[(&str, &str, Option<&str>)] = &[
    ("W07000087", "Carmarthen", None),
    ("W07000097", "Gwyr", Some("Gŵyr")),
    ("W07000102", "Maldwyn a Glyndwr", Some("Maldwyn a Glyndŵr")),
];

/// A seat's Welsh name of its own (not its English name again, nor empty), as
/// mySociety's entry gives it, corrected by [`WELSH_CORRECTIONS`].
pub(crate) fn welsh_name(seat: &crate::postcodes::CodeJson) -> Option<&str> {
    let given = seat.parlcon_2024_name_cy.as_deref();
    let corrected = match WELSH_CORRECTIONS.iter().find(|c| c.0 == seat.parlcon_2024_gss_code && Some(c.1) == given) {
        Some(correction) => correction.2,
        None => given,
    };
    corrected.filter(|welsh| !welsh.is_empty() && *welsh != seat.parlcon_2024_name)
}

/// Gives each seat its Welsh name from mySociety's `pcon_2024_codes.json` (keyed
/// by seat, each with `parlcon_2024_gss_code` and `parlcon_2024_name_cy`), where it
/// has one of its own (23 seats), corrected by [`WELSH_CORRECTIONS`]. A Welsh name
/// for a seat the election lacks is an error: the files do not describe the same
/// seats.
pub fn apply_welsh_names(file: &mut ResultsFile, path: &Path) -> Result<(), ImportError> {
    let codes: std::collections::BTreeMap<String, crate::postcodes::CodeJson> = crate::postcodes::read_json(path)?;
    let mut problems = Vec::new();
    for seat in codes.values() {
        let Some(welsh) = welsh_name(seat).map(str::to_string) else { continue };
        match file.constituencies.iter_mut().find(|c| c.code == seat.parlcon_2024_gss_code) {
            Some(contest) => contest.name_cy = Some(welsh),
            None => problems.push(format!("{}: {} ({}) has a Welsh name but is not in the imported election", path.display(), seat.parlcon_2024_name, seat.parlcon_2024_gss_code)),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Invalid(problems))
    }
}

/// Links seats whose boundaries changed, and that name no predecessor, to the seat
/// of the same name in the stored previous election.
pub fn link_by_name(file: &mut ResultsFile, stored: &[ResultsFile]) {
    let Some(previous_id) = file.elections.first().and_then(|e| e.previous.clone()) else { return };
    let Some(previous) = stored.iter().find(|f| f.elections.iter().any(|e| e.id == previous_id)) else { return };
    for seat in &mut file.constituencies {
        let name = normalise(&seat.name);
        let entry = seat.previous.get_or_insert_with(|| Previous { notional: true, ..Previous::default() });
        if !entry.seats.is_empty() {
            continue;
        }
        if let Some(before) = previous.constituencies.iter().find(|c| normalise(&c.name) == name) {
            entry.seats = vec![before.code.clone()];
        }
    }
}

/// Where a seat is the same as at the previous election (same code, no boundary
/// change) and that election is stored, takes the previous winner from its actual
/// result. The shares a source gives cover only the parties standing again, so a
/// seat whose last winner did not stand (the Speaker's seat, a retiring
/// independent) would otherwise name the wrong party.
pub fn previous_winners(file: &mut ResultsFile, stored: &[ResultsFile]) {
    let Some(previous_id) = file.elections.first().and_then(|e| e.previous.clone()) else { return };
    let Some(previous) = stored.iter().find(|f| f.elections.iter().any(|e| e.id == previous_id)) else { return };
    for seat in &mut file.constituencies {
        let entry = seat.previous.get_or_insert_with(Previous::default);
        if entry.notional {
            continue;
        }
        let code = entry.seats.first().cloned().unwrap_or_else(|| seat.code.clone());
        if let Some(before) = previous.constituencies.iter().find(|c| c.code == code && c.election == previous_id) {
            let result = results_core::SeatResult::new(previous, before);
            entry.winner = result.winner().map(|w| w.party_id.clone());
        }
    }
}
