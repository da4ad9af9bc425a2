// `tests/corpus/kubernetes-docs/quota-pod-deployment.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/quota-pod-deployment.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `pod-quota-demo` (document 1)
        Deployment::new("pod-quota-demo")
            .replicas(3)
            .template(
                Pod::template()
                    .label("purpose", "quota-demo")
                    .container(Container::new("pod-quota-demo").image("nginx")),
            )
            .build()?
            .into(),
    ])
}
