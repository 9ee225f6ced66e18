//! The national picture: seats and votes per party, a hex map, and every seat in a
//! table with search, filters and a "closest results" order.
//!
//! What depends only on the index, the seats just declared and the words (the
//! tallies, the parties' rows and chart, the filters' choices, the seats' rows and
//! the hex map) is built once per change of those, memoised in the view's
//! component ([`Built`]): a sort, a filter or a keystroke only moves rows. The hex
//! map and the seats' rows are the one fast path, markup from the core
//! (`SafeHtml`).

use std::rc::Rc;

use results_core::story::House;
use results_core::view::Row;
use results_core::html::SafeHtml;
use results_core::locale::Locale;
use results_core::model::Index;
use results_core::national::{self, hex_step, seat_order, SeatColumn, SeatFilter, Step};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{column_header, header, loading, send, source, updated, Dispatch};
#[cfg(feature = "ssr")]
use crate::components::markup::markup;
use crate::components::markup::set_markup;
use crate::components::{chart_frame, code_at, table, use_seats_table, ChartSpec, Shared};
use crate::state::{Action, WidgetState};
use results_core::locale::Label;

pub fn view(state: &WidgetState, dispatch: &Dispatch, id: &str, width: Option<u32>) -> Html {
    let Some(index) = state.index() else { return loading(&state.locale) };
    let open = {
        let (dispatch, route) = (dispatch.clone(), state.route.clone());
        Callback::from(move |code: String| dispatch.dispatch(Action::Navigate(route.for_seat(&code))))
    };
    html! {
        <National
            index={Shared(index.clone())}
            fresh={Shared(state.fresh.clone())}
            locale={Shared(state.locale.clone())}
            filter={state.filter.clone()}
            sort={state.national_sort}
            dispatch={dispatch.clone()}
            id={id.to_string()}
            {width}
            on_open={open}
        />
    }
}

/// The areas, and the parties (id, name) that won a seat: what the seats can be
/// filtered by.
type Choices = (Vec<String>, Vec<(String, String)>);

/// What the view shows that depends only on its index, the seats just declared and
/// the words.
struct Built {
    /// The parties' table: those with a seat or at least 1% of the votes.
    party_rows: Vec<Row>,
    /// The House: its chart, its seats and who controls it in words.
    house: Rc<House>,
    choices: Choices,
    /// Every seat's row, in the index's order.
    rows: Shared<Vec<SafeHtml>>,
    /// `None` where no seat has a hex.
    hex_map: Shared<Option<HexMap>>,
}

impl Built {
    fn new(index: &Rc<Index>, fresh: &Rc<Vec<String>>, locale: &Rc<Locale>) -> Built {
        // The parties' colours, before the render that shows them (see `swatches`).
        crate::swatches::colour(&index.parties);
        let tallies = national::tallies(index);
        let shown: Vec<_> = tallies.iter().filter(|t| t.seats > 0 || t.share >= 0.01).collect();
        Built {
            party_rows: results_core::view::party_rows(&shown, locale),
            house: Rc::new(House::new(&tallies, index.elects, locale)),
            choices: (national::areas(index), tallies.iter().filter(|t| t.seats > 0).map(|t| (t.party.id.clone(), t.party.name.clone())).collect()),
            rows: Shared(Rc::new(results_core::html::seat_rows(index, fresh, locale))),
            hex_map: Shared(Rc::new(HexMap::new(index, fresh, locale))),
        }
    }
}

/// The hex map: its empty frame, and its hexes built the first time they are asked
/// for (when the map comes near the viewport, or takes the focus) rather than with
/// the rest of the view, which a reader on a phone sees first.
pub struct HexMap {
    /// The map's `<svg>` element without its hexes, the size the whole map is, and
    /// a stop for the Tab key (which fills it, see [`National`]).
    frame: SafeHtml,
    index: Rc<Index>,
    fresh: Rc<Vec<String>>,
    locale: Rc<Locale>,
    svg: std::cell::OnceCell<SafeHtml>,
}

