//! JSON in the widget: parsed by the browser's own `JSON.parse`, then read into the
//! results types by `results_core::json`. The widget carries no JSON parser and no
//! per-type parsing code of its own, which keeps about 40 KB of compressed code off
//! every page. Off the web (native unit tests) the core's serde_json path is used.

use std::collections::BTreeMap;

use results_core::model::Index;
use results_core::{LoadError, ResultsFile};

/// A results file, checked and validated.
pub fn results(text: &str) -> Result<ResultsFile, LoadError> {
    #[cfg(target_arch = "wasm32")]
    return results_core::load::results_from(&browser::parse(text)?);
    #[cfg(not(target_arch = "wasm32"))]
    return results_core::parse_results(text);
}

/// A results directory's index, checked.
pub fn index(text: &str) -> Result<Index, LoadError> {
    #[cfg(target_arch = "wasm32")]
    return results_core::load::index_from(&browser::parse(text)?);
    #[cfg(not(target_arch = "wasm32"))]
    return results_core::parse_index(text);
}

/// An object of label texts.
pub fn labels(text: &str) -> Result<BTreeMap<String, String>, LoadError> {
    #[cfg(target_arch = "wasm32")]
    return results_core::json::labels(&browser::parse(text)?);
    #[cfg(not(target_arch = "wasm32"))]
    return results_core::load::parse_labels(text);
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use results_core::json::{Json, Kind};
    use results_core::LoadError;
    use wasm_bindgen::{JsCast, JsValue};

    /// A value `JSON.parse` made.
    pub struct Js(JsValue);

    /// Parses `text` with `JSON.parse`; a syntax error keeps the browser's words and,
    /// where it gives one, the place.
    pub fn parse(text: &str) -> Result<Js, LoadError> {
        js_sys::JSON::parse(text).map(Js).map_err(|err| {
            let message = err.dyn_ref::<js_sys::Error>().and_then(|e| e.message().as_string()).unwrap_or_default();
            syntax(&message, text)
        })
    }

    /// "Expected ',' or '}' after property value in JSON at position 12 (line 1
    /// column 13)" becomes the words before " in JSON" and the line and column of
    /// the position; the end of the input is placed at the end of the text.
    fn syntax(message: &str, text: &str) -> LoadError {
        let position = message.split_once("at position ").and_then(|(_, rest)| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        });
        let offset = position.or_else(|| message.contains("end of JSON").then_some(text.len()));
        let words = message.split(" in JSON at").next().unwrap_or(message);
        let words = words.split(" at position").next().unwrap_or(words);
        LoadError::Syntax {
            message: words.to_string(),
            // The browser counts UTF-16 units; near enough to find the place.
            at: offset.map(|offset| results_core::load::line_and_column(text, offset)),
        }
    }

    impl Json for Js {
        fn kind(&self) -> Kind {
            let v = &self.0;
            if v.is_null() || v.is_undefined() {
                Kind::Null
            } else if v.as_bool().is_some() {
                Kind::Bool
            } else if v.as_f64().is_some() {
                Kind::Number
            } else if v.is_string() {
                Kind::String
            } else if js_sys::Array::is_array(v) {
                Kind::Array
            } else {
                Kind::Object
            }
        }
        fn as_bool(&self) -> Option<bool> {
            self.0.as_bool()
        }
        fn as_f64(&self) -> Option<f64> {
            self.0.as_f64()
        }
        fn as_string(&self) -> Option<String> {
            self.0.as_string()
        }
        fn is_null(&self) -> bool {
            self.0.is_null() || self.0.is_undefined()
        }
        fn is_object(&self) -> bool {
            self.0.is_object() && !js_sys::Array::is_array(&self.0)
        }
        fn member(&self, key: &str) -> Option<Self> {
            // The keys asked for are the format's own names, none of which an object
            // inherits; `Reflect.get` on a value that is not an object fails, on a
            // list finds nothing.
            js_sys::Reflect::get(&self.0, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined()).map(Js)
        }
        fn items(&self) -> Option<Vec<Self>> {
            js_sys::Array::is_array(&self.0).then(|| self.0.unchecked_ref::<js_sys::Array>().iter().map(Js).collect())
        }
        fn entries(&self) -> Option<Vec<(String, Self)>> {
            if !self.is_object() {
                return None;
            }
            let entries = js_sys::Object::entries(self.0.unchecked_ref());
            Some(
                entries
                    .iter()
                    .filter_map(|pair| {
                        let pair: js_sys::Array = pair.unchecked_into();
                        Some((pair.get(0).as_string()?, Js(pair.get(1))))
                    })
                    .collect(),
            )
        }
    }
}
