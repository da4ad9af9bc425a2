// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "web",
// selector: { matchLabels: { app: "api" } },
// strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } },
// template: { labels: { app: "web" }, restartPolicy: Never, containers: [ { name: "web", image: "nginx" } ] },

fn expansion() {
    let _ = {
        ::core::compile_error! {
            "a deployment's pods must use restart policy `Always`, not `Never`; remove `restartPolicy` (or use a job for pods that finish) (rule 65)"
        }
        ::core::compile_error! {
            "`selector` does not match template `labels`: the template has no label `app: \"api\"`; give the template that label, or leave the selector out to derive it from the labels (rule 65)"
        }
        ::core::compile_error! {
            "`maxSurge` and `maxUnavailable` may not both be 0 (the rollout could never progress); allow at least one extra or one unavailable pod (rule 65)"
        }
        ::k8s_dsl::workload::Deployment::new("")
    };
}