impl HexMap {
    fn new(index: &Rc<Index>, fresh: &Rc<Vec<String>>, locale: &Rc<Locale>) -> Option<HexMap> {
        let frame = results_core::html::hex_map_frame(index, locale)?;
        Some(HexMap { frame, index: index.clone(), fresh: fresh.clone(), locale: locale.clone(), svg: Default::default() })
    }

    /// The whole map (see `results_core::html::hex_map_svg`).
    fn svg(&self) -> &SafeHtml {
        self.svg.get_or_init(|| results_core::html::hex_map_svg(&self.index, &self.fresh, &self.locale).unwrap_or_default())
    }
}

/// The election at a glance: who controls it, the count so far, the seats chart
/// and the parties' table.
fn overview(index: &Index, built: &Built, locale: &Locale, id: &str, width: Option<u32>) -> Html {
    let n = &locale.numbers;
    let this = index.elections.iter().find(|e| e.id == index.election);
    let election = this.map_or(index.election.clone(), |e| e.name.clone());
    let total_seats = built.house.total;
    // Areas electing several each are a council's wards, or an assembly's constituencies.
    let areas_word = locale.text(match (total_seats as usize > index.seats.len(), this.map(|e| &e.kind)) {
        (false, _) => Label::NationalSeats,
        (true, Some(results_core::ElectionKind::Local)) => Label::NationalWards,
        _ => Label::NationalConstituencies,
    });
    let declared = index.seats.iter().filter(|r| r.declared).count();
    let count = (declared < index.seats.len())
        .then(|| locale.fill(Label::NationalDeclared, &[("declared", &n.thousands(declared as u64)), ("total", &n.thousands(index.seats.len() as u64))]));
    let party_head = html! {
        <tr>
            <th scope="col">{ locale.text(Label::ColumnParty) }</th>
            <th scope="col" class="rw-num">{ locale.text(Label::ColumnSeats) }</th>
            <th scope="col" class="rw-num">{ locale.text(Label::ColumnVotes) }</th>
            <th scope="col" class="rw-num">{ locale.text(Label::ColumnShare) }</th>
        </tr>
    };
    html! {
        <>
            { header(id, locale.fill(Label::NationalTitle, &[("election", &election), ("count", &n.thousands(index.seats.len() as u64)), ("areas", areas_word)]), None, html! {
                <>
                    { super::para("rw-election rw-control", built.house.summary.clone()) }
                    if let Some(count) = count {
                        { super::para("rw-declared", count) }
                    }
                    { updated(index.updated.as_deref(), locale) }
                </>
            }) }
            { chart_frame(&ChartSpec::House(built.house.clone()), id, "house-chart", width) }
            { table(locale.fill(Label::NationalPartiesCaption, &[("total", &n.thousands(u64::from(total_seats)))]), party_head, &built.party_rows, &(0..built.party_rows.len()).collect::<Vec<_>>()) }
        </>
    }
}

/// The seats as hexes coloured by winner; each hex is a link to its seat, and one
/// handler on the map serves every hex. The map is one stop for the Tab key and the
/// arrow keys move between hexes (`hex_step`). The map itself goes into `map`, an
/// element the widget makes (see [`National`]); `on_focus` puts the hexes in when the
/// map takes the focus before they are there, and keeps the tab stop on the focused
/// hex.
fn hex_map(
    map: &Option<web_sys::Element>,
    svg: &Shared<Option<HexMap>>,
    index: &Shared<Index>,
    locale: &Locale,
    on_open: &Callback<String>,
    on_focus: Callback<FocusEvent>,
) -> Html {
    if svg.0.is_none() {
        return html! {};
    }
    let open = on_open.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(code) = code_at(e.target()) {
            open.emit(code);
        }
    });
    let (open, index, to) = (on_open.clone(), index.clone(), map.clone());
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let Some(code) = code_at(e.target()) else {
            return;
        };
        let key = e.key();
        if key == "Enter" || key == " " {
            e.prevent_default();
            open.emit(code);
        } else if let Some(step) = Step::from_key(&key) {
            // The arrows move the focus, not the page.
            e.prevent_default();
            if let Some(next) = hex_step(&index.0, &code, step) {
                move_focus(&to, next);
            }
        }
    });
    html! {
        <figure class="rw-hexmap" {onclick} {onkeydown} onfocusin={on_focus}>
            { map_frame(map, svg) }
            <figcaption class="rw-source">{ locale.text(Label::NationalHexCredit) }</figcaption>
        </figure>
    }
}

