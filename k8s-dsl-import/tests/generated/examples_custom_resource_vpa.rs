// `tests/corpus/examples/custom_resource_vpa.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - VerticalPodAutoscaler/my-app-vpa `(whole object)`: `autoscaling.k8s.io/v1` `VerticalPodAutoscaler` has no builder; kept with `CustomResource`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/custom_resource_vpa.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // VerticalPodAutoscaler `my-app-vpa` (document 1)
        Object::Custom(
            CustomResource::new(
                "autoscaling.k8s.io/v1",
                "VerticalPodAutoscaler",
                "my-app-vpa",
            )
            .spec(serde_json::json!({
                "targetRef": { "apiVersion": "apps/v1", "kind": "Deployment", "name": "my-app" },
                "updatePolicy": { "updateMode": "Auto" },
            }))
            .build()?,
        ),
    ])
}
