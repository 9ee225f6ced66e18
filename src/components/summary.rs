use std::rc::Rc;

use results_core::format::{percent, thousands};
use yew::prelude::*;

use crate::fetch::LoadedSeat;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub loaded: Rc<LoadedSeat>,
}

/// The result at a glance: winner, party, hold or gain, majority and turnout.
#[component]
pub fn SummaryLine(props: &SummaryProps) -> Html {
    let result = &props.loaded.result;
    let summary = &result.summary;
    let Some(winner) = result.winner() else {
        return html! { <p class="rw-summary">{ "No candidates." }</p> };
    };
    html! {
        <p class="rw-summary">
            <span class="rw-winner"><strong>{ &winner.name }</strong>{ format!(" ({})", winner.party_name) }</span>
            { " " }<span class="rw-result-text">{ &summary.result_text }</span>{ ". " }
            <span class="rw-majority">{ format!("Majority {} ({} of valid votes).", thousands(summary.majority), percent(summary.majority_share)) }</span>
            if let Some(turnout) = summary.turnout {
                { " " }<span class="rw-turnout">{ format!("Turnout {}.", percent(turnout)) }</span>
            }
        </p>
    }
}
