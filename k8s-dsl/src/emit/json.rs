//! JSON output, through serde_json (JSON has no YAML 1.1 pitfalls).
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let map = ConfigMap::new("settings").data("mode", "on").build()?;
//! let json = k8s_dsl::emit::json::to_json(&map)?;
//! assert!(json.contains("\"mode\": \"on\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;

use super::EmitError;

/// One object as pretty-printed JSON, ending in a newline.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let map = ConfigMap::new("settings").data("mode", "on").build()?;
/// let json = k8s_dsl::emit::to_json(&map)?;
/// assert!(json.starts_with("{\n  \"apiVersion\": \"v1\",\n"));
/// assert!(json.ends_with("}\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json<T: Serialize + ?Sized>(object: &T) -> Result<String, EmitError> {
    let mut text = serde_json::to_string_pretty(object)?;
    text.push('\n');
    Ok(text)
}

/// Several objects as one JSON document: a `v1` `List`, which `kubectl apply -f` accepts.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let maps = [
///     ConfigMap::new("one").data("a", "1").build()?,
///     ConfigMap::new("two").data("b", "2").build()?,
/// ];
/// let json = k8s_dsl::emit::to_json_list(&maps)?;
/// let list: serde_json::Value = serde_json::from_str(&json)?;
/// assert_eq!(list["kind"], "List");
/// assert_eq!(list["items"][1]["metadata"]["name"], "two");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json_list<T: Serialize>(objects: &[T]) -> Result<String, EmitError> {
    #[derive(Serialize)]
    struct List<'a, T> {
        #[serde(rename = "apiVersion")]
        api_version: &'static str,
        kind: &'static str,
        items: &'a [T],
    }
    to_json(&List {
        api_version: "v1",
        kind: "List",
        items: objects,
    })
}
