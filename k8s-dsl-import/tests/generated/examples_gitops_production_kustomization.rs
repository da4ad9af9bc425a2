// `tests/corpus/examples/gitops/production/kustomization.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - Kustomization/ `(whole object)`: `kustomize.config.k8s.io/v1beta1` `Kustomization` has no builder; kept with `CustomResource`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/gitops/production/kustomization.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Kustomization without a name (document 1)
        Object::Custom(CustomObject {
            api_version: "kustomize.config.k8s.io/v1beta1".to_owned(),
            kind: "Kustomization".to_owned(),
            metadata: Default::default(),
            fields: serde_json::from_value(serde_json::json!({
                "resources": [
                    "configmap_shop-production_web-config.yaml",
                    "service_shop-production_web.yaml",
                    "deployment_shop-production_web.yaml",
                ],
            }))?,
        }),
    ])
}
