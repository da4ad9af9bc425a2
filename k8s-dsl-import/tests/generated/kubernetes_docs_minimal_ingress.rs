// `tests/corpus/kubernetes-docs/minimal-ingress.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/minimal-ingress.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Ingress `minimal-ingress` (document 1)
        Ingress::new("minimal-ingress")
            .class("nginx-example")
            .rule(IngressRule::any_host().path(
                "/testpath",
                PathType::Prefix,
                IngressBackend::service("test", 80),
            ))
            .build()?
            .into(),
    ])
}
