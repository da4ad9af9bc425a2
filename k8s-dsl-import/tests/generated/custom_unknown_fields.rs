// `tests/corpus/custom/unknown-fields.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - Deployment/future `spec.template.spec.containers[0].imagePullPolcy`: not a field of Deployment in k8s-openapi; the whole object is kept with `CustomResource`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/custom/unknown-fields.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `future` (document 1)
        Object::Custom(
            CustomResource::new("apps/v1", "Deployment", "future")
                .spec(serde_json::json!({
                    "selector": { "matchLabels": { "app": "future" } },
                    "template": {
                        "metadata": { "labels": { "app": "future" } },
                        "spec": {
                            "containers": [
                                {
                                    "image": "example/app:1.0",
                                    "imagePullPolcy": "Always",
                                    "name": "app",
                                },
                            ],
                        },
                    },
                }))
                .build()?,
        ),
    ])
}
