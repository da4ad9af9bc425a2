//! JSON output, through serde_json (JSON has no YAML 1.1 pitfalls).

use serde::Serialize;

use super::EmitError;

/// One object as pretty-printed JSON, ending in a newline.
pub fn to_json<T: Serialize + ?Sized>(object: &T) -> Result<String, EmitError> {
    let mut text = serde_json::to_string_pretty(object)?;
    text.push('\n');
    Ok(text)
}

/// Several objects as one JSON document: a `v1` `List`, which `kubectl apply -f` accepts.
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
