//! The style rules that colour the party swatches (`results_core::html::swatch_rules`),
//! in one stylesheet the widget adopts into the document. A constructed stylesheet is
//! neither a `<style>` element nor a `style` attribute, so a strict content security
//! policy allows it.

use std::cell::RefCell;

use results_core::html::swatch_rules;
use results_core::Party;

thread_local! {
    /// The stylesheet, once made, and the classes it has rules for.
    static SHEET: RefCell<Option<(web_sys::CssStyleSheet, Vec<String>)>> = const { RefCell::new(None) };
}

/// Makes sure every party's swatch class has its rule. Called where a view is
/// built from a file's parties, in the render, before the page changes: a rule
/// added after would make the browser work out the styles of the whole view a
/// second time.
pub fn colour(parties: &[Party]) {
    // On a server (`results render`) there is no document: the page's own rules
    // colour them.
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = adopt().map(|sheet| (sheet, Vec::new()));
        }
        let Some((sheet, classes)) = cell.as_mut() else { return };
        for (class, rule) in swatch_rules(parties) {
            if !classes.contains(&class) && sheet.insert_rule(&rule).is_ok() {
                classes.push(class);
            }
        }
    });
}

/// A new stylesheet, added after the document's others; `None` in a browser
/// without constructed stylesheets (the swatches then show their outline only).
fn adopt() -> Option<web_sys::CssStyleSheet> {
    let document = web_sys::window()?.document()?;
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    let sheets = document.adopted_style_sheets();
    sheets.push(&sheet);
    document.set_adopted_style_sheets(&sheets);
    Some(sheet)
}
