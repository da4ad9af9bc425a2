// `tests/corpus/policy/priorityclass.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/policy/priorityclass.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PriorityClass `high-priority` (document 1)
        PriorityClass::new("high-priority", 1000000)
            .label("tier", "critical")
            .global_default(false)
            .description("For services that must not be preempted")
            .preemption_policy(PreemptionPolicy::Never)
            .build()?
            .into(),
        // PriorityClass `low` (document 2)
        PriorityClass::new("low", -10).build()?.into(),
    ])
}
