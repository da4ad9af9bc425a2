// `tests/corpus/kubernetes-docs/simple-clusterrole.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/simple-clusterrole.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ClusterRole `secret-reader` (document 1)
        ClusterRole::new("secret-reader")
            .rule(Rule::in_group("", ["secrets"]).verbs([Verb::Get, Verb::Watch, Verb::List]))
            .build()?
            .into(),
    ])
}
