// `tests/corpus/kubernetes-docs/namespaced-params.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/namespaced-params.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // IngressClass `external-lb` (document 1)
        IngressClass::new("external-lb", "example.com/ingress-controller")
            .namespaced_parameters(
                "k8s.example.com",
                "IngressParameters",
                "external-configuration",
                "external-lb",
            )
            .build()?
            .into(),
    ])
}
