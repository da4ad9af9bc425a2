// `tests/corpus/examples/priority_class.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/priority_class.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PriorityClass `high-priority` (document 1)
        PriorityClass::new("high-priority", 1000)
            .global_default(false)
            .description("This is a very high priority Pod class")
            .build()?
            .into(),
        // Pod `random-generator` (document 2)
        k8s_dsl::pod! {
            name: "random-generator",
            labels: { env: "random-generator" },
            containers: [ { name: "random-generator", image: "k8spatterns/random-generator:1.0" } ],
            priorityClassName: "high-priority",
        }
        .build()?
        .into(),
    ])
}
