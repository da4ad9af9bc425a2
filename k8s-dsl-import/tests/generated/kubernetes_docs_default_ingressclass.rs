// `tests/corpus/kubernetes-docs/default-ingressclass.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/default-ingressclass.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // IngressClass `example-class` (document 1)
        IngressClass::new("example-class", "k8s.io/example-class")
            .label("app.kubernetes.io/component", "controller")
            .annotation("ingressclass.kubernetes.io/is-default-class", "true")
            .build()?
            .into(),
    ])
}
