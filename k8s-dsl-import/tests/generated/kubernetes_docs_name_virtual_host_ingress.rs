// `tests/corpus/kubernetes-docs/name-virtual-host-ingress.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/name-virtual-host-ingress.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Ingress `name-virtual-host-ingress` (document 1)
        Ingress::new("name-virtual-host-ingress")
            .rule(IngressRule::host("foo.bar.com").path(
                "/",
                PathType::Prefix,
                IngressBackend::service("service1", 80),
            ))
            .rule(IngressRule::host("bar.foo.com").path(
                "/",
                PathType::Prefix,
                IngressBackend::service("service2", 80),
            ))
            .build()?
            .into(),
    ])
}
