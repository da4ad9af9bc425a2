// `tests/corpus/workloads/job-manual-selector.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/job-manual-selector.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Job `manual` (document 1)
        Job::new("manual")
            .restart_policy(JobRestartPolicy::OnFailure)
            .manual_selector(Selector::new().label("job", "manual"))
            .suspend(true)
            .template(
                Pod::template().label("job", "manual").container(
                    Container::new("task")
                        .image("busybox:1.36")
                        .command(["sh", "-c", "echo done"]),
                ),
            )
            .build()?
            .into(),
    ])
}
