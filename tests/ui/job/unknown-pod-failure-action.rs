fn main() {
    let _job = k8s_dsl::job! {
        name: "worker",
        podFailurePolicy: {
            rules: [ { action: Fail, onExitCodes: { operator: In, values: [42] } } ],
        },
        podReplacementPolicy: failed,
        template: { restartPolicy: Never, containers: [ { name: "main", image: "busybox:1.36" } ] },
    };
}
