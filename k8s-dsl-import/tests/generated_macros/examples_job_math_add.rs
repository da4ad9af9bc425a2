// `tests/corpus/examples/job_math_add.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/job_math_add.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Job `math-add-job` (document 1)
        k8s_dsl::job! {
            name: "math-add-job",
            completions: 3,
            parallelism: 3,
            template: {
                restartPolicy: Never,
                containers: [ {
                    name: "math-add",
                    image: "ubuntu",
                    command: ["expr", "3", "+", "2"],
                } ],
            },
        }
        .build()?
        .into(),
    ])
}
