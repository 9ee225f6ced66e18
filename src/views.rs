//! The four views, as functions from the widget's state to HTML, and the tabs that
//! move between them. Only what keeps state of its own is a component.

use results_core::locale::Label;

pub mod compare;
pub mod history;
pub mod national;
pub mod result;

use results_core::locale::Locale;
use results_core::{Direction, Sort, TableColumn, View};
use yew::prelude::*;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

use crate::state::{Action, WidgetState};

/// The dispatcher every view sends its actions to.
pub type Dispatch = UseReducerDispatcher<WidgetState>;

/// The callback that sends the action `to` makes of its value (a column to sort by,
/// an event): one helper, and one closure type for each kind of value rather than
/// one for each place.
pub fn send<T: 'static>(dispatch: &Dispatch, to: fn(T) -> Action) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |value| dispatch.dispatch(to(value)))
}

/// The id of a part of the widget `id` ("rw0-heading"): one function rather than
/// a `format!` at each of some twenty places, each of which was code of its own.
pub fn part_id(id: &str, part: &str) -> String {
    let mut out = String::with_capacity(id.len() + part.len() + 1);
    out.push_str(id);
    out.push('-');
    out.push_str(part);
    out
}

/// The `value` of the control an event came from, a text box or a list, read as
/// a property: one way for every kind of control (a type check for each kind would
/// be code of its own).
pub fn control_value(target: Option<web_sys::EventTarget>) -> String {
    target.and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default()
}

/// A view's header: its title, the widget's heading (which names the widget for
/// assistive technology), then `rest` (the election, when it was updated). One
/// copy of this markup for every view.
pub fn header(id: &str, title: String, lang: Option<&'static str>, rest: Html) -> Html {
    html! {
        <header class="rw-header">
            <h2 class="rw-title" id={part_id(id, "heading")} {lang}>{ title }</h2>
            { rest }
        </header>
    }
}

/// Tabs between the views; the current one is marked for assistive technology.
pub fn nav(state: &WidgetState, dispatch: &Dispatch, id: &str) -> Html {
    let locale = &state.locale;
    let single = crate::fetch::is_single_file(state.src());
    let tabs = View::ALL.into_iter().filter(|v| !(single && *v == View::National)).map(|view| {
        let current = state.route.view == view;
        let route = state.route.with_view(view);
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::Navigate(route.clone())));
        html! {
            <li>
                <button type="button" class="rw-tab" aria-current={current.then_some("page")} {onclick}>{ locale.text(view.label()) }</button>
            </li>
        }
    });
    html! {
        <nav class="rw-nav" aria-label={locale.text(Label::NavLabel).to_string()} id={part_id(id, "nav")}>
            <ul>{ for tabs }</ul>
        </nav>
    }
}

/// "Your postcode": a box that opens the reader's seat, on the views of a general
/// election on the seats postcodes find (see [`WidgetState::offers_postcode`]).
/// What it says (looking up, or why a postcode opens no seat) is in a polite live
/// region, which the input names as its description.
pub fn postcode_box(state: &WidgetState, dispatch: &Dispatch, id: &str) -> Html {
    if !state.offers_postcode() {
        return html! {};
    }
    let locale = &state.locale;
    let dispatch = dispatch.clone();
    let onsubmit = Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        let input = event.target().and_then(|form| form.unchecked_into::<web_sys::Element>().query_selector("input").ok().flatten());
        let typed = control_value(input.map(Into::into));
        dispatch.dispatch(Action::Postcode(typed));
    });
    let (typed, miss) = state.postcode.as_ref().map_or((None, None), |(typed, miss)| (Some(typed.clone()), miss.as_ref()));
    let said = match (&state.route.postcode, miss) {
        (Some(looking), _) => locale.fill(Label::PostcodeLooking, &[("postcode", looking)]),
        (None, Some(miss)) => miss.message(locale),
        (None, None) => String::new(),
    };
    let said_id = part_id(id, "postcode-said");
    html! {
        <form class="rw-postcode" role="search" {onsubmit}>
            <label>{ locale.text(Label::PostcodeLabel) }
                <input type="text" name="postcode" autocomplete="postal-code" spellcheck="false" maxlength="20"
                    value={state.route.postcode.clone().or(typed)} aria-invalid={miss.is_some().then_some("true")} aria-describedby={said_id.clone()} />
            </label>
            <button type="submit">{ locale.text(Label::PostcodeFind) }</button>
            <p id={said_id} class="rw-postcode-said" aria-live="polite">{ said }</p>
        </form>
    }
}

