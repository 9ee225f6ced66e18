//! The widget's WebAssembly entry point. On the demo page, built by Trunk, it
//! mounts a widget in every host element; where the embed loader
//! (`results-widget.js`) started it, the loader decides when each widget mounts.
//!
//! In wasm it is wasm-bindgen's start function, which the glue calls once the module
//! is ready, rather than a Rust `main`: the standard library's runtime around a
//! `main` (its set-up of standard output, never written to here) cost 0.3 KB gzip.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen(start))]
fn main() {
    if !results_widget::mount::started_by_loader() {
        results_widget::mount::mount_all();
    }
}

/// Talc instead of the standard library's dlmalloc: smaller and faster in wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
