// `tests/corpus/kubernetes-docs/ingress-resource-backend.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/ingress-resource-backend.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Ingress `ingress-resource-backend` (document 1)
        Ingress::new("ingress-resource-backend")
            .default_backend(IngressBackend::resource(
                "k8s.example.com",
                "StorageBucket",
                "static-assets",
            ))
            .rule(IngressRule::any_host().path(
                "/icons",
                PathType::ImplementationSpecific,
                IngressBackend::resource("k8s.example.com", "StorageBucket", "icon-assets"),
            ))
            .build()?
            .into(),
    ])
}
