fn main() {
    let _job = k8s_dsl::job! {
        name: "math-add-job",
        template: {
            name: "math-add-pod",
            restartPolicy: Never,
            containers: [ { name: "math-add", image: "ubuntu" } ],
        },
    };
}
