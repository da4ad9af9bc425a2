// `tests/corpus/examples/cronjob_random_generator.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/cronjob_random_generator.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // CronJob `random-generator` (document 1)
        k8s_dsl::cronjob! {
            name: "random-generator",
            schedule: "*/3 * * * *",
            jobTemplate: {
                template: {
                    restartPolicy: OnFailure,
                    containers: [ {
                        name: "random-generator",
                        image: "k8spatterns/random-generator:1.0",
                        command: ["java", "-cp", "/", "RandomRunner", "/numbers.txt", "10000"],
                    } ],
                },
            },
        }
        .build()?
        .into(),
    ])
}
