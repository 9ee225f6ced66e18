use std::rc::Rc;

use results_core::format::{percent, thousands};
use results_core::{Column, Sort};
use yew::prelude::*;

use crate::fetch::LoadedSeat;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub loaded: Rc<LoadedSeat>,
    pub sort: Sort,
    pub on_sort: Callback<Column>,
}

/// The candidates as a table whose column headers are sort buttons.
#[component]
pub fn ResultTable(props: &TableProps) -> Html {
    let result = &props.loaded.result;
    let order = props.sort.order(&result.rows);
    let headers = Column::ALL.iter().map(|&column| {
        let sorted = props.sort.column == column;
        let aria_sort = sorted.then(|| AttrValue::Static(props.sort.direction.aria()));
        let onclick = props.on_sort.reform(move |_: MouseEvent| column);
        let class = classes!("rw-col", column.is_numeric().then_some("rw-num"));
        html! {
            <th scope="col" {class} aria-sort={aria_sort}>
                <button type="button" class="rw-sort" {onclick}>
                    { column.label() }
                    <span class="rw-sort-icon" aria-hidden="true">
                        { if !sorted { "↕" } else if props.sort.direction == results_core::Direction::Ascending { "▲" } else { "▼" } }
                    </span>
                </button>
            </th>
        }
    });
    let rows = order.iter().filter_map(|&i| result.rows.get(i)).map(|row| {
        html! {
            <tr key={row.rank} class={classes!(row.elected.then_some("rw-elected"))}>
                <th scope="row" class="rw-candidate">
                    { &row.name }
                    if row.elected { <span class="rw-badge">{ " Elected" }</span> }
                </th>
                <td class="rw-party">
                    <span class="rw-party-label">
                        <svg class="rw-swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                            <rect width="10" height="10" fill={row.colour.clone()} />
                        </svg>
                        <span>{ &row.party_name }</span>
                    </span>
                </td>
                <td class="rw-num">{ thousands(row.votes) }</td>
                <td class="rw-num">{ percent(row.share) }</td>
            </tr>
        }
    });
    html! {
        <div class="rw-table-wrap">
            <table class="rw-table">
                <caption>{ format!("Votes by candidate, {}, {}", result.name, result.election_name) }</caption>
                <thead><tr>{ for headers }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