/// Moves the focus to the hex `to` (which then takes the map's tab stop, see
/// [`National`]).
fn move_focus(map: &Option<web_sys::Element>, to: &str) {
    if let Some(hex) = map.as_ref().and_then(|map| hex_with(map, to)) {
        let _ = hex.focus();
    }
}

/// The element the map goes into, `<div class="rw-hexmap-map">`, made by the widget
/// rather than by Yew (which places it and never looks inside), so that the map's
/// frame is in it from the first render (see [`National`]).
#[cfg(not(feature = "ssr"))]
fn new_map_element() -> Option<web_sys::Element> {
    let element = web_sys::window()?.document()?.create_element("div").ok()?;
    element.set_class_name("rw-hexmap-map");
    Some(element)
}

#[cfg(not(feature = "ssr"))]
fn map_frame(map: &Option<web_sys::Element>, _: &Shared<Option<HexMap>>) -> Html {
    map.clone().map(|element| Html::VRef(element.into())).unwrap_or_default()
}

/// On a server (no DOM, no effects) the whole map goes straight into the HTML.
#[cfg(feature = "ssr")]
fn new_map_element() -> Option<web_sys::Element> {
    None
}

#[cfg(feature = "ssr")]
fn map_frame(_: &Option<web_sys::Element>, map: &Shared<Option<HexMap>>) -> Html {
    let svg = (*map.0).as_ref().map(|map| markup(map.svg()));
    html! { <div class="rw-hexmap-map">{ svg.unwrap_or_default() }</div> }
}

/// The search box, the area and party filters and "Closest results".
fn filters(choices: &Choices, filter: &SeatFilter, locale: &Locale, dispatch: &Dispatch, id: &str) -> Html {
    let set_filter = |update: fn(&mut SeatFilter, String)| {
        let (dispatch, filter) = (dispatch.clone(), filter.clone());
        Callback::from(move |e: Event| {
            let value = super::control_value(e.target());
            let mut next = filter.clone();
            update(&mut next, value);
            dispatch.dispatch(Action::Filter(next));
        })
    };
    let on_text = set_filter(|f, v| f.text = v).reform(|e: InputEvent| e.into());
    let on_area = set_filter(|f, v| f.area = Some(v).filter(|v| !v.is_empty()));
    let on_party = set_filter(|f, v| f.party = Some(v).filter(|v| !v.is_empty()));
    let on_closest = send(dispatch, |_: MouseEvent| Action::Closest);
    // One option's markup for both lists.
    let option = |value: &String, name: &String, chosen: &Option<String>| {
        let selected = chosen.as_ref() == Some(value);
        html! { <option value={value.clone()} {selected}>{ name.clone() }</option> }
    };
    let area_options = choices.0.iter().map(|area| option(area, area, &filter.area));
    let party_options = choices.1.iter().map(|(party, name)| option(party, name, &filter.party));
    let all = locale.text(Label::NationalAll);
    html! {
        <div class="rw-filters" role="search" aria-label={locale.text(Label::NationalFilters).to_string()}>
            <div class="rw-field">
                <label for={super::part_id(id, "search")}>{ locale.text(Label::NationalSearch) }</label>
                <input type="search" id={super::part_id(id, "search")} value={filter.text.clone()} oninput={on_text} />
            </div>
            <div class="rw-field">
                <label for={super::part_id(id, "area")}>{ locale.text(Label::NationalArea) }</label>
                <select id={super::part_id(id, "area")} onchange={on_area}>
                    <option value="" selected={filter.area.is_none()}>{ all }</option>
                    { for area_options }
                </select>
            </div>
            <div class="rw-field">
                <label for={super::part_id(id, "party")}>{ locale.text(Label::NationalParty) }</label>
                <select id={super::part_id(id, "party")} onchange={on_party}>
                    <option value="" selected={filter.party.is_none()}>{ all }</option>
                    { for party_options }
                </select>
            </div>
            <button type="button" class="rw-closest" onclick={on_closest}>{ locale.text(Label::NationalClosest) }</button>
        </div>
    }
}

