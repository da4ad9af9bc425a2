// `tests/corpus/kubernetes-docs/quota-pod-deployment.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/quota-pod-deployment.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `pod-quota-demo` (document 1)
        k8s_dsl::deployment! {
            name: "pod-quota-demo",
            replicas: 3,
            selector: { matchLabels: { purpose: "quota-demo" } },
            template: {
                labels: { purpose: "quota-demo" },
                containers: [ { name: "pod-quota-demo", image: "nginx" } ],
            },
        }
        .build()?
        .into(),
    ])
}
