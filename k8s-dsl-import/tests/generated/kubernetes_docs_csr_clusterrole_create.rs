// `tests/corpus/kubernetes-docs/csr-clusterrole-create.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/csr-clusterrole-create.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ClusterRole `csr-creator` (document 1)
        ClusterRole::new("csr-creator")
            .rule(
                Rule::in_group("certificates.k8s.io", ["certificatesigningrequests"]).verbs([
                    Verb::Create,
                    Verb::Get,
                    Verb::List,
                    Verb::Watch,
                ]),
            )
            .build()?
            .into(),
    ])
}
