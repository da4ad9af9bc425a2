// `tests/corpus/kubernetes-docs/ingress-wildcard-host.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/ingress-wildcard-host.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Ingress `ingress-wildcard-host` (document 1)
        Ingress::new("ingress-wildcard-host")
            .rule(IngressRule::host("foo.bar.com").path(
                "/bar",
                PathType::Prefix,
                IngressBackend::service("service1", 80),
            ))
            .rule(IngressRule::host("*.foo.com").path(
                "/foo",
                PathType::Prefix,
                IngressBackend::service("service2", 80),
            ))
            .build()?
            .into(),
    ])
}
