// `tests/corpus/pods/list.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/list.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ConfigMap `listed-config` (document 1 items[0])
        ConfigMap::new("listed-config")
            .data("key", "value")
            .build()?
            .into(),
        // Pod `listed-pod` (document 1 items[1])
        k8s_dsl::pod! {
            name: "listed-pod",
            containers: [ {
                name: "app",
                image: "busybox:1.36",
                envFrom: [ { configMapRef: { name: "listed-config" } } ],
            } ],
        }
        .build()?
        .into(),
    ])
}
