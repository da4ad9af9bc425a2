// `tests/corpus/pods/placeholder-image.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - Pod/templated `(whole object)`: an image is not a valid reference; the whole object is kept as JSON

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/placeholder-image.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `templated` (document 1)
        Object::Pod(serde_json::from_value(serde_json::json!({
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": { "name": "templated" },
            "spec": { "containers": [{ "image": "${IMAGE}", "name": "app" }] },
        }))?),
    ])
}
