// `tests/corpus/examples/gitops/production/configmap_shop-production_web-config.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/gitops/production/configmap_shop-production_web-config.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ConfigMap `web-config` (document 1)
        ConfigMap::new("web-config")
            .namespace("shop-production")
            .label("app", "web")
            .data("ENVIRONMENT", "production")
            .data("LOG_LEVEL", "info")
            .build()?
            .into(),
    ])
}
