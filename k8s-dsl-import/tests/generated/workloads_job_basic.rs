// `tests/corpus/workloads/job-basic.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/job-basic.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Job `pi` (document 1)
        Job::new("pi")
            .namespace("batch")
            .label("app", "pi")
            .restart_policy(JobRestartPolicy::Never)
            .completions(5)
            .parallelism(2)
            .backoff_limit(4)
            .active_deadline(Duration::minutes(10))
            .ttl_after_finished(Duration::hours(24))
            .template(Pod::template().label("app", "pi").container(
                Container::new("pi").image("perl:5.34.0").command([
                    "perl",
                    "-Mbignum=bpi",
                    "-wle",
                    "print bpi(2000)",
                ]),
            ))
            .build()?
            .into(),
    ])
}
