// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "rg",
// servceName: "random-generator",
// selector: { matchLabels: { app: "api" } },
// template: {
// labels: { app: "random-generator" },
// restartPolicy: Never,
// containers: [ { name: "app", image: "nginx:1.27", imagePullPolicy: Sometimes } ],
// },

fn expansion() {
    let _ = {
        ::core::compile_error! {
            "unknown key `servceName` in stateful set; did you mean `serviceName`?"
        }
        ::core::compile_error! {
            "`Sometimes` is not a image pull policy; expected one of `Always`, `IfNotPresent`, `Never`; use one of the listed values (rule 15)"
        }
        ::core::compile_error! {
            "a stateful set's pods must use restart policy `Always`, not `Never`; remove `restartPolicy` (or use a job for pods that finish) (rule 65)"
        }
        ::core::compile_error! {
            "`selector` does not match template `labels`: the template has no label `app: \"api\"`; give the template that label, or leave the selector out to derive it from the labels (rule 65)"
        }
        ::k8s_dsl::workload::StatefulSet::new("")
    };
}
