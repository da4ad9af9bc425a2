// `tests/corpus/custom/custom-resources.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - VerticalPodAutoscaler/my-app-vpa `(whole object)`: `autoscaling.k8s.io/v1` `VerticalPodAutoscaler` has no builder; kept with `CustomResource`
// - Certificate/web-tls `(whole object)`: `cert-manager.io/v1` `Certificate` has no builder; kept with `CustomResource`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/custom/custom-resources.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // VerticalPodAutoscaler `my-app-vpa` (document 1)
        Object::Custom(
            CustomResource::new(
                "autoscaling.k8s.io/v1",
                "VerticalPodAutoscaler",
                "my-app-vpa",
            )
            .namespace("shop")
            .label("app", "my-app")
            .spec(serde_json::json!({
                "targetRef": { "apiVersion": "apps/v1", "kind": "Deployment", "name": "my-app" },
                "updatePolicy": { "updateMode": "Auto" },
            }))
            .build()?,
        ),
        // Certificate `web-tls` (document 2)
        Object::Custom(CustomObject {
            api_version: "cert-manager.io/v1".to_owned(),
            kind: "Certificate".to_owned(),
            metadata: serde_json::from_value(
                serde_json::json!({ "finalizers": ["cert-manager.io/cleanup"], "name": "web-tls" }),
            )?,
            fields: serde_json::from_value(serde_json::json!({
                "spec": {
                    "dnsNames": ["example.com", "www.example.com"],
                    "issuerRef": { "kind": "ClusterIssuer", "name": "letsencrypt" },
                    "secretName": "web-tls",
                },
            }))?,
        }),
    ])
}
