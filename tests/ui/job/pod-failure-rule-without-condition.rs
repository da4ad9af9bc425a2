fn main() {
    let _job = k8s_dsl::job! {
        name: "worker",
        podFailurePolicy: { rules: [ { action: FailJob } ] },
        template: { restartPolicy: Never, containers: [ { name: "main", image: "busybox:1.36" } ] },
    };
}