/// Rows per `<tbody>` of the seats table: 50 measured fastest to sort (25 and 100
/// were slower).
const SEATS_PER_GROUP: usize = 50;

#[derive(Properties, PartialEq)]
struct NationalProps {
    index: Shared<Index>,
    /// Seats that declared in the last update, marked for a moment.
    fresh: Shared<Vec<String>>,
    locale: Shared<Locale>,
    filter: SeatFilter,
    sort: results_core::Sort<SeatColumn>,
    dispatch: Dispatch,
    id: AttrValue,
    width: Option<u32>,
    on_open: Callback<String>,
}

/// The view: the overview, then every seat: the hex map, the filters and the table
/// in the reader's order. The map's empty frame (the size the whole map will be) goes in with the render,
/// so the view is drawn whole; its 650 hexes go in when it comes within 400 px of
/// the viewport (or takes the focus), as the browser reports after laying the page
/// out: below the fold, as on a phone, the browser builds, lays out and paints them
/// once a reader is about to see them; on a first screen they come a frame after
/// the rest, rather than the view asking for a layout of its own to find out.
#[component]
fn National(props: &NationalProps) -> Html {
    let locale = &*props.locale.0;
    let built = use_memo((props.index.clone(), props.fresh.clone(), props.locale.clone()), |(index, fresh, locale)| Built::new(&index.0, &fresh.0, &locale.0));
    let hexes = &built.hex_map;
    let map = use_memo((), |()| new_map_element());
    let filled = use_mut_ref(|| false);
    let framed = use_mut_ref(|| None::<Shared<Option<HexMap>>>);
    if let (Some(element), Some(whole)) = (map.as_ref(), hexes.0.as_ref()) {
        if !*filled.borrow() && framed.borrow().as_ref() != Some(hexes) {
            set_markup(element, &whole.frame);
            *framed.borrow_mut() = Some(hexes.clone());
        }
    }
    {
        let (map, filled) = (map.clone(), filled.clone());
        use_effect_with(hexes.clone(), move |hexes| {
            let watch = match ((*map).clone(), hexes.0.as_ref()) {
                (Some(element), Some(_)) if !*filled.borrow() => fill_when_near(element, hexes.clone(), filled),
                (Some(element), Some(whole)) => {
                    replace_map(&element, whole.svg());
                    *filled.borrow_mut() = true;
                    None
                }
                _ => None,
            };
            move || {
                if let Some(watch) = watch {
                    let_go(watch);
                }
            }
        });
    }
    // The focus coming onto the map: the hexes go in if they are not in yet, and the
    // focused hex becomes the map's one tab stop, so Tab comes back to it.
    let on_focus = {
        let (map, filled, svg) = (map.clone(), filled.clone(), hexes.clone());
        Callback::from(move |e: FocusEvent| {
            let Some(element) = (*map).clone() else {
                return;
            };
            let stop = || element.query_selector(r#"[tabindex="0"]"#).ok().flatten();
            if !*filled.borrow() {
                *filled.borrow_mut() = true;
                if let Some(whole) = svg.0.as_ref() {
                    set_markup(&element, whole.svg());
                    // The frame that had the focus is gone: the map's tab stop takes it.
                    // (Every element of the map is an SVG element: no check of its type.)
                    if let Some(stop) = stop().map(JsCast::unchecked_into::<web_sys::SvgElement>) {
                        let _ = stop.focus();
                    }
                }
                return;
            }
            let Some(hex) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).filter(|t| t.has_attribute("data-code")) else {
                return;
            };
            if hex.get_attribute("tabindex").as_deref() != Some("0") {
                if let Some(old) = stop() {
                    let _ = old.set_attribute("tabindex", "-1");
                }
                let _ = hex.set_attribute("tabindex", "0");
            }
        })
    };
    let order = use_memo((props.index.clone(), props.filter.clone(), props.sort, props.locale.clone()), |(index, filter, sort, locale)| seat_order(&index.0, filter, *sort, &locale.0));
    let on_sort = send(&props.dispatch, Action::SortNational);
    let head = html! { <tr>{ for SeatColumn::ALL.iter().map(|&c| column_header(c, locale, props.sort, &on_sort)) }</tr> };
    let seats = use_seats_table(locale.text(Label::NationalSeatsCaption).to_string(), head, &built.rows, &order, SEATS_PER_GROUP, props.on_open.clone());
    let shown = locale.fill(Label::NationalShowing, &[("shown", &locale.numbers.thousands(order.len() as u64)), ("total", &locale.numbers.thousands(props.index.0.seats.len() as u64))]);
    html! {
        <>
            { overview(&props.index.0, &built, locale, &props.id, props.width) }
            { hex_map(&map, hexes, &props.index, locale, &props.on_open, on_focus) }
            { filters(&built.choices, &props.filter, locale, &props.dispatch, &props.id) }
            <p class="rw-count" role="status">{ shown }</p>
            { seats }
            { source(props.index.0.credit()) }
        </>
    }
}

