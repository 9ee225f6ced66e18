//! The seat search of the compare view: a type-ahead list of seats, found by any
//! name a reader may know them by, as the ARIA combobox pattern describes.

use results_core::sort::collation_key;
use yew::prelude::*;
use results_core::locale::Label;

/// What the reader has typed, the suggestion marked with the arrow keys, and
/// whether the list is open: kept in the widget's state (`Action::Search`), so that
/// the picker is a function of it rather than a component of its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub query: String,
    pub active: Option<usize>,
    pub open: bool,
}

/// The picker's inputs: every seat that can be picked, as (code, name as shown,
/// every name it is found by, a line each: see `results_core::national::names`),
/// the codes already picked, and what it says.
pub struct Picker<'a> {
    pub seats: &'a [(String, String, String)],
    pub picked: &'a [String],
    /// Unique on the page.
    pub id: &'a str,
    pub disabled: bool,
    pub locale: &'a results_core::locale::Locale,
}

/// How many suggestions the list shows.
const SUGGESTIONS: usize = 8;

/// A type-ahead search over seat names, as the ARIA combobox pattern (list
/// autocomplete) describes: arrow keys move through the suggestions, Enter picks,
/// Escape closes.
pub fn seat_picker(props: &Picker, search: &Search, on_search: &Callback<Search>, on_pick: &Callback<String>) -> Html {
    let Search { query, active, open } = search.clone();

    let suggestions: Vec<(String, String)> = {
        let key = collation_key(query.trim());
        if key.is_empty() {
            Vec::new()
        } else {
            // A seat found by the name it is shown with comes first: "hackney s"
            // offers Hackney South and Shoreditch before Hackney North, which was
            // formed partly from it. (Two passes, not a sort: a sort for this one
            // list would bring its own code.)
            let found = |text: &str| results_core::text::contains(&collation_key(text), &key);
            let open = props.seats.iter().filter(|(code, _, _)| !props.picked.contains(code));
            let by_name = open.clone().filter(|(_, name, _)| found(name));
            let by_other = open.filter(|(_, name, names)| !found(name) && found(names));
            by_name.chain(by_other).take(SUGGESTIONS).map(|(code, name, _)| (code.clone(), name.clone())).collect()
        }
    };
    let expanded = open && !suggestions.is_empty();
    let listbox = crate::views::part_id(props.id, "list");
    let option_id = |i: usize| format!("{}-opt{i}", props.id);

    let pick = {
        let (on_pick, on_search) = (on_pick.clone(), on_search.clone());
        Callback::from(move |code: String| {
            on_pick.emit(code);
            on_search.emit(Search::default());
        })
    };
    let oninput = {
        let search = on_search.clone();
        Callback::from(move |e: InputEvent| {
            search.emit(Search { query: crate::views::control_value(e.target()), active: None, open: true });
        })
    };
    let onkeydown = {
        let (search, now, pick) = (on_search.clone(), search.clone(), pick.clone());
        let suggestions = suggestions.clone();
        Callback::from(move |e: KeyboardEvent| {
            let count = suggestions.len();
            let now = now.clone();
            match e.key().as_str() {
                "ArrowDown" if count > 0 => {
                    e.prevent_default();
                    search.emit(Search { active: Some(now.active.map_or(0, |i| (i + 1) % count)), open: true, ..now });
                }
                "ArrowUp" if count > 0 => {
                    e.prevent_default();
                    search.emit(Search { active: Some(now.active.map_or(count - 1, |i| (i + count - 1) % count)), open: true, ..now });
                }
                "Enter" => {
                    if let Some((code, _)) = now.active.and_then(|i| suggestions.get(i)).or(suggestions.first().filter(|_| count == 1)) {
                        e.prevent_default();
                        pick.emit(code.clone());
                    }
                }
                "Escape" => search.emit(Search { active: None, open: false, ..now }),
                _ => {}
            }
        })
    };
    let onblur = {
        let (on_search, now) = (on_search.clone(), search.clone());
        Callback::from(move |_: FocusEvent| on_search.emit(Search { open: false, ..now.clone() }))
    };

    let options = suggestions.iter().enumerate().map(|(i, (code, name))| {
        let selected = active == Some(i);
        let code = code.clone();
        let pick = pick.clone();
        // mousedown, not click: it comes before the input's blur closes the list.
        let onmousedown = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            pick.emit(code.clone());
        });
        html! {
            <li id={option_id(i)} role="option" class="rw-option" aria-selected={if selected { "true" } else { "false" }} {onmousedown}>
                { name.clone() }
            </li>
        }
    });

    html! {
        <div class="rw-picker">
            <label for={crate::views::part_id(props.id, "input")}>{ props.locale.text(Label::CompareSearch) }</label>
            <div class="rw-combobox">
                <input
                    id={crate::views::part_id(props.id, "input")}
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-expanded={if expanded { "true" } else { "false" }}
                    aria-controls={listbox.clone()}
                    aria-activedescendant={active.filter(|_| expanded).map(option_id)}
                    value={query.clone()}
                    disabled={props.disabled}
                    {oninput}
                    {onkeydown}
                    {onblur}
                />
                <ul id={listbox} role="listbox" aria-label={props.locale.text(Label::CompareList).to_string()} class="rw-listbox" hidden={!expanded}>
                    { for options }
                </ul>
            </div>
            <p class="rw-visually-hidden" role="status" aria-live="polite">
                { if query.trim().is_empty() { String::new() } else { props.locale.fill(if suggestions.len() == 1 { Label::CompareMatch } else { Label::CompareMatches }, &[("count", &suggestions.len().to_string())]) } }
            </p>
        </div>
    }
}
