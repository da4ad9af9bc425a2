// `tests/corpus/kubernetes-docs/test-ingress.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/test-ingress.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Ingress `test-ingress` (document 1)
        Ingress::new("test-ingress")
            .default_backend(IngressBackend::service("test", 80))
            .build()?
            .into(),
    ])
}
