//! One widget's state as a value: what is loaded and how the table is sorted.
//! Every change is an [`Action`], so every view of the widget can be tested.

use std::rc::Rc;

use results_core::{Column, SeatResult, Sort};
use yew::Reducible;

use crate::fetch::{FetchError, LoadedSeat};

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    Loading,
    Ready(Rc<LoadedSeat>),
    Failed(Rc<FetchError>),
}

impl Load {
    /// The value of the host element's `data-state` attribute.
    pub fn data_state(&self) -> &'static str {
        match self {
            Load::Loading => "loading",
            Load::Ready(_) => "ready",
            Load::Failed(_) => "error",
        }
    }

    /// The loaded result, if any.
    pub fn result(&self) -> Option<&SeatResult> {
        match self {
            Load::Ready(loaded) => Some(&loaded.result),
            _ => None,
        }
    }
}

/// The state of one widget.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetState {
    pub load: Load,
    pub sort: Sort,
}

impl Default for WidgetState {
    fn default() -> Self {
        WidgetState { load: Load::Loading, sort: Sort::default() }
    }
}

/// Everything that changes a widget.
#[derive(Debug, Clone)]
pub enum Action {
    /// A load began (first load or a retry).
    Loading,
    /// A load finished.
    Loaded(Result<Rc<LoadedSeat>, FetchError>),
    /// The reader pressed a column's sort button.
    Press(Column),
}

impl WidgetState {
    /// The state after an action.
    pub fn apply(&self, action: Action) -> WidgetState {
        match action {
            Action::Loading => WidgetState { load: Load::Loading, ..self.clone() },
            Action::Loaded(Ok(seat)) => WidgetState { load: Load::Ready(seat), ..self.clone() },
            Action::Loaded(Err(err)) => WidgetState { load: Load::Failed(Rc::new(err)), ..self.clone() },
            Action::Press(column) => WidgetState { sort: self.sort.pressed(column), ..self.clone() },
        }
    }
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use results_core::Direction;

    #[test]
    fn loading_then_ready_then_sorted() {
        let state = WidgetState::default();
        assert_eq!(state.load.data_state(), "loading");
        let failed = state.apply(Action::Loaded(Err(FetchError::Status { status: 404, url: "x".into() })));
        assert_eq!(failed.load.data_state(), "error");
        let sorted = failed.apply(Action::Press(Column::Votes));
        assert_eq!(sorted.sort.direction, Direction::Ascending);
        assert_eq!(sorted.apply(Action::Loading).sort, sorted.sort, "a retry keeps the reader's sort");
    }
}
