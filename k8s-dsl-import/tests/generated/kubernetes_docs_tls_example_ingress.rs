// `tests/corpus/kubernetes-docs/tls-example-ingress.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/tls-example-ingress.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Ingress `tls-example-ingress` (document 1)
        Ingress::new("tls-example-ingress")
            .rule(IngressRule::host("https-example.foo.com").path(
                "/",
                PathType::Prefix,
                IngressBackend::service("service1", 80),
            ))
            .tls(["https-example.foo.com"], "testsecret-tls")
            .build()?
            .into(),
    ])
}
