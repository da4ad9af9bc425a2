// `tests/corpus/kubernetes-docs/simple-role.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/simple-role.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Role `pod-reader` (document 1)
        Role::new("pod-reader")
            .namespace("default")
            .rule(Rule::in_group("", ["pods"]).verbs([Verb::Get, Verb::Watch, Verb::List]))
            .build()?
            .into(),
    ])
}
