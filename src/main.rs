//! The widget's WebAssembly entry point: mount a widget in every host element.

fn main() {
    results_widget::mount::mount_all();
}