/// A column header holding a sort button, labelled as the locale says.
pub fn column_header<C: TableColumn + 'static>(column: C, locale: &Locale, sort: Sort<C>, on_sort: &Callback<C>) -> Html {
    sort_header(column, locale.text(column.label()), sort, on_sort)
}

/// A column header holding a sort button; the sorted one carries `aria-sort`.
pub fn sort_header<C: TableColumn + 'static>(column: C, label: &str, sort: Sort<C>, on_sort: &Callback<C>) -> Html {
    let aria_sort = sort.aria_for(column);
    let icon = match aria_sort {
        None => "↕",
        Some(_) if sort.direction == Direction::Ascending => "▲",
        Some(_) => "▼",
    };
    header_cell(label, icon, aria_sort, column.is_numeric(), on_sort.reform(move |_: MouseEvent| column))
}

/// The header cell itself, the same for every kind of column (one copy of its code,
/// not one per kind).
fn header_cell(label: &str, icon: &'static str, aria_sort: Option<&'static str>, numeric: bool, onclick: Callback<MouseEvent>) -> Html {
    let button = html! {
        <button type="button" class="rw-sort" {onclick}>
            { label.to_string() }
            <span class="rw-sort-icon" aria-hidden="true">{ icon }</span>
        </button>
    };
    // Literal classes: a computed one would bring in Yew's class-list code.
    if numeric {
        html! { <th scope="col" class="rw-col rw-num" aria-sort={aria_sort}>{ button }</th> }
    } else {
        html! { <th scope="col" class="rw-col" aria-sort={aria_sort}>{ button }</th> }
    }
}

/// Shown while a view's files load.
pub fn loading(locale: &Locale) -> Html {
    status(locale.text(Label::StatusLoading))
}

/// A word on where a view stands in place of it ("Loading results…", "Pick two
/// seats"), in a polite live region.
pub fn status(text: &str) -> Html {
    html! { <p class="rw-status" role="status">{ text.to_string() }</p> }
}

/// A message in place of a view that cannot be shown.
pub fn problem(message: String) -> Html {
    html! { <p class="rw-error" role="alert">{ message }</p> }
}

/// A paragraph of text with a class: one copy of the code for the views' many
/// (each `html!` paragraph is code of its own).
pub fn para(class: &'static str, text: String) -> Html {
    let mut p = crate::components::element("p", Some(AttrValue::Static(class)));
    p.add_child(text.into());
    p.into()
}

/// The data's credit line.
pub fn source(attribution: Option<&str>) -> Html {
    match attribution {
        Some(text) => para("rw-source", text.to_string()),
        None => html! {},
    }
}

/// "Updated 01:42": when the data on show was last updated, in the reader's time.
pub fn updated(iso: Option<&str>, locale: &Locale) -> Html {
    let Some(iso) = iso else { return html! {} };
    para("rw-updated", locale.fill(Label::StatusUpdated, &[("time", &clock(iso))]))
}

#[cfg(target_arch = "wasm32")]
fn clock(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// Rendered on a server, the time is given in UTC.
#[cfg(not(target_arch = "wasm32"))]
fn clock(iso: &str) -> String {
    iso.get(11..16).map_or_else(|| iso.to_string(), |hhmm| format!("{hhmm} UTC"))
}

/// On election night, where the view has an index: a polite live region that
/// announces new declarations (the sentence is the core's), and the reader's switch
/// to turn it off. Empty at first, so nothing is announced at the first load.
pub fn announcer(state: &WidgetState, dispatch: &Dispatch) -> Html {
    if state.route.refresh.is_none() || state.index().is_none() {
        return html! {};
    }
    let off = state.announcer.off;
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |_: Event| dispatch.dispatch(Action::AnnounceOff(!off)));
    html! {
        <div class="rw-announce">
            <label><input type="checkbox" checked={!off} {onchange} />{ state.locale.text(Label::AnnounceToggle) }</label>
            <p class="rw-visually-hidden" aria-live="polite">{ state.announcer.message.clone() }</p>
        </div>
    }
}

/// The note that the data on show could not be brought up to date.
pub fn stale(state: &WidgetState) -> Html {
    match &state.stale {
        Some(why) => html! { <p class="rw-stale" role="status">{ state.locale.fill(Label::StatusStale, &[("why", &why.message(&state.locale))]) }</p> },
        None => html! {},
    }
}
