//! One widget: loads its seat, keeps its state in one reducer, and reports where it
//! stands on its host element (`data-state`).

use std::rc::Rc;

use results_core::Column;
use yew::prelude::*;

use crate::components::{BarChartView, ResultTable, SummaryLine};
use crate::fetch::{load_seat, LoadedSeat};
use crate::state::{Action, Load, WidgetState};

/// What a widget shows, as the host element's `data-` attributes say.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// Where the data lives: a results directory or one results file.
    pub src: AttrValue,
    /// The seat's ONS code.
    pub seat: AttrValue,
    /// An election id; the latest in the data when not given.
    #[prop_or_default]
    pub election: Option<AttrValue>,
    /// The element the widget is mounted in; it gets `data-state`.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Makes element ids unique when several widgets share a page.
    #[prop_or_default]
    pub instance: usize,
    /// Data already in hand (server-side rendering, tests): nothing is fetched.
    #[prop_or_default]
    pub data: Option<Rc<LoadedSeat>>,
}

/// The results widget.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let state = {
        let data = props.data.clone();
        use_reducer(move || match data {
            Some(seat) => WidgetState { load: Load::Ready(seat), ..WidgetState::default() },
            None => WidgetState::default(),
        })
    };
    let retry = use_state(|| 0_u32);

    {
        let state = state.clone();
        let deps = (props.src.clone(), props.seat.clone(), props.election.clone(), *retry, props.data.is_some());
        use_effect_with(deps, move |(src, seat, election, _, preloaded)| {
            if *preloaded {
                return;
            }
            let (src, seat, election) = (src.to_string(), seat.to_string(), election.as_ref().map(ToString::to_string));
            state.dispatch(Action::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = load_seat(&src, &seat, election.as_deref()).await.map(Rc::new);
                state.dispatch(Action::Loaded(loaded));
            });
        });
    }

    {
        let host = props.host.clone();
        use_effect_with(state.load.data_state(), move |phase| {
            if let Some(host) = host {
                // Setting an attribute cannot fail on an element we were given.
                let _ = host.set_attribute("data-state", phase);
            }
        });
    }

    let id = format!("rw{}", props.instance);
    let body = match &state.load {
        Load::Loading => html! {
            <p class="rw-status" role="status">{ "Loading results…" }</p>
        },
        Load::Failed(err) => {
            let on_retry = {
                let retry = retry.clone();
                Callback::from(move |_| retry.set(*retry + 1))
            };
            html! {
                <div class="rw-error" role="alert">
                    <p>{ err.to_string() }</p>
                    <button type="button" class="rw-retry" onclick={on_retry}>{ "Try again" }</button>
                </div>
            }
        }
        Load::Ready(loaded) => {
            let on_sort = {
                let state = state.clone();
                Callback::from(move |column: Column| state.dispatch(Action::Press(column)))
            };
            let result = &loaded.result;
            html! {
                <>
                    <header class="rw-header">
                        <h2 class="rw-title" id={format!("{id}-heading")}>{ &result.name }</h2>
                        <p class="rw-election">{ &result.election_name }</p>
                    </header>
                    <SummaryLine loaded={loaded.clone()} />
                    <ResultTable loaded={loaded.clone()} sort={state.sort} {on_sort} />
                    <BarChartView loaded={loaded.clone()} id={format!("{id}-chart")} />
                    if let Some(attribution) = &loaded.attribution {
                        <p class="rw-source">{ attribution }</p>
                    }
                </>
            }
        }
    };

    html! {
        <section class="rw" aria-labelledby={format!("{id}-heading")} aria-busy={matches!(state.load, Load::Loading).to_string()}>
            { body }
        </section>
    }
}
