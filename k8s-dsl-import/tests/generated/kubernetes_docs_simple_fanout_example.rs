// `tests/corpus/kubernetes-docs/simple-fanout-example.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/simple-fanout-example.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Ingress `simple-fanout-example` (document 1)
        Ingress::new("simple-fanout-example")
            .rule(
                IngressRule::host("foo.bar.com")
                    .path(
                        "/foo",
                        PathType::Prefix,
                        IngressBackend::service("service1", 4200),
                    )
                    .path(
                        "/bar",
                        PathType::Prefix,
                        IngressBackend::service("service2", 8080),
                    ),
            )
            .build()?
            .into(),
    ])
}
