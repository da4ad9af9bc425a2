// `tests/corpus/examples/pod_disruption_budget.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_disruption_budget.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PodDisruptionBudget `random-generator-pdb` (document 1)
        PodDisruptionBudget::new("random-generator-pdb")
            .selector(Selector::new().label("app", "random-generator"))
            .min_available(2)
            .build()?
            .into(),
    ])
}