/// Puts a new map in place of the one shown (a live update), keeping the reader's
/// place: the hex that was the tab stop stays so, and keeps the focus if it had it.
fn replace_map(element: &web_sys::Element, svg: &SafeHtml) {
    let stop = element.query_selector(r#"[tabindex="0"]"#).ok().flatten();
    let focused = stop.as_ref().is_some_and(|s| s.matches(":focus").unwrap_or(false));
    let code = stop.and_then(|s| s.get_attribute("data-code"));
    set_markup(element, svg);
    if let (Some(code), Ok(Some(first))) = (code, element.query_selector(r#"[tabindex="0"]"#)) {
        if let Some(hex) = hex_with(element, &code) {
            let _ = first.set_attribute("tabindex", "-1");
            let _ = hex.set_attribute("tabindex", "0");
            if focused {
                let _ = hex.focus();
            }
        }
    }
}

/// The map's hex for the seat `code`.
fn hex_with(map: &web_sys::Element, code: &str) -> Option<web_sys::SvgElement> {
    map.query_selector(&format!("[data-code={}]", results_core::html::css_string(code))).ok().flatten().map(JsCast::unchecked_into)
}

/// An IntersectionObserver and the callback it calls (which also fills the map
/// before the page prints), let go together.
type Watch = (web_sys::IntersectionObserver, Closure<dyn Fn(js_sys::Array)>);

/// Puts the whole map into `element` when it comes within 400 px of the viewport,
/// or the page is about to print, once. (In an iframe from another site browsers
/// ignore the margin: the map goes in as it comes into view.) The observer, to be
/// let go when the map changes or goes (see [`let_go`]); `None` (the map put in at
/// once) where the browser has no IntersectionObserver.
fn fill_when_near(element: web_sys::Element, hexes: Shared<Option<HexMap>>, filled: Rc<std::cell::RefCell<bool>>) -> Option<Watch> {
    let (target, whole, done) = (element.clone(), hexes.clone(), filled.clone());
    // Called with the observer's entries, or with the `beforeprint` event (whose
    // first item is no entry): the map goes in when near, or to be printed.
    let report = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.get(0).dyn_into::<web_sys::IntersectionObserverEntry>().map_or(true, |e| e.is_intersecting());
        if near && !*done.borrow() {
            if let Some(map) = whole.0.as_ref() {
                set_markup(&target, map.svg());
            }
            *done.borrow_mut() = true;
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("400px 0px");
    match web_sys::IntersectionObserver::new_with_options(report.as_ref().unchecked_ref(), &init) {
        Ok(observer) => {
            observer.observe(&element);
            if let Some(window) = web_sys::window() {
                let _ = window.add_event_listener_with_callback("beforeprint", report.as_ref().unchecked_ref());
            }
            Some((observer, report))
        }
        Err(_) => {
            if let Some(map) = hexes.0.as_ref() {
                set_markup(&element, map.svg());
            }
            *filled.borrow_mut() = true;
            None
        }
    }
}

/// Lets go of what [`fill_when_near`] set up.
fn let_go((observer, report): Watch) {
    observer.disconnect();
    if let Some(window) = web_sys::window() {
        let _ = window.remove_event_listener_with_callback("beforeprint", report.as_ref().unchecked_ref());
    }
}
