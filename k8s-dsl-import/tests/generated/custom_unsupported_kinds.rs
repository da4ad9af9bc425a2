// `tests/corpus/custom/unsupported-kinds.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - HorizontalPodAutoscaler/legacy `(whole object)`: `autoscaling/v1` `HorizontalPodAutoscaler` has no builder; kept with `CustomResource`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/custom/unsupported-kinds.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Namespace `shop` (document 1)
        Namespace::new("shop")
            .build()?
            .into(),
        // ServiceAccount `reader` (document 2)
        ServiceAccount::new("reader").namespace("shop").automount_token(false)
            .build()?
            .into(),
        // Ingress `web` (document 3)
        Ingress::new("web")
            .namespace("shop")
            .annotation("nginx.ingress.kubernetes.io/rewrite-target", "/")
            .class("nginx")
            .rule(IngressRule::host("shop.example.com")
                .path("/", PathType::Prefix, IngressBackend::service("web", 80)))
            .build()?
            .into(),
        // HorizontalPodAutoscaler `legacy` (document 4)
        Object::Custom(
            CustomResource::new("autoscaling/v1", "HorizontalPodAutoscaler", "legacy")
                .spec(serde_json::json!({
                    "maxReplicas": 3,
                    "scaleTargetRef": { "apiVersion": "apps/v1", "kind": "Deployment", "name": "legacy" },
                    "targetCPUUtilizationPercentage": 80,
                }))
                .build()?,
        ),
    ])
}
